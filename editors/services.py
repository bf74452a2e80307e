"""State changes of editors and their invitations (STYLE.md: ``<noun>_<verb>``).

Each runs in one transaction, leaves an audit entry and queues its email for after
the commit, in the recipient's language.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from deeds.contacts import contact_consent_request
from deeds.services import deed_contact_set
from emails.services import email_queue

from .models import Editorship, Invitation, invitation_expiry


class EditorError(Exception):
    """The change is not possible in the current state; the message says why."""


def _path_in(language, view, **kwargs):
    """An address in the recipient's language (/sv/… for Swedish)."""
    with translation.override(language):
        return reverse(view, kwargs=kwargs)


def _email_invitation(invitation):
    email_queue(
        to=invitation.email,
        template="editor_invitation",
        context={
            "invitation": invitation,
            "organisations": list(invitation.organisations.order_by("sort_key")),
            "accept_path": _path_in(invitation.language, "editors:accept", token=invitation.token),
        },
        language=invitation.language,
        secrets=[invitation.token],
    )


@transaction.atomic
def invitation_send(*, email, organisations, language, actor):
    email = get_user_model().objects.normalize_email(email.strip())
    organisations = list(organisations)
    if not organisations:
        raise EditorError(_("Choose at least one organisation."))
    edits = set(
        Editorship.objects.filter(user__email__iexact=email).values_list(
            "organisation_id", flat=True
        )
    )
    if {o.pk for o in organisations} <= edits:
        raise EditorError(_("%(email)s already edits these organisations.") % {"email": email})
    invitation = Invitation.objects.create(email=email, language=language, invited_by=actor)
    invitation.organisations.set(organisations)
    invitation.log_action(
        "invitation.sent", actor=actor, data={"organisations": [o.pk for o in organisations]}
    )
    _email_invitation(invitation)
    return invitation


@transaction.atomic
def invitation_resend(invitation, *, actor):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.cancelled_at:
        raise EditorError(_("This invitation has been used or cancelled."))
    invitation.expires_at = invitation_expiry()
    invitation.save(update_fields=["expires_at"])
    invitation.log_action("invitation.resent", actor=actor)
    _email_invitation(invitation)
    return invitation


@transaction.atomic
def invitation_cancel(invitation, *, actor):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise EditorError(_("This invitation has already been accepted."))
    invitation.cancelled_at = invitation.cancelled_at or timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    invitation.log_action("invitation.cancelled", actor=actor)
    return invitation


@transaction.atomic
def invitation_accept(invitation, *, user=None, first_name="", last_name="", password=None):
    """Make the invited person an editor. ``user`` is the signed-in account with the
    invited address; without one, an account is created with ``password``."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise EditorError(_("This invitation has expired or has already been used."))
    users = get_user_model().objects
    if user is None:
        if users.filter(email__iexact=invitation.email).exists():
            raise EditorError(_("An account with this address exists: sign in first."))
        user = users.create_user(
            email=invitation.email,
            password=password,
            first_name=first_name.strip()[:150],
            last_name=last_name.strip()[:150],
            language=invitation.language,
        )
        user.log_action("account.created", actor=user, data={"invitation": invitation.pk})
    elif user.email.lower() != invitation.email.lower():
        raise EditorError(
            _("This invitation was sent to %(email)s. Sign in with that address.")
            % {"email": invitation.email}
        )
    for organisation in invitation.organisations.all():
        editorship, created = Editorship.objects.get_or_create(
            user=user, organisation=organisation, defaults={"added_by": invitation.invited_by}
        )
        if created:
            editorship.log_action(
                "editorship.added", actor=user, data={"invitation": invitation.pk}
            )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    invitation.log_action("invitation.accepted", actor=user)
    return user


@transaction.atomic
def editorship_remove(editorship, *, actor):
    editorship.organisation.log_action(
        "editorship.removed", actor=actor, data={"user": editorship.user_id}
    )
    editorship.delete()


@transaction.atomic
def contact_hand_over(deed, *, contact=None, name, role, email, phone, language, actor):
    """An editor gives a deed's contact role to a colleague. The colleague's details
    are not published until they consent through the link we email them (GDPR art. 7:
    consent is the person's own, not given on their behalf)."""
    if contact is not None and contact.deed_id != deed.pk:
        raise EditorError(_("This contact person belongs to another deed."))
    contact = deed_contact_set(
        deed, contact=contact, name=name, role=role, email=email, phone=phone
    )
    deed.log_action("deed.contact_handed_over", actor=actor, data={"contact": contact.pk})
    contact_consent_request(contact, language=language, template="contact_handover", editor=actor)
    return contact

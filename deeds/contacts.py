"""Contact persons give their own consent (GDPR art. 6(1)(a) and 7: consent is the
person's own, not given on their behalf, and as easy to withdraw as to give).

Whoever names someone else as a deed's contact person -- a submitter naming a
colleague, an editor handing the contact over -- only starts the question: the
person gets an email with a signed link (``contact-consent``) and their details are
published once they agree there; the same link withdraws them at any time. The
submitter's consent for themselves (the form's checkbox) stays their own word.

The link is salted with the address, so giving the contact role to another address
ends the previous person's link, and deleting the row ends it too.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.tokens import link_token, object_by_token
from emails.services import email_queue

from .models import DeedContact

CONSENT_PURPOSE = "contact-consent"


class ContactConsentError(Exception):
    """The answer does not change anything, or the contact cannot be asked."""


def contact_consent_token(contact):
    return link_token(CONSENT_PURPOSE, contact, contact.email.lower())


def contact_by_consent_token(token):
    """The contact a link was made for, or None for anything forged or outdated."""
    return object_by_token(
        DeedContact.objects.select_related("deed"),
        CONSENT_PURPOSE,
        token,
        lambda c: c.email.lower(),
    )


def consent_path(contact, language):
    """The consent page's address in the recipient's language (/sv/… for Swedish)."""
    with translation.override(language):
        return reverse("contact_consent", kwargs={"token": contact_consent_token(contact)})


@transaction.atomic
def contact_consent_request(contact, *, language, template="contact_consent_request", **context):
    """Ask ``contact`` (a saved row with an address) whether their details may be
    published; nothing of them is public until they agree. Called inside the
    transaction that names them: the email leaves only if it commits."""
    if not contact.email:
        raise ContactConsentError(_("A contact person without an email address cannot be asked."))
    contact.publish_consent = False
    contact.consent_asked_at = timezone.now()
    contact.consent_answered_at = None
    contact.save(update_fields=["publish_consent", "consent_asked_at", "consent_answered_at"])
    contact.deed.log_action(
        "deed.contact_consent_asked",
        actor_label="system",
        data={"contact": contact.pk, "language": language},
    )
    email_queue(
        to=contact.email,
        template=template,
        context={
            "deed": contact.deed,
            "contact": contact,
            "consent_path": consent_path(contact, language),
            **context,
        },
        language=language,
        secrets=[consent_path(contact, language)],
    )
    return contact


@transaction.atomic
def contact_consent_set(contact, *, consent):
    """The contact person's own answer through their link: agree, or decline/withdraw."""
    contact = DeedContact.objects.select_for_update().select_related("deed").get(pk=contact.pk)
    answered = contact.consent_answered_at is not None or contact.consent_asked_at is None
    if answered and contact.publish_consent == consent:
        raise ContactConsentError(
            _("Your details are already published.")
            if consent
            else _("Your details are already not published.")
        )
    contact.publish_consent = consent
    contact.consent_answered_at = timezone.now()
    contact.save(update_fields=["publish_consent", "consent_answered_at"])
    contact.deed.log_action(
        "deed.contact_consent_given" if consent else "deed.contact_consent_withdrawn",
        actor_label=f"contact person <{contact.email}>",
        data={"contact": contact.pk},
    )
    return contact


@transaction.atomic
def deed_contacts_set(deed, rows, *, submitter_email, ask):
    """Make ``deed``'s contact persons the given rows (dicts of name, role, email,
    phone and own_consent, in order), keeping what each person has already said.

    - The submitter's own row (same address, case-insensitively) follows the form's
      checkbox: their own consent for themselves.
    - A row with an address the deed already has keeps its row, link and consent:
      an edit that keeps the contact does not ask again.
    - A new address is asked (when ``ask``: on publication, not in previews).
    - A row without an address cannot be asked, so it is not published.
    Rows no longer named are deleted, which ends their links.
    """
    submitter = (submitter_email or "").strip().lower()
    existing = list(deed.contacts.all())
    by_email = {c.email.lower(): c for c in existing if c.email}
    by_name = {c.name: c for c in existing if not c.email}
    kept, to_ask = [], []
    for position, row in enumerate(rows, start=1):
        email = row["email"].strip()
        address = email.lower()
        contact = by_email.pop(address, None) if address else by_name.pop(row["name"], None)
        if contact is None:
            contact = DeedContact(deed=deed)
        contact.name, contact.role, contact.phone = row["name"], row["role"], row["phone"]
        contact.email, contact.position = email, position
        if address and address == submitter:
            contact.publish_consent = bool(row["own_consent"])
            contact.consent_asked_at = contact.consent_answered_at = None
        elif contact.pk is None:
            contact.publish_consent = False
            if address:
                to_ask.append(contact)
        contact.save()
        kept.append(contact.pk)
    deed.contacts.exclude(pk__in=kept).delete()
    if ask:
        for contact in to_ask:
            # The deed's language: the only language we know the colleague reads.
            contact_consent_request(contact, language=deed.language)
    return to_ask


@transaction.atomic
def deed_contact_set(deed, *, contact=None, name, role, email, phone):
    """Give one of ``deed``'s contact rows (a new last one when None) to a person and
    return it. Their details are not public until they consent themselves, so consent
    starts over; asking them and the audit entry are the caller's (who knows why)."""
    if contact is None:
        contact = DeedContact(deed=deed, position=deed.contacts.count())
    contact.name, contact.role = name.strip(), role.strip()
    contact.email, contact.phone = email.strip(), phone.strip()
    contact.publish_consent = False
    contact.save()
    return contact


def deed_contacts_withdraw(deed):
    """No contact person's details on ``deed`` are public any more (the submitter
    withdrew consent, GDPR art. 7(3))."""
    deed.contacts.update(publish_consent=False)

"""State changes of experts and rounds (staff's), and the experts' invitations.

An expert signs in with an ordinary account, invited like an organisation's editor: a
secret link (core/tokens.py, from ``invitation_salt``) valid for
``COACHING_INVITATION_DAYS``; accepting creates the account or ties the signed-in one
with the same address. Experts are not staff: they see only the applications
assigned to them (``Application.objects.visible_to``).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core import clock
from core.tokens import link_token, object_by_token
from emails.services import email_queue

from .models import Expert, Round
from .services import CoachingError

PURPOSE = "coaching-expert-invitation"
EXPERT_FIELDS = (
    "name",
    "organisation_name",
    "email",
    "language",
    "bio_fi",
    "bio_sv",
    "bio_en",
    "photo",
    "photo_alt",
    "is_public",
)


def invitation_token(expert):
    return link_token(PURPOSE, expert, expert.invitation_salt)


def expert_by_invitation(token):
    expert = object_by_token(
        Expert.objects.filter(user__isnull=True).exclude(invitation_salt=""),
        PURPOSE,
        token,
        lambda e: e.invitation_salt,
    )
    valid = timedelta(days=settings.COACHING_INVITATION_DAYS)
    if expert is None or expert.invited_at is None or clock.now() - expert.invited_at > valid:
        return None
    return expert


@transaction.atomic
def expert_create(*, fields, themes, actor):
    expert = Expert(**{k: v for k, v in fields.items() if k in EXPERT_FIELDS})
    expert.email = get_user_model().objects.normalize_email(expert.email.strip())
    expert.save()
    expert.themes.set(themes)
    expert.log_action("expert.created", actor=actor)
    return expert


@transaction.atomic
def expert_change(expert, *, fields, themes, actor):
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    changed = sorted(k for k, v in fields.items() if k in EXPERT_FIELDS and getattr(expert, k) != v)
    for name in changed:
        setattr(expert, name, fields[name])
    expert.save()
    expert.themes.set(themes)
    expert.log_action("expert.changed", actor=actor, data={"fields": changed})
    return expert


@transaction.atomic
def expert_invite(expert, *, actor):
    """Send (or send again) the invitation to sign in; a new link ends the old one."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if expert.user_id:
        raise CoachingError(_("%(name)s already has an account.") % {"name": expert.name})
    expert.invitation_salt = secrets.token_hex(16)
    expert.invited_at = clock.now()
    expert.save(update_fields=["invitation_salt", "invited_at"])
    expert.log_action("expert.invited", actor=actor)
    token = invitation_token(expert)
    with translation.override(expert.language):
        path = reverse("coaching:expert_accept", kwargs={"token": token})
    email_queue(
        to=expert.email,
        template="coaching_expert_invitation",
        context={
            "expert": expert,
            "accept_url": settings.SITE_URL.rstrip("/") + path,
            "valid_days": settings.COACHING_INVITATION_DAYS,
        },
        language=expert.language,
        secrets=[token],
    )
    return expert


@transaction.atomic
def expert_invitation_accept(expert, *, user=None, password=None, first_name="", last_name=""):
    """Tie the expert to the signed-in ``user`` with the invited address, or create
    an account with ``password``."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if expert.user_id or not expert.invitation_salt:
        raise CoachingError(_("This invitation has expired or has already been used."))
    users = get_user_model().objects
    if user is None:
        if users.filter(email__iexact=expert.email).exists():
            raise CoachingError(_("An account with this address exists: sign in first."))
        user = users.create_user(
            email=expert.email,
            password=password,
            first_name=first_name.strip()[:150],
            last_name=last_name.strip()[:150],
            language=expert.language,
        )
        user.log_action("account.created", actor=user, data={"expert": expert.pk})
    elif user.email.lower() != expert.email.lower():
        raise CoachingError(
            _("This invitation was sent to %(email)s. Sign in with that address.")
            % {"email": expert.email}
        )
    if Expert.objects.filter(user=user).exists():
        raise CoachingError(_("This account is already an expert's."))
    expert.user, expert.invitation_salt = user, ""
    expert.save(update_fields=["user", "invitation_salt"])
    expert.log_action("expert.joined", actor=user)
    return user


@transaction.atomic
def round_create(*, year, budget_days, opens_on, closes_on, actor):
    _check_round(budget_days, opens_on, closes_on)
    if Round.objects.filter(year=year).exists():
        raise CoachingError(_("The round of %(year)s exists already.") % {"year": year})
    round_ = Round.objects.create(
        year=year, budget_days=budget_days, opens_on=opens_on, closes_on=closes_on
    )
    round_.log_action("round.created", actor=actor, data={"budget": str(budget_days)})
    return round_


@transaction.atomic
def round_change(round_, *, budget_days, opens_on, closes_on, actor):
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    _check_round(budget_days, opens_on, closes_on, round_)
    data = {"budget": [str(round_.budget_days), str(budget_days)]}
    round_.budget_days, round_.opens_on, round_.closes_on = budget_days, opens_on, closes_on
    round_.save()
    round_.log_action("round.changed", actor=actor, data=data)
    return round_


def _check_round(budget_days, opens_on, closes_on, round_=None):
    if budget_days is None or budget_days < 0:
        raise CoachingError(_("The budget is a number of days, 0 or more."))
    if opens_on is None or closes_on is None or closes_on < opens_on:
        raise CoachingError(_("Applications must close on or after the day they open."))
    # One round takes applications on any day: the application joins the open one.
    others = Round.objects.filter(opens_on__lte=closes_on, closes_on__gte=opens_on)
    if round_ is not None:
        others = others.exclude(pk=round_.pk)
    if others.exists():
        raise CoachingError(
            _("The round of %(year)s takes applications on some of these days.")
            % {"year": others.first().year}
        )

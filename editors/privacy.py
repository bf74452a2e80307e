"""The editors app's privacy contract (docs/privacy.md): invitations by email address,
and the editorships that tie an account to organisations (exported with the account,
accounts/privacy.py; removed with it)."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.i18n import days

from .models import Editorship, Invitation

MODELS = [Editorship, Invitation]


def personal_data_export(address):
    return {
        "editor_invitations": [
            {"created_at": i.created_at.isoformat(), "accepted": bool(i.accepted_at)}
            for i in Invitation.objects.filter(email__iexact=address)
        ]
    }


def personal_data_erase(address, phones=()):
    return {"invitations": Invitation.objects.filter(email__iexact=address).delete()[0]}


def personal_data_prune(now=None):
    # An expired invitation can no longer be used but stays until erased, so staff see
    # whom they invited (the README's retention table says so).
    return {}


def notice_purposes():
    return [
        dict(
            key="editors",
            title=_("Organisation editors and staff"),
            description=_(
                "People whom the programme team invites to look after their organisation's "
                "deeds, and the programme's staff, have an account for signing in."
            ),
            data=_(
                "Name, email address, language, a one-way hash of the password, the "
                "organisations the person edits and a log of what they changed."
            ),
            legal_basis=_(
                "Legitimate interest (GDPR art. 6(1)(f)): keeping the deeds up to date and "
                "knowing who changed what."
            ),
            retention=[
                _("An invitation is valid for %(days)s and is then no longer usable.")
                % {"days": days(settings.EDITOR_INVITATION_DAYS)},
                _(
                    "The account is kept while the person edits for an organisation; the "
                    "programme team removes it when the person asks or the editorship ends."
                ),
                ngettext(
                    "After %(n)s sign-in attempt in an hour from one IP address or with one "
                    "email address, the form asks to wait; both are kept only as one-way "
                    "hashes, for a day at most.",
                    "After %(n)s sign-in attempts in an hour from one IP address or with one "
                    "email address, the form asks to wait; both are kept only as one-way "
                    "hashes, for a day at most.",
                    settings.SIGN_IN_ATTEMPTS_PER_HOUR,
                )
                % {"n": settings.SIGN_IN_ATTEMPTS_PER_HOUR},
            ],
        )
    ]

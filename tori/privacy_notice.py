"""The privacy notice's purposes and retention periods, built from the settings the
code itself uses (SUBMISSION_DRAFT_DAYS, ANALYTICS_RAW_DAYS, FEEDBACK_RETENTION_DAYS…),
so the notice and the pruning jobs cannot disagree (GDPR art. 13(2)(a)).

Each purpose is a ``Purpose``, written by the app that processes the data in its
privacy contract's ``notice_purposes()`` (docs/privacy.md). An app that starts
processing personal data for a new purpose (the coming newsletter and event
registration) adds its contract to settings.PRIVACY_CONTRACTS; neither this module
nor the template changes.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from core.i18n import days

from .personal_data import notice_purposes

# The Data Protection Ombudsman's site (given to the template: templates name no other
# hosts, tests/tori/test_security.py).
DATA_PROTECTION_AUTHORITY_URL = "https://tietosuoja.fi"


@dataclass
class Purpose:
    key: str
    title: str
    description: str
    data: str
    legal_basis: str
    retention: list[str] = field(default_factory=list)


def purposes():
    return [Purpose(**purpose) for purpose in notice_purposes()]


def cookies():
    """The only cookies: those the forms and signing in need (no consent needed,
    ePrivacy directive art. 5(3): strictly necessary)."""
    session_days = max(1, settings.SESSION_COOKIE_AGE // 86400)
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": _("Keeps a signed-in person signed in and carries one-time notices."),
            "duration": _("at most %(days)s") % {"days": days(session_days)},
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": _("Protects forms against requests forged by other sites."),
            "duration": _("at most %(days)s")
            % {"days": days(max(1, settings.CSRF_COOKIE_AGE // 86400))},
        },
    ]


def notice_context():
    return {
        "purposes": purposes(),
        "cookies": cookies(),
        "controller_name": settings.PRIVACY_CONTROLLER_NAME,
        "controller_address": settings.PRIVACY_CONTROLLER_ADDRESS,
        "contact_email": settings.PRIVACY_CONTACT_EMAIL,
        "authority_url": DATA_PROTECTION_AUTHORITY_URL,
        # Stored with each consent given on a form, so it is shown where people read it.
        "version": settings.PRIVACY_NOTICE_VERSION,
    }

"""The privacy notice's purposes and retention periods, built from the settings the
code itself uses (SUBMISSION_DRAFT_DAYS, ANALYTICS_RAW_DAYS, FEEDBACK_RETENTION_DAYS…),
so the notice and the pruning jobs cannot disagree (GDPR art. 13(2)(a)).

Each purpose is a ``Purpose``. An app that starts processing personal data for a new
purpose (the coming newsletter and event registration) gives its ``privacy`` module a
``notice_purpose()`` and adds it to ``purposes()`` below; the template needs no change.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from feedback.privacy import notice_purpose as feedback_purpose

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


def days(n):
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": n}


def _deeds():
    return Purpose(
        key="deeds",
        title=_("Sharing a deed"),
        description=_(
            "We receive, check and publish descriptions of development work that people "
            "share with the form, and send the sender messages about their deed."
        ),
        data=_(
            "The sender's email address, what they write in the form, images and "
            "attachments, and the deed's history of changes."
        ),
        legal_basis=_(
            "Legitimate interest (GDPR art. 6(1)(f)): the programme's task of collecting "
            "and sharing municipal-sector development work."
        ),
        retention=[
            _(
                "Drafts and deeds whose sender never confirmed their email address are "
                "deleted when nobody has touched them for %(days)s."
            )
            % {"days": days(settings.SUBMISSION_DRAFT_DAYS)},
            _(
                "The sender's email address is kept with a published deed so that the "
                "sender can edit it, until the deed is removed or the sender asks for "
                "erasure."
            ),
        ],
    )


def _contacts():
    return Purpose(
        key="contacts",
        title=_("Contact persons of deeds"),
        description=_(
            "A deed can name people whom readers may contact about it. Their details are "
            "published only with their own consent: a person named by someone else is "
            "emailed when the deed is published and asked to agree; anyone can withdraw "
            "at any time through the link we email them."
        ),
        data=_("Name, title or role, email address and phone number."),
        legal_basis=_("Consent (GDPR art. 6(1)(a)) for publishing the details."),
        retention=[
            _(
                "Withdrawing consent removes the details from public pages at once; they "
                "are stored with the deed until it is removed or the person asks for "
                "erasure."
            )
        ],
    )


def _editors():
    return Purpose(
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
                "After %(n)s sign-in attempt in an hour from one IP address, the form asks "
                "to wait; the IP address is kept only as a one-way hash for that hour.",
                "After %(n)s sign-in attempts in an hour from one IP address, the form asks "
                "to wait; the IP address is kept only as a one-way hash for that hour.",
                settings.SIGN_IN_ATTEMPTS_PER_HOUR,
            )
            % {"n": settings.SIGN_IN_ATTEMPTS_PER_HOUR},
        ],
    )


def _email():
    return Purpose(
        key="email",
        title=_("Email messages"),
        description=_(
            "The service sends email only about the matter the person is involved in: "
            "confirming an address, a deed's state, consent requests and invitations."
        ),
        data=_("The recipient's address, the message and whether it was delivered."),
        legal_basis=_("The same as the purpose the message serves."),
        retention=[
            _("Sent messages are deleted %(days)s after they were written.")
            % {"days": days(settings.SUBMISSION_DRAFT_DAYS)}
        ],
    )


def _analytics():
    return Purpose(
        key="analytics",
        title=_("Visitor statistics without cookies"),
        description=_(
            "We count page views and searches to know which content is used. No cookie "
            "or other identifier is stored on your device, and visitors who send Do Not "
            "Track or Global Privacy Control are not counted."
        ),
        data=_(
            "The page address, the referring site and the search words (searches with an "
            "email address or phone number are not recorded), and a visitor code made "
            "from the IP address and browser with a key that changes every day and is "
            "then deleted, so visitors cannot be recognised from one day to the next."
        ),
        legal_basis=_(
            "Legitimate interest (GDPR art. 6(1)(f)): developing the service on the basis "
            "of how it is used."
        ),
        retention=[
            _("Single page views are deleted after %(days)s; only daily totals are kept.")
            % {"days": days(settings.ANALYTICS_RAW_DAYS)}
        ],
    )


def purposes():
    return [
        _deeds(),
        _contacts(),
        _editors(),
        _email(),
        _analytics(),
        Purpose(**feedback_purpose()),
    ]


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
    }

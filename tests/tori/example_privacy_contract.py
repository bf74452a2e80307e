"""A privacy contract as a coming app (a newsletter) would write it: the tests add it to
settings.PRIVACY_CONTRACTS to show that nothing else needs to change."""

from django.conf import settings

MODELS = []
SUBSCRIBERS = {"tilaaja@example.fi"}


def personal_data_export(address):
    return {"newsletter": [{"subscribed": True}] if address in SUBSCRIBERS else []}


def personal_data_erase(address, phones=()):
    return {"subscriptions": int(address in SUBSCRIBERS)}


def personal_data_prune(now=None):
    return {"unconfirmed subscriptions": 2}


def notice_purposes():
    return [
        dict(
            key="newsletter",
            title="Newsletter",
            description="A monthly letter.",
            data="The email address.",
            legal_basis="Consent.",
            retention=[f"Kept {settings.SUBMISSION_DRAFT_DAYS} days after unsubscribing."],
        )
    ]

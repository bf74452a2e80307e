"""The accounts app's privacy contract (docs/privacy.md): staff and editor accounts.

Erasing leaves the account alone on purpose: an account is removed by the programme
team in the admin when the person asks or their editorship ends (the privacy notice
says so), because removing it also ends their access and may be a staff decision.
The export shows it, with the organisations it edits (``editors.Editorship``, read
through the reverse relation so that accounts imports no app above it).

The retention job deletes expired sessions: Django leaves them in the table until
something clears them, and a session holds the signed-in account's id.
"""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from .models import User

MODELS = [User, Session]


def personal_data_export(address):
    return {
        "account": [
            {
                "email": u.email,
                "name": u.get_full_name(),
                "joined": u.date_joined.isoformat(),
                "editor_of": [str(e.organisation) for e in u.editorships.all()],
            }
            for u in User.objects.filter(email__iexact=address)
        ]
    }


def personal_data_erase(address, phones=()):
    return {}


def personal_data_prune(now=None):
    if not settings.SESSION_ENGINE.endswith((".db", ".cached_db")):
        return {}  # the cache or signed cookies expire on their own
    expired = Session.objects.filter(expire_date__lt=now or timezone.now())
    return {"expired sessions": expired.delete()[0]}


def notice_purposes():
    # Accounts are described with the editors' purpose (editors/privacy.py).
    return []

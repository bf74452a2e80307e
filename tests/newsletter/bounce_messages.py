"""The sample messages of tests/newsletter/bounces/: real formats of bounces (Postfix,
Exchange Online, Gmail, Exim, qmail), an auto-reply, a mail client's unsubscribe
request and garbage. All but unknown_token.eml are addressed to TOKEN's VERP address."""

from pathlib import Path

from newsletter.models import Subscriber
from tests.newsletter.factories import subscribed

FOLDER = Path(__file__).parent / "bounces"
TOKEN = "4f1c0e6a9b2d47e3a8c5d1f07b3e9a62"
UNKNOWN_TOKEN = "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"


def sample(name):
    return (FOLDER / f"{name}.eml").read_bytes()


def names():
    return sorted(path.stem for path in FOLDER.glob("*.eml"))


def bouncing_subscriber(email="maija.virtanen@kunta.example.fi", *, confirm=True):
    """A subscriber whose bounce address is the samples' one."""
    subscriber = subscribed(email, confirm=confirm)
    Subscriber.objects.filter(pk=subscriber.pk).update(bounce_token=TOKEN)
    subscriber.refresh_from_db()
    return subscriber

"""Staff, issues and subscribers for the newsletter's staff pages' tests."""

from django.utils import timezone

from accounts.models import User
from newsletter.models import Bounce, BounceKind
from newsletter.services import subscriber_set_aside
from tests.newsletter.factories import subscribed

BASE = "/uutiskirje/hallinta/"


def staff_member(email="uutiskirje@example.fi", **fields):
    return User.objects.create_user(email=email, password="x", is_staff=True, **fields)


def set_aside(email=None, *, reason="Liian monta palautusta", bounces=3, **choices):
    """A subscriber set aside after permanent bounces, as bounces.py would leave them."""
    subscriber = subscribed(email, **choices)
    for n in range(bounces):
        Bounce.objects.create(
            subscriber=subscriber,
            kind=BounceKind.HARD,
            status_code="5.1.1",
            diagnostic=f"550 5.1.1 User unknown ({n})",
            message_id=f"<bounce-{subscriber.pk}-{n}@mx.example>",
        )
    subscriber.bounce_score = float(bounces)
    subscriber.last_bounce_on = timezone.localdate()
    subscriber.save(update_fields=["bounce_score", "last_bounce_on"])
    return subscriber_set_aside(subscriber, reason=reason)

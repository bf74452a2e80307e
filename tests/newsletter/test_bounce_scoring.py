"""Scoring bounces (Mailman's way): hard 1, soft 0.5 once a day, a stale score starts
again, the same message counts once, and the address is set aside at the threshold."""

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from newsletter.bounces import bounce_process, bounce_record
from newsletter.models import Bounce, BounceKind, SubscriberStatus
from tests.newsletter.bounce_messages import bouncing_subscriber, sample
from tests.newsletter.factories import subscribed

pytestmark = pytest.mark.django_db

HARD, SOFT = BounceKind.HARD, BounceKind.SOFT


def at(day, hour=12):
    """A moment of a day counted from 1 March 2025, Finnish time."""
    start = timezone.make_aware(dt.datetime(2025, 3, 1, hour))
    return start + dt.timedelta(days=day)


def bounce(subscriber, kind, day, message_id, **fields):
    return bounce_record(
        subscriber, kind=kind, message_id=message_id, received_at=at(day), **fields
    )


def reloaded(subscriber):
    subscriber.refresh_from_db()
    return subscriber


def test_three_hard_bounces_set_the_address_aside_with_the_last_reason():
    subscriber = subscribed()
    bounce(subscriber, HARD, 0, "a")
    bounce(subscriber, HARD, 1, "b")
    assert reloaded(subscriber).bounce_score == 2 and subscriber.is_active
    bounce(subscriber, HARD, 2, "c", status_code="5.1.1", diagnostic="User unknown")
    subscriber = reloaded(subscriber)
    assert subscriber.status == SubscriberStatus.SET_ASIDE
    assert "5.1.1 User unknown" in subscriber.set_aside_reason
    assert subscriber.last_bounce_on == dt.date(2025, 3, 3)
    actions = list(
        AuditEntry.objects.for_object(subscriber).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-4:] == [
        "newsletter.bounced",
        "newsletter.bounced",
        "newsletter.bounced",
        "newsletter.set_aside",
    ]
    last = AuditEntry.objects.for_object(subscriber).filter(action="newsletter.bounced").first()
    assert last.data == {"kind": "hard", "status_code": "5.1.1", "counted": True, "score": 3.0}


def test_soft_bounces_count_half_and_once_a_day():
    subscriber = subscribed()
    bounce(subscriber, SOFT, 0, "a")
    bounce(subscriber, SOFT, 0, "b")  # the same day (a full mailbox bounces every copy)
    assert reloaded(subscriber).bounce_score == 0.5
    bounce(subscriber, SOFT, 1, "c")
    bounce(subscriber, HARD, 1, "d")  # a hard one counts whatever came that day
    assert reloaded(subscriber).bounce_score == 2.0
    assert Bounce.objects.filter(subscriber=subscriber).count() == 4
    for day in (2, 3):
        bounce(subscriber, SOFT, day, f"e{day}")
    assert reloaded(subscriber).status == SubscriberStatus.SET_ASIDE


def test_a_stale_score_starts_again_from_zero(settings):
    settings.NEWSLETTER_BOUNCE_STALE_DAYS = 90
    subscriber = subscribed()
    bounce(subscriber, HARD, 0, "a")
    bounce(subscriber, HARD, 90, "b")  # 90 days later: not older than 90 days
    assert reloaded(subscriber).bounce_score == 2
    bounce(subscriber, HARD, 181, "c")  # 91 days after the last one
    assert reloaded(subscriber).bounce_score == 1
    assert subscriber.last_bounce_on == at(181).date()


def test_a_late_bounce_of_an_earlier_day_keeps_the_last_day():
    subscriber = subscribed()
    bounce(subscriber, HARD, 10, "a")
    bounce(subscriber, HARD, 5, "b")
    subscriber = reloaded(subscriber)
    assert (subscriber.bounce_score, subscriber.last_bounce_on) == (2, at(10).date())


def test_the_threshold_is_a_setting(settings):
    settings.NEWSLETTER_BOUNCE_THRESHOLD = 1.5
    subscriber = subscribed()
    bounce(subscriber, HARD, 0, "a")
    bounce(subscriber, SOFT, 0, "b")
    assert reloaded(subscriber).status == SubscriberStatus.SET_ASIDE
    assert reloaded(subscriber).set_aside_reason == "Liian monta palautusta."


def test_the_same_bounce_read_twice_counts_once():
    subscriber = bouncing_subscriber()
    assert bounce_process(sample("postfix_user_unknown"))[0] == "hard"
    assert bounce_process(sample("postfix_user_unknown"))[0] == "hard"
    assert bounce_record(subscriber, kind=HARD, message_id=Bounce.objects.get().message_id) is None
    assert Bounce.objects.count() == 1 and reloaded(subscriber).bounce_score == 1
    # A message without a Message-ID is known by its digest.
    anonymous = sample("exim_mailbox_full").replace(
        b"Message-Id: <E1ttQwx-00Aa1B-2k@mx.seutukunta.example>\n", b""
    )
    bounce_process(anonymous)
    bounce_process(anonymous)
    assert Bounce.objects.filter(kind=SOFT).count() == 1


def test_bounces_of_other_than_subscribed_addresses_are_kept_but_count_for_nothing():
    pending = subscribed(confirm=False)
    for day in range(4):
        bounce(pending, HARD, day, f"p{day}")
    pending = reloaded(pending)
    assert (pending.status, pending.bounce_score) == (SubscriberStatus.PENDING, 0)
    assert pending.bounces.count() == 4
    entry = AuditEntry.objects.for_object(pending).filter(action="newsletter.bounced").first()
    assert entry.data["counted"] is False

    aside = subscribed()
    for day in range(3):
        bounce(aside, HARD, day, f"s{day}")
    bounce(aside, HARD, 3, "s3")  # after it was set aside: no second set-aside
    aside = reloaded(aside)
    assert aside.status == SubscriberStatus.SET_ASIDE and aside.bounce_score == 3
    assert aside.bounces.count() == 4


def test_a_sample_bounce_is_recorded_with_its_date_and_reason():
    subscriber = bouncing_subscriber()
    bounce_process(sample("gmail_account_disabled"))
    recorded = subscriber.bounces.get()
    assert (recorded.kind, recorded.status_code) == ("hard", "5.2.1")
    assert recorded.received_at == dt.datetime(2025, 3, 13, 9, 22, 41, tzinfo=dt.UTC)
    assert recorded.diagnostic.startswith("550-5.2.1 The email account")

"""Sending an issue: copies per subscriber in batches, topic sections, the rate cap,
pause and resume, and no copy twice."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from emails.models import EmailStatus, OutgoingEmail
from newsletter.issue_services import issue_pause, issue_resume, issue_schedule
from newsletter.models import Delivery, IssueStatus
from newsletter.sending import issue_progress, newsletter_tick
from newsletter.services import subscriber_unsubscribe
from taxonomy.models import Sector, Theme
from tests.deeds.factories import DeedFactory
from tests.newsletter.factories import draft_issue, subscribed

pytestmark = pytest.mark.django_db


def recent(**fields):
    return DeedFactory(published_at=timezone.now() - dt.timedelta(days=1), **fields)


def test_each_subscriber_gets_the_new_deeds_of_their_topics_once(settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    sector, other_sector = Sector.objects.all()[:2]
    theme = Theme.objects.first()
    in_sector = recent(title="Sektorin teko", sectors=[sector])
    in_both = recent(title="Kahden aiheen teko", sectors=[sector], themes=[theme])
    recent(title="Muun sektorin teko", sectors=[other_sector])
    DeedFactory(title="Vanha teko", sectors=[sector])  # before the issue's period
    subscribed("koko@example.com")
    subscribed("aiheet@example.com", wants_newsletter=False, sectors=[sector], themes=[theme])
    nothing_new = subscribed(
        "hiljainen@example.com", wants_newsletter=False, themes=[Theme.objects.last()]
    )
    subscribed("vahvistamaton@example.com", confirm=False)
    issue = draft_issue(intro_fi="Hei kaikki!")
    issue_schedule(issue, actor=None)

    report = newsletter_tick()

    assert report.finished == [issue.key]
    by_address = {m.to[0]: m for m in mail.outbox if m.subject == issue.subject_fi}
    assert set(by_address) == {"koko@example.com", "aiheet@example.com"}
    text = by_address["aiheet@example.com"].body
    assert text.count(in_both.title) == 1  # in the sector's section, not again in the theme's
    assert in_sector.title in text and "Muun sektorin teko" not in text
    assert "Vanha teko" not in text and "Hei kaikki!" not in text
    assert "Hei kaikki!" in by_address["koko@example.com"].body
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_count == 2
    assert not Delivery.objects.filter(subscriber=nothing_new).exists()


def test_every_copy_carries_one_click_unsubscribe_and_its_own_bounce_address():
    subscriber = subscribed("lukija@example.com")
    issue_schedule(draft_issue(), actor=None)
    newsletter_tick()
    message = mail.outbox[-1]
    headers = message.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = headers["List-Unsubscribe"].split(", ")
    assert https.startswith("<http") and "/uutiskirje/lopeta/" in https
    assert mailto.startswith(f"<mailto:bounces+{subscriber.bounce_token}@")
    assert message.from_email == f"bounces+{subscriber.bounce_token}@tekojentori.fi"
    assert headers["From"] == "Tekojen tori <noreply@tekojentori.fi>"
    unsubscribe_link = https.strip("<>")
    assert unsubscribe_link in message.body
    assert "utm_campaign=" in message.body


def test_the_rate_cap_holds_across_ticks_and_pause_stops_sending(settings):
    settings.NEWSLETTER_RATE_PER_MINUTE = 3
    for _ in range(7):
        subscribed()
    issue = draft_issue()
    issue_schedule(issue, actor=None)
    sent_before = len(mail.outbox)

    newsletter_tick()
    assert len(mail.outbox) - sent_before == 3
    newsletter_tick()  # the same minute: nothing more
    assert len(mail.outbox) - sent_before == 3

    issue_pause(issue, actor=None)
    a_minute_later = timezone.now() - dt.timedelta(minutes=2)
    OutgoingEmail.objects.filter(bulk=True).update(claimed_at=a_minute_later)
    newsletter_tick()
    assert len(mail.outbox) - sent_before == 3
    assert issue_progress(issue).sent == 3 and issue_progress(issue).waiting == 4

    issue_resume(issue, actor=None)
    newsletter_tick()
    assert len(mail.outbox) - sent_before == 6


def test_a_copy_left_half_sent_by_a_killed_worker_is_not_sent_again():
    for _ in range(3):
        subscribed()
    issue = draft_issue()
    issue_schedule(issue, actor=None)
    newsletter_tick(deliver=False)  # copies written, nothing sent
    stuck = OutgoingEmail.objects.filter(bulk=True).first()
    # A worker took it and died before it could record what happened.
    OutgoingEmail.objects.filter(pk=stuck.pk).update(
        status=EmailStatus.SENDING, claimed_at=timezone.now() - dt.timedelta(hours=1)
    )
    before = len(mail.outbox)

    newsletter_tick()

    assert len(mail.outbox) - before == 2
    stuck.refresh_from_db()
    assert stuck.status == EmailStatus.FAILED
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and (issue.sent_count, issue.failed_count) == (2, 1)


def test_someone_who_leaves_while_an_issue_is_being_sent_gets_nothing_more(settings):
    settings.NEWSLETTER_RATE_PER_MINUTE = 2
    leaving = subscribed("lahtee@example.com")
    for _ in range(3):
        subscribed()
    issue = draft_issue()
    issue_schedule(issue, actor=None)
    newsletter_tick(deliver=False)
    subscriber_unsubscribe(leaving)
    for _ in range(3):
        OutgoingEmail.objects.filter(bulk=True).update(
            claimed_at=timezone.now() - dt.timedelta(minutes=5)
        )
        newsletter_tick()

    assert "lahtee@example.com" not in {
        m.to[0] for m in mail.outbox if m.subject == issue.subject_fi
    }
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_count == 3
    progress = issue_progress(issue)
    assert (progress.recipients, progress.sent, progress.skipped) == (4, 3, 1)

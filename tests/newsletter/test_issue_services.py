"""An issue's life through its services, and what it is composed of."""

import datetime as dt

import pytest
from django.utils import timezone

from emails.models import OutgoingEmail
from newsletter.compose import Choice, IssueContent
from newsletter.issue_services import (
    IssueError,
    issue_change,
    issue_create,
    issue_delete,
    issue_pause,
    issue_record_sent,
    issue_resume,
    issue_schedule,
    issue_test_send,
    issue_unschedule,
)
from newsletter.models import IssueStatus
from newsletter.sending import newsletter_tick
from recognition.services import campaign_create, highlight_schedule
from tests.deeds.factories import DeedFactory
from tests.events.factories_core import published_event
from tests.newsletter.factories import draft_issue, subscribed

pytestmark = pytest.mark.django_db


def test_a_new_issue_picks_this_weeks_highlights_the_running_campaign_and_the_period(
    staff_user,
):
    today = timezone.localdate()
    highlighted = DeedFactory(title="Viikon nosto")
    highlight_schedule(highlighted, week=today, actor=staff_user)
    highlight_schedule(DeedFactory(), week=today - dt.timedelta(days=14), actor=staff_user)
    campaign = campaign_create(
        name="Syyskampanja",
        slug="syyskampanja",
        starts_on=today - dt.timedelta(days=3),
        ends_on=today + dt.timedelta(days=20),
        target=50,
        actor=staff_user,
    )
    first = draft_issue()
    assert list(first.highlights.all()) == [highlighted]
    assert first.campaign == campaign

    first = issue_record_sent(first, actor=staff_user, sent_at=timezone.now(), recipients=5)
    second = issue_create(actor=staff_user, key="seuraava", subject_fi="Seuraava")
    assert second.deeds_since == first.sent_at  # new deeds count from the last issue


def test_the_blocks_appear_in_the_message_and_the_events_block_lists_upcoming_events():
    upcoming = published_event(title_fi="Työpaja: palaverit lyhyemmiksi", days_ahead=10)
    published_event(title_fi="Mennyt työpaja", days_ahead=-10)
    issue = draft_issue(intro_fi="Tervetuloa lukemaan!", closing_fi="Hyvää syksyä!")
    issue_change(
        issue,
        actor=None,
        news=[{"title_fi": "Uusi ominaisuus", "text_fi": "Nyt voi tilata.", "url": ""}],
    )
    subject, text, html = IssueContent(issue).message_for(Choice("fi", True))
    for words in ("Tervetuloa lukemaan!", "Hyvää syksyä!", "Uusi ominaisuus", upcoming.title_fi):
        assert words in text and words in html
    assert "Mennyt työpaja" not in text
    assert "Tulevat tapahtumat" in html and 'lang="fi"' in html

    issue = issue_change(issue, actor=None, show_events=False)
    _, text, _ = IssueContent(issue).message_for(Choice("fi", True))
    assert upcoming.title_fi not in text


def test_swedish_texts_fall_back_to_finnish_and_the_frame_is_in_swedish():
    issue = draft_issue(subject_fi="Suomeksi", intro_fi="Vain suomeksi")
    subject, text, html = IssueContent(issue).message_for(Choice("sv", True))
    assert subject == "Suomeksi" and "Vain suomeksi" in text
    assert "Avsluta prenumerationen" in text and 'lang="sv"' in html


def test_an_issue_is_edited_only_until_it_is_sent_and_moves_only_as_allowed(staff_user):
    subscribed()
    issue = draft_issue()
    issue_schedule(issue, actor=staff_user, at=timezone.now() + dt.timedelta(days=1))
    issue_change(issue, actor=staff_user, subject_fi="Korjattu otsikko")
    newsletter_tick()
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SCHEDULED  # not due yet
    issue_unschedule(issue, actor=staff_user)
    issue_schedule(issue, actor=staff_user)
    with pytest.raises(IssueError):
        issue_resume(issue, actor=staff_user)
    newsletter_tick(deliver=False)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING and issue.web_versions["fi"]
    with pytest.raises(IssueError):
        issue_change(issue, actor=staff_user, subject_fi="Liian myöhään")
    with pytest.raises(IssueError):
        issue_delete(issue, actor=staff_user)
    with pytest.raises(IssueError):
        issue_unschedule(issue, actor=staff_user)
    issue_pause(issue, actor=staff_user)
    with pytest.raises(IssueError):
        issue_pause(issue, actor=staff_user)


def test_a_test_send_goes_to_the_given_staff_addresses_marked_as_a_test(staff_user):
    issue = draft_issue(subject_fi="Joulukuun kirje")
    issue_test_send(issue, actor=staff_user, addresses=[staff_user.email], language="fi")
    [email] = OutgoingEmail.objects.all()
    assert email.to == staff_user.email and email.subject == "[TEST] Joulukuun kirje"
    assert "[[tt-" not in email.body_text and "[[tt-" not in email.body_html
    with pytest.raises(IssueError):
        issue_test_send(
            issue,
            actor=staff_user,
            addresses=[staff_user.email],
            language="fi",
            wants_newsletter=False,
            themes=[1],
        )


def test_a_draft_is_deleted_and_a_future_sending_time_cannot_be_recorded(staff_user):
    issue = draft_issue()
    with pytest.raises(IssueError):
        issue_record_sent(
            issue, actor=staff_user, sent_at=timezone.now() + dt.timedelta(days=1), recipients=1
        )
    issue_delete(issue, actor=staff_user)


def test_an_old_issue_recorded_for_the_archive_lists_no_events_announced_later(staff_user):
    published_event(title_fi="Ensi viikon työpaja", days_ahead=7)
    issue = draft_issue()
    issue = issue_record_sent(
        issue, actor=staff_user, sent_at=timezone.now() - dt.timedelta(days=400), recipients=10
    )
    assert "Ensi viikon työpaja" not in issue.web_version("fi")[0]

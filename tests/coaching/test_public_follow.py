"""The applicant's own page behind the secret link: the state, messages, withdrawing,
the feedback links to hand on and the share link after closing."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from coaching.feedback import feedback_open
from coaching.models import ApplicationStatus, Author, Message
from coaching.privacy import personal_data_erase
from coaching.services import (
    application_close,
    application_decline,
    application_token,
    message_send,
    session_plan,
)
from emails.models import OutgoingEmail

from .factories import accepted, expert, open_round, realised, sent
from .public_factories import feedback_urls, follow_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _round():
    return open_round(budget=Decimal("40"))


@pytest.mark.parametrize(
    ("prefix", "words"),
    [("", "Sparraushakemuksesi"), ("/sv", "Din ansökan om sparrning"), ("/en", "Your coaching")],
)
def test_the_page_in_each_language_is_private(client, prefix, words):
    application = sent(contact_name="Maija Meikäläinen")
    response = client.get(prefix + follow_url(application))
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html and "Maija Meikäläinen" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"


def test_the_steps_show_where_the_application_is(client):
    application = sent()
    html = client.get(follow_url(application)).content.decode()
    assert 'data-status="received"' in html
    assert 'aria-current="step"' in html
    assert html.count("coaching-steps__step--upcoming") == 6


def test_accepted_shows_the_days_the_expert_and_the_sessions(client):
    coach = expert(name="Sari Sparraaja")
    application = accepted(days=Decimal("2.5"), coach=coach)
    day = timezone.localdate() + datetime.timedelta(days=14)
    session_plan(application, date=day, actor=None)
    html = client.get(follow_url(application)).content.decode()
    assert "2,5" in html and "Sari Sparraaja" in html
    assert day.strftime("%-d.%-m.%Y") in html and "suunniteltu" in html
    assert 'data-status="scheduled"' in html


def test_declined_shows_the_reason(client):
    application = application_decline(sent(), reason="Budjetti on käytetty.", actor=None)
    html = client.get(follow_url(application)).content.decode()
    assert "Hakemus hylättiin." in html and "Budjetti on käytetty." in html
    assert "Peru hakemus" not in html


@pytest.mark.parametrize(
    "token", ["1.abc", "abc", "99999999999999999999.x", "1" * 19 + ".x", "٣.x", "-1.x"]
)
def test_a_forged_link_is_404(client, token):
    sent()
    assert client.get(f"/sparraus/hakemus/{token}/").status_code == 404
    assert client.post(f"/sparraus/hakemus/{token}/", {"action": "message"}).status_code == 404


def test_a_link_opens_only_its_own_application(client):
    mine = sent(contact_name="Minä Itse", goals="Oma tavoite")
    other = sent(contact_name="Joku Muu", goals="Toisen tavoite")
    signature = application_token(mine).partition(".")[2]
    forged = f"{other.pk}.{signature}"
    assert client.get(f"/sparraus/hakemus/{forged}/").status_code == 404
    html = client.get(follow_url(mine)).content.decode()
    assert "Oma tavoite" in html and "Toisen tavoite" not in html and "Joku Muu" not in html


def test_a_draft_has_no_follow_page(client):
    from .factories import draft

    application = draft()
    assert client.get(follow_url(application)).status_code == 404


def test_messages_from_the_team_and_the_applicants_answer(
    client, django_capture_on_commit_callbacks
):
    application = sent()
    message_send(application, author=Author.STAFF, body="Montako tiimiä osallistuu?")
    url = follow_url(application)
    html = client.get(url).content.decode()
    assert "Montako tiimiä osallistuu?" in html and "Ohjelman tiimi" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "message", "body": "Kaksi tiimiä.\x00"})
    assert response.status_code == 302
    assert response["Location"] == url + "#messages"
    answer = Message.objects.get(author=Author.APPLICANT)
    assert answer.body == "Kaksi tiimiä."
    assert OutgoingEmail.objects.filter(purpose="coaching_reply").exists()
    html = client.get(url).content.decode()
    assert "Kaksi tiimiä." in html and "Viestisi on lähetetty" in html


def test_an_empty_or_overlong_message_is_a_form_error(client):
    application = sent()
    url = follow_url(application)
    empty = client.post(url, {"action": "message", "body": "   "})
    assert empty.status_code == 400
    assert "Kirjoita viesti." in empty.content.decode()
    long = client.post(url, {"action": "message", "body": "x" * 5001})
    assert long.status_code == 400
    assert 'id="error-summary"' in long.content.decode()
    assert not Message.objects.exists()


def test_messages_are_limited_per_hour(client, monkeypatch):
    monkeypatch.setattr("coaching.views.MESSAGES_PER_HOUR", 1)
    url = follow_url(sent())
    assert client.post(url, {"action": "message", "body": "Yksi"}).status_code == 302
    assert client.post(url, {"action": "message", "body": "Kaksi"}).status_code == 429
    assert Message.objects.count() == 1


def test_withdrawing_asks_first_then_withdraws(client, django_capture_on_commit_callbacks):
    application = sent()
    url = follow_url(application)
    html = client.get(url).content.decode()
    assert 'value="withdraw"' in html
    confirm = client.post(url, {"action": "withdraw"})
    assert confirm.status_code == 200
    assert 'id="confirm-withdraw"' in confirm.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RECEIVED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "withdraw_confirm", "reason": "Organisaatiomuutos."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    entry = AuditEntry.objects.get(action="application.withdrawn")
    assert entry.reason == "Organisaatiomuutos." and entry.actor_label == "applicant"
    assert OutgoingEmail.objects.filter(purpose="coaching_withdrawn").exists()
    html = client.get(url).content.decode()
    assert "Hakemus peruttiin." in html and "Organisaatiomuutos." in html
    assert 'value="withdraw"' not in html
    # Again (another tab): refused with a message, nothing changes.
    again = client.post(url, {"action": "withdraw_confirm"}, follow=True)
    assert "Tätä ei voi tehdä hakemukselle" in again.content.decode()


def test_a_realised_application_cannot_be_withdrawn(client):
    application = realised()
    url = follow_url(application)
    assert 'value="withdraw"' not in client.get(url).content.decode()
    client.post(url, {"action": "withdraw_confirm"})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REALISED


def test_feedback_links_are_listed_to_hand_on(client, settings):
    application = feedback_open(realised(participants=3, employees=2))
    html = client.get(follow_url(application)).content.decode()
    assert "Jaettavat palautelinkit" in html
    for path in feedback_urls(application):
        assert settings.SITE_URL.rstrip("/") + path in html
    client.post(feedback_urls(application)[0], {"score": "5"})
    html = client.get(follow_url(application)).content.decode()
    assert html.count(">vastattu<") == 1


def test_after_closing_the_share_link(client):
    application = application_close(realised(), actor=None)
    html = client.get(follow_url(application)).content.decode()
    assert "/ilmianna/?sparraus=" in html
    assert "Jaettavat palautelinkit" not in html


def test_an_anonymised_application_shows_only_that_it_ended(client):
    application = sent(contact_name="Maija Meikäläinen", goals="Salainen tavoite")
    url = follow_url(application)
    personal_data_erase(application.contact_email)
    application.refresh_from_db()
    response = client.get(url)
    if response.status_code == 404:  # the erasure also ended the link
        return
    html = response.content.decode()
    assert 'id="application-ended"' in html
    assert "Maija Meikäläinen" not in html and "Salainen tavoite" not in html
    assert client.post(url, {"action": "message", "body": "Hei"}).status_code == 200
    assert not Message.objects.filter(author=Author.APPLICANT).exists()

"""The public feedback form: stored, staff told through the outbox, no 500 on anything."""

import pytest
from django.test import Client

from emails.models import OutgoingEmail
from feedback.models import Feedback

from .factories import form_values
from .helpers import FEEDBACK_URL, post_feedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    reader = django_user_model.objects.create_user(
        email="lukija@example.fi", password="x", is_staff=True, language="sv"
    )
    django_user_model.objects.create_user(
        email="hiljainen@example.fi", password="x", is_staff=True, notify_moderation=False
    )
    django_user_model.objects.create_user(email="toimittaja@example.fi", password="x")
    return reader


def test_form_page_links_the_privacy_notice_and_fills_in_the_page_from_the_link(client):
    page = client.get(FEEDBACK_URL + "?sivu=/teot/").content.decode()
    assert 'href="/tietosuoja/"' in page
    assert 'value="/teot/"' in page
    assert 'name="tt_leave_empty"' in page  # the honeypot


def test_feedback_is_stored_and_staff_who_asked_are_emailed_in_their_language(client, staff):
    response = post_feedback(client, form_values())
    assert response.status_code == 302
    assert response["Location"] == "/palaute/kiitos/"
    feedback = Feedback.objects.get()
    assert feedback.topic == "accessibility"
    assert feedback.email == "palautteen.antaja@example.fi"
    assert feedback.page == "/tilastot/"
    assert not feedback.is_handled
    emails = OutgoingEmail.objects.filter(purpose="feedback_received")
    assert [e.to for e in emails] == ["lukija@example.fi"]
    assert emails[0].subject == "Ny respons: Tillgänglighet"
    # The staff's email names no sender: the outbox holds nothing of theirs.
    assert "palautteen.antaja" not in emails[0].body_text
    assert "/sv/palaute/hallinta/" in emails[0].body_text
    assert "Kiitos palautteestasi" in client.get("/palaute/kiitos/").content.decode()


def test_email_and_page_are_optional(client):
    response = post_feedback(client, form_values(email="", page=""))
    assert response.status_code == 302
    assert Feedback.objects.get().email == ""


def test_missing_fields_are_named_in_the_users_language(client):
    response = post_feedback(client, {"topic": "", "message": "  "}, url="/sv/palaute/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kontrollera" in page or "Detta fält" in page
    assert 'href="#field-topic"' in page and 'href="#field-message"' in page
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "ei-osoite"}, "email"),
        ({"email": "a@" + "b" * 300 + ".fi"}, "email"),
        ({"topic": "hacking"}, "topic"),
        ({"message": "x" * 5001}, "message"),
        ({"page": "javascript:alert(1)"}, "page"),
        ({"page": "https://example.fi/" + "a" * 600}, "page"),
    ],
)
def test_bad_input_gets_a_clear_message_not_a_500(client, changes, field):
    response = post_feedback(client, form_values(**changes))
    assert response.status_code == 400
    assert f'href="#field-{field}"' in response.content.decode()
    assert not Feedback.objects.exists()


def test_repeated_fields_take_one_value(client):
    response = post_feedback(client, form_values(topic=["accessibility", "other"]))
    assert response.status_code == 302
    assert Feedback.objects.get().topic == "other"


def test_a_huge_post_is_refused_without_an_error_page(client):
    response = post_feedback(client, form_values(message="ä" * 3_000_000))
    assert response.status_code in (400, 413)
    assert not Feedback.objects.exists()


def test_control_characters_and_nul_are_dropped(client):
    response = post_feedback(
        client, form_values(message="Rivi\x00 yksi\x07\x1b[31m\nRivi\tkaksi\x7f", page="/teot/\x00")
    )
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.message == "Rivi yksi[31m\nRivi\tkaksi"
    assert feedback.page == "/teot/"


def test_script_markup_is_shown_as_text_to_staff(client, staff):
    post_feedback(client, form_values(message='<script>alert("x")</script><b>lihava</b>'))
    client.force_login(staff)
    page = client.get("/palaute/hallinta/").content.decode()
    assert "<script>alert" not in page and "<b>lihava" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_a_post_without_the_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = post_feedback(client, form_values())
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_the_honeypot_and_a_missing_start_time_stop_bots(client):
    response = post_feedback(client, form_values(tt_leave_empty="http://spam.example"))
    assert response.status_code == 400
    assert "Jos olet ihminen" in response.content.decode()
    response = client.post(FEEDBACK_URL, form_values())
    assert response.status_code == 400
    assert "Lomake oli vanhentunut" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_form_sent_too_fast_is_refused(client, settings):
    settings.SUBMISSION_MIN_FILL_SECONDS = 60
    response = post_feedback(client, form_values())
    assert response.status_code == 400
    assert "Odota hetki" in response.content.decode()


def test_a_flood_from_one_address_is_rate_limited(client, settings):
    settings.FEEDBACK_RATE_PER_HOUR = 3
    for _ in range(3):
        assert post_feedback(client, form_values()).status_code == 302
    response = post_feedback(client, form_values())
    assert response.status_code == 429
    assert "liian monta viestiä" in response.content.decode()
    assert Feedback.objects.count() == 3
    # What was typed is kept on the page so nothing is lost.
    assert "liian pientä" in response.content.decode()

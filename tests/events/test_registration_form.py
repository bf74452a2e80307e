"""Registering through the public form: one registration per address, the waiting list,
the email in the registrant's language with the calendar file, bad input and bots."""

import re

import pytest
from django.utils import timezone

from core.models import RateCounter
from emails.models import OutgoingEmail
from events import services
from events.models import Registration, RegistrationStatus
from tests.organisations.factories import OrganisationFactory

from .factories_public import DAY, form_values, make_event, post_registration, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event(title_fi="Työpaja", title_sv="Verkstad", capacity=2)


@pytest.fixture
def organisation():
    return OrganisationFactory(name_fi="Ilmoilan kaupunki", name_sv="Ilmola stad")


def test_the_form_asks_what_is_needed(client, event):
    html = client.get(f"/tapahtumat/{event.pk}/ilmoittaudu/").content.decode()
    for name in ("name", "email", "organisation_name", "organisation_missing", "role"):
        assert f'name="{name}"' in html
    assert 'name="diet"' in html  # in person
    assert 'href="/tietosuoja/"' in html
    assert 'name="tt_leave_empty"' in html and 'name="started"' in html
    assert re.search(r'value="fi"[^>]* checked', html)  # the page's language
    online = make_event(online=True)
    assert 'name="diet"' not in client.get(f"/tapahtumat/{online.pk}/ilmoittaudu/").content.decode()


def test_registering_sends_the_email_in_the_chosen_language_with_the_calendar(
    client, event, organisation, settings
):
    response = post_registration(client, event, form_values(organisation, language="sv"))
    assert response.status_code == 302
    assert response["Location"] == f"/tapahtumat/{event.pk}/ilmoittauduttu/"
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.organisation == organisation
    assert registration.language == "sv"
    assert registration.consent_version == settings.PRIVACY_NOTICE_VERSION
    email = OutgoingEmail.objects.get(to="maija@example.fi")
    assert email.language == "sv"
    assert "Verkstad" in email.subject
    assert email.attachments[0]["mimetype"] == "text/calendar"
    assert email.attachments[0]["content"].startswith("BEGIN:VCALENDAR")
    assert services.registration_token(registration) in email.body_text
    page = client.get(response["Location"]).content.decode()
    assert "Katso sähköpostisi" in page
    assert "maija@example.fi" not in page


def test_an_unlisted_organisation_is_kept_by_name(client, event):
    post_registration(client, event, form_values(None))
    registration = Registration.objects.get()
    assert registration.organisation is None
    assert registration.organisation_name == "Pikkukylän osuuskunta"


def test_posting_twice_registers_once_and_says_the_same(client, event, organisation):
    first = post_registration(client, event, form_values(organisation))
    second = post_registration(client, event, form_values(organisation, email=" MAIJA@example.fi "))
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    purposes = list(OutgoingEmail.objects.order_by("pk").values_list("purpose", flat=True))
    assert purposes == ["event_registered", "event_registration_again"]


def test_a_full_event_puts_people_on_the_waiting_list(client, event, organisation):
    register(event, "a@example.fi")
    register(event, "b@example.fi")
    html = client.get(f"/tapahtumat/{event.pk}/ilmoittaudu/").content.decode()
    assert "Tapahtuma on täynnä." in html
    response = post_registration(client, event, form_values(organisation))
    assert response.status_code == 302
    waiting = Registration.objects.get(email="maija@example.fi")
    assert waiting.status == RegistrationStatus.WAITLISTED
    email = OutgoingEmail.objects.get(to="maija@example.fi")
    assert email.purpose == "event_waitlisted"
    assert email.attachments == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Kirjoita nimesi."),
        ({"name": "x" * 201}, "name", "enintään 200 merkkiin"),
        ({"email": "ei-osoite"}, "email", "nimi@kunta.fi"),
        ({"email": "a" * 250 + "@example.fi"}, "email", ""),
        ({"role": "king"}, "role", "Valitse jokin näytetyistä vaihtoehdoista."),
        ({"role": None}, "role", "Valitse rooli"),
        ({"language": "de"}, "language", ""),
        ({"consent": None}, "consent", "Rastita ruutu"),
        ({"accessibility_needs": "x" * 1001}, "accessibility_needs", ""),
        ({"diet": "y" * 1001}, "diet", ""),
        (
            {"organisation_missing": None, "organisation_name": "Ei tällaista"},
            "organisation_name",
            "",
        ),
        ({"new_organisation_name": "   "}, "new_organisation_name", ""),
    ],
)
def test_bad_input_is_named_at_its_field_and_nothing_is_lost(
    client, event, changes, field, message
):
    values = form_values(None, **{"name": "Maija <b>M</b>", **changes})
    response = post_registration(client, event, values)
    html = response.content.decode()
    assert response.status_code == 400
    assert Registration.objects.count() == 0
    assert 'id="error-summary"' in html and 'tabindex="-1"' in html
    assert f'id="id_{field}_error"' in html
    assert message in html
    if field != "name":
        assert "Maija &lt;b&gt;M&lt;/b&gt;" in html  # kept, escaped
    if field != "email":
        assert 'value="maija@example.fi"' in html


def test_control_characters_are_dropped(client, event):
    values = form_values(None, name="Mai\x00ja\x1b", accessibility_needs="Pyörä\x00tuoli")
    assert post_registration(client, event, values).status_code == 302
    registration = Registration.objects.get()
    assert registration.name == "Maija"
    assert registration.accessibility_needs == "Pyörätuoli"


def test_the_organisation_finder_works_without_javascript(client, event, organisation):
    values = form_values(None, organisation_missing=None, organisation_name="Ilmoila")
    values["action"] = "find_organisation"
    response = post_registration(client, event, values)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Ilmoilan kaupunki"' in html
    assert Registration.objects.count() == 0
    # Enter in a field with the exact name chosen is an ordinary send.
    values["organisation_name"] = "Ilmoilan kaupunki"
    assert post_registration(client, event, values).status_code == 302


def test_bots_are_stopped(client, event, settings):
    response = post_registration(client, event, form_values(None, tt_leave_empty="http://x"))
    assert response.status_code == 400
    assert client.post(f"/tapahtumat/{event.pk}/ilmoittaudu/", form_values(None)).status_code == 400
    settings.SUBMISSION_MIN_FILL_SECONDS = 60
    response = post_registration(client, event, form_values(None))
    assert response.status_code == 400
    assert "odota hetki" in response.content.decode().lower()
    assert Registration.objects.count() == 0


def test_too_many_registrations_from_one_address_are_refused(client, settings):
    settings.EVENT_REGISTRATIONS_PER_HOUR = 2
    events = [make_event(title_fi=f"Paja {n}") for n in range(3)]
    codes = [
        post_registration(client, e, form_values(None, email=f"h{n}@example.fi")).status_code
        for n, e in enumerate(events)
    ]
    assert codes == [302, 302, 429]
    assert Registration.objects.count() == 2
    assert RateCounter.objects.exists()


def test_closed_and_cancelled_events_take_no_registrations(client):
    closed = make_event(registration_closes_at=timezone.now() - DAY)
    html = client.get(f"/tapahtumat/{closed.pk}/ilmoittaudu/").content.decode()
    assert 'id="id_email"' not in html  # the footer's newsletter form has its own
    assert "Ilmoittautuminen tähän tapahtumaan on päättynyt." in html
    response = client.post(f"/tapahtumat/{closed.pk}/ilmoittaudu/", form_values(None))
    assert response.status_code == 409
    past = make_event(starts_at=timezone.now() - 2 * DAY)
    assert client.post(f"/tapahtumat/{past.pk}/ilmoittaudu/", form_values(None)).status_code == 409
    assert Registration.objects.count() == 0


def test_swedish_form_defaults_to_swedish_and_speaks_it(client, event):
    html = client.get(f"/sv/tapahtumat/{event.pk}/ilmoittaudu/").content.decode()
    assert "Anmälan: " in html or "Anmäl dig" in html
    assert re.search(r'value="sv"[^>]* checked', html)
    response = post_registration(client, event, form_values(None, name=""), prefix="/sv")
    assert "Skriv ditt namn." in response.content.decode()

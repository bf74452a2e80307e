"""The registrant's own page behind the secret link: see, change, cancel, leave the
waiting list; the next person waiting is promoted and told."""

import pytest
from django.utils import timezone

from emails.models import OutgoingEmail
from events import services
from events.models import Registration, RegistrationStatus
from tests.organisations.factories import OrganisationFactory

from .factories_public import DAY, make_event, manage_url, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event(title_fi="Paja", capacity=1)


def test_the_page_shows_the_status_and_is_kept_private(client, event):
    registered = register(event, "eka@example.fi", name="Eka Ensimmäinen")
    waiting = register(event, "toka@example.fi")
    third = register(event, "kolmas@example.fi")
    response = client.get(manage_url(registered))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Olet ilmoittautunut." in html and "Eka Ensimmäinen" in html
    assert response["Cache-Control"] == "no-store, private"
    assert response["Referrer-Policy"] == "same-origin"
    assert "Olet jonossa, sijalla 1." in client.get(manage_url(waiting)).content.decode()
    html = client.get(manage_url(third)).content.decode()
    assert "Olet jonossa, sijalla 2." in html
    assert "Poistu jonosta" in html


def test_details_can_be_changed(client, event):
    registration = register(event, "eka@example.fi")
    organisation = OrganisationFactory(name_fi="Muutoksen kunta")
    response = client.post(
        manage_url(registration),
        {
            "action": "change",
            "name": "Uusi\x00 Nimi",
            "organisation_name": "Muutoksen kunta",
            "role": "supervisor",
            "language": "en",
            "accessibility_needs": "Tulkkaus",
            "diet": "Vegaani",
        },
    )
    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store, private"
    registration.refresh_from_db()
    assert registration.name == "Uusi Nimi"
    assert registration.organisation == organisation
    assert (registration.role, registration.language) == ("supervisor", "en")
    assert (registration.accessibility_needs, registration.diet) == ("Tulkkaus", "Vegaani")
    assert registration.email == "eka@example.fi"
    assert "Tietosi on tallennettu." in client.get(response["Location"]).content.decode()


def test_a_bad_change_is_refused_at_its_field(client, event):
    registration = register(event, "eka@example.fi", name="Ennallaan")
    response = client.post(
        manage_url(registration),
        {
            "action": "change",
            "name": "",
            "role": "x",
            "language": "fi",
            "organisation_missing": "on",
            "new_organisation_name": "Oma",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_name_error"' in html and 'id="id_role_error"' in html
    assert response["Referrer-Policy"] == "same-origin"
    registration.refresh_from_db()
    assert registration.name == "Ennallaan"


def test_cancelling_asks_first_then_promotes_the_next_person(client, event):
    registered = register(event, "eka@example.fi")
    waiting = register(event, "toka@example.fi", language="sv")
    url = manage_url(registered)
    ask = client.post(url, {"action": "cancel"})
    assert ask.status_code == 200
    assert "Perutaanko ilmoittautumisesi?" in ask.content.decode()
    registered.refresh_from_db()
    assert registered.status == RegistrationStatus.CONFIRMED  # nothing yet
    done = client.post(url, {"action": "cancel_confirm"})
    assert done.status_code == 302
    registered.refresh_from_db()
    waiting.refresh_from_db()
    assert registered.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    promoted = OutgoingEmail.objects.get(to="toka@example.fi", purpose="event_promoted")
    assert promoted.language == "sv"
    assert promoted.attachments[0]["mimetype"] == "text/calendar"
    html = client.get(url).content.decode()
    assert "Ilmoittautumisesi on peruttu." in html
    assert 'name="action" value="change"' not in html
    assert "Olet ilmoittautunut." in client.get(manage_url(waiting)).content.decode()
    # A repeated confirmation changes nothing.
    again = client.post(url, {"action": "cancel_confirm"})
    assert again.status_code == 302
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_leaving_the_waiting_list(client, event):
    register(event, "eka@example.fi")
    waiting = register(event, "toka@example.fi")
    html = client.post(manage_url(waiting), {"action": "cancel"}).content.decode()
    assert "Poistutaanko jonosta?" in html
    client.post(manage_url(waiting), {"action": "cancel_confirm"})
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CANCELLED
    assert "Olet poistunut jonosta." in client.get(manage_url(waiting)).content.decode()


@pytest.mark.parametrize(
    "token", ["1.0000", "abc", "99999999999999999999.x", "1." + "f" * 40, "%00", "1"]
)
def test_a_bad_link_is_a_helpful_404(client, event, token):
    register(event, "eka@example.fi")
    response = client.get(f"/tapahtumat/ilmoittautuminen/{token}/")
    assert response.status_code == 404
    assert "Tämä linkki ei toimi" in response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"


def test_an_anonymised_or_re_salted_registration_has_no_page(client, event):
    registration = register(event, "eka@example.fi")
    url = manage_url(registration)
    Registration.objects.filter(pk=registration.pk).update(
        link_salt="", anonymised_at=timezone.now()
    )
    assert client.get(url).status_code == 404
    other = register(event, "toka@example.fi")
    url = manage_url(other)
    Registration.objects.filter(pk=other.pk).update(link_salt="uusi")
    assert client.get(url).status_code == 404


def test_a_past_or_cancelled_event_shows_the_status_without_forms(client, event):
    registration = register(event, "eka@example.fi")
    services.event_cancel(event, actor=None)
    html = client.get(manage_url(registration)).content.decode()
    assert "Tapahtuma on peruttu." in html
    assert 'value="cancel"' not in html and 'value="change"' not in html
    past = make_event(starts_at=timezone.now() + DAY)
    old = register(past, "vanha@example.fi")
    past.__class__.objects.filter(pk=past.pk).update(
        starts_at=timezone.now() - 2 * DAY, ends_at=timezone.now() - DAY
    )
    html = client.get(manage_url(old)).content.decode()
    assert 'value="cancel"' not in html


def test_the_english_page(client, event):
    registration = register(event, "eka@example.fi")
    html = client.get("/en" + manage_url(registration)).content.decode()
    assert "You are registered." in html

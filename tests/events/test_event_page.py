"""An event's page, its calendar file, and the deed page's "presented at" list."""

from datetime import UTC, datetime

import icalendar
import pytest
from django.utils import timezone

from deeds.models import DeedStatus
from events import services
from tests.deeds.factories import DeedFactory

from .factories_public import DAY, make_event, register

pytestmark = pytest.mark.django_db


def page(client, event, prefix=""):
    # reverse() follows the active language, which a previous request may have left.
    path = f"/tapahtumat/{event.pk}/{event.slug}/"
    response = client.get(f"{prefix}{path}")
    assert response.status_code == 200
    return response.content.decode()


def test_short_and_wrong_addresses_redirect_to_the_canonical_one(client):
    event = make_event(title_fi="Arjen parannukset")
    assert event.get_absolute_url() == f"/tapahtumat/{event.pk}/arjen-parannukset/"
    for wrong in (f"/tapahtumat/{event.pk}/", f"/tapahtumat/{event.pk}/vanha-nimi/"):
        response = client.get(wrong)
        assert response.status_code == 301
        assert response["Location"] == event.get_absolute_url()
    assert client.get("/tapahtumat/999999/").status_code == 404


def test_the_page_shows_what_a_participant_needs(client):
    start = timezone.make_aware(datetime(2030, 3, 12, 9, 0))
    published = DeedFactory(title="Julkaistu teko")
    hidden = DeedFactory(title="Piilotettu teko", status=DeedStatus.IN_REVIEW)
    event = make_event(
        title_fi="Kehittämispaja",
        summary_fi="Tiivistelmä pajasta.",
        programme_fi="9.00 Avaus\n\n- ryhmätyö\n- yhteenveto",
        speakers="Maija Meikäläinen, kehittäjä\n\nPekka Puu",
        accessibility_fi="Esteetön sisäänkäynti.",
        starts_at=start,
        capacity=10,
        deeds=[published, hidden],
        registration_closes_at=start - DAY,
    )
    html = page(client, event)
    assert "ti 12.3.2030 klo 9.00–11.00" in html
    assert "Suomen aikaa" in html
    assert "Kuntatalo, Toinen linja 14" in html
    assert "<li>ryhmätyö</li>" in html
    assert "<li>Maija Meikäläinen, kehittäjä</li>" in html and "<li>Pekka Puu</li>" in html
    assert "Esteetön sisäänkäynti." in html
    assert "10 paikkaa jäljellä" in html
    assert "Ilmoittautuminen päättyy ma 11.3.2030 klo 9.00." in html
    assert "Julkaistu teko" in html and "Piilotettu teko" not in html
    assert f'href="/tapahtumat/{event.pk}/ilmoittaudu/"' in html
    assert f'href="/tapahtumat/{event.pk}/kalenteri.ics"' in html


def test_drafts_are_hidden_from_the_public_and_previewed_by_staff(client, staff_user):
    draft = make_event(title_fi="Luonnos", publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/tapahtumat/{draft.pk}/ilmoittaudu/").status_code == 404
    assert client.get(f"/tapahtumat/{draft.pk}/kalenteri.ics").status_code == 404
    client.force_login(staff_user)
    html = page(client, draft)
    assert "Tapahtuma on luonnos" in html


def test_a_cancelled_event_says_so_and_offers_no_registration(client):
    event = make_event(title_fi="Peruttu paja")
    services.event_cancel(event, actor=None)
    html = page(client, event)
    assert "Tapahtuma on peruttu." in html
    assert f'href="/tapahtumat/{event.pk}/ilmoittaudu/"' not in html
    form = client.get(f"/tapahtumat/{event.pk}/ilmoittaudu/").content.decode()
    assert 'id="id_email"' not in form and "Tapahtuma on peruttu." in form


def test_a_full_event_offers_the_waiting_list(client):
    event = make_event(capacity=1)
    register(event, "eka@example.fi")
    html = page(client, event)
    assert "Täynnä – ilmoittaudu jonoon" in html
    assert ">Ilmoittaudu jonoon</a>" in html


def test_closed_and_not_yet_open_registration(client):
    closed = make_event(title_fi="Suljettu")
    services.event_set_registration_open(closed, open=False, actor=None)
    html = page(client, closed)
    assert "Ilmoittautuminen tähän tapahtumaan on päättynyt." in html
    assert f'href="/tapahtumat/{closed.pk}/ilmoittaudu/"' not in html
    later = make_event(
        title_fi="Myöhemmin",
        registration_opens_at=timezone.make_aware(datetime(2030, 1, 7, 12, 0)),
        starts_at=timezone.make_aware(datetime(2030, 2, 1, 12, 0)),
    )
    assert "Ilmoittautuminen alkaa ma 7.1.2030 klo 12.00." in page(client, later)


def test_a_past_event_links_its_recording_once_published(client):
    event = make_event(title_fi="Mennyt", starts_at=timezone.now() - 3 * DAY, online=True)
    html = page(client, event)
    assert "Tapahtuma on jo ohi." in html and "Katso tallenne" not in html
    services.event_publish_recording(
        event, url="https://video.example.fi/t", captioned=True, actor=None
    )
    html = page(client, event)
    assert 'href="https://video.example.fi/t"' in html
    assert "Tallenne on tekstitetty." in html


def test_the_stream_link_shows_only_when_made_public(client):
    event = make_event(online=True, stream_url="https://stream.example.fi/salainen")
    assert "stream.example.fi" not in page(client, event)
    assert "stream.example.fi" not in client.get(event.get_ics_url()).content.decode()
    services.event_change(event, actor=None, stream_public=True)
    assert 'href="https://stream.example.fi/salainen"' in page(client, event)


def test_the_calendar_file_parses_and_is_in_utc(client):
    start = timezone.make_aware(datetime(2030, 7, 1, 9, 0))  # 9.00 in Helsinki, summer
    event = make_event(title_fi="Kesäpaja; pilkku, kenoviiva\\", starts_at=start)
    response = client.get(event.get_ics_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".ics" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    vevent = next(iter(calendar.walk("VEVENT")))
    assert vevent.decoded("DTSTART") == datetime(2030, 7, 1, 6, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime(2030, 7, 1, 8, 0, tzinfo=UTC)
    assert str(vevent["SUMMARY"]) == "Kesäpaja; pilkku, kenoviiva\\"
    assert str(vevent["LOCATION"]) == "Kuntatalo, Toinen linja 14"


def test_swedish_and_english_pages_fall_back_to_finnish_and_mark_it(client):
    event = make_event(title_fi="Vain suomeksi", title_sv="På svenska", summary_sv="Sammandrag.")
    sv = page(client, event, "/sv")
    assert "<h1" in sv and "På svenska</h1>" in sv and "Sammandrag." in sv
    assert "Anmäl dig" in sv
    en = page(client, event, "/en")
    assert '<h1 class="deed__title" lang="fi">Vain suomeksi</h1>' in en
    assert "Register" in en


def test_the_deed_page_links_the_public_events_it_was_presented_at(client):
    deed = DeedFactory(title="Esitelty teko")
    shown = make_event(title_fi="Julkinen esittely", deeds=[deed])
    make_event(title_fi="Luonnosesittely", deeds=[deed], publish=False)
    html = client.get(deed.get_absolute_url()).content.decode()
    assert "Esitelty tapahtumissa" in html
    assert f'href="{shown.get_absolute_url()}"' in html
    assert "Luonnosesittely" not in html
    assert (
        "Esitelty tapahtumissa" not in client.get(DeedFactory().get_absolute_url()).content.decode()
    )


def test_the_list_and_sitemap_link_events(client):
    event = make_event(title_fi="Kartalla")
    home = client.get("/").content.decode()
    assert 'href="/tapahtumat/"' in home
    sitemap = client.get("/sitemap-events.xml").content.decode()
    assert event.get_absolute_url() in sitemap

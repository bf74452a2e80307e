"""/tapahtumat/: upcoming events soonest first, then past ones newest first; filters with
counts; bad values left out with a notice; htmx fragments; a constant number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from organisations.models import Municipality
from taxonomy.models import Sector, Theme

from .factories_public import DAY, make_event, register

pytestmark = pytest.mark.django_db
URL = "/tapahtumat/"


def titles(html, *candidates):
    """The candidates in the order the page shows them."""
    found = [(html.index(title), title) for title in candidates if title in html]
    return [title for _, title in sorted(found)]


def test_upcoming_soonest_first_then_past_newest_first(client):
    now = timezone.now()
    make_event(title_fi="Myöhempi tuleva", starts_at=now + 20 * DAY)
    make_event(title_fi="Pian tuleva", starts_at=now + 2 * DAY)
    make_event(title_fi="Kauan sitten", starts_at=now - 60 * DAY)
    make_event(title_fi="Äskettäin ollut", starts_at=now - 5 * DAY)
    make_event(title_fi="Luonnos ei näy", publish=False)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert titles(html, "Pian tuleva", "Myöhempi tuleva", "Äskettäin ollut", "Kauan sitten") == [
        "Pian tuleva",
        "Myöhempi tuleva",
        "Äskettäin ollut",
        "Kauan sitten",
    ]
    assert html.index("Tulevat tapahtumat") < html.index("Pian tuleva")
    assert html.index("Menneet tapahtumat") < html.index("Äskettäin ollut")
    assert "Luonnos ei näy" not in html


def test_each_item_shows_kind_time_place_and_capacity(client):
    start = timezone.make_aware(timezone.datetime(2030, 3, 12, 9, 0))  # Helsinki time
    full = make_event(title_fi="Täysi paja", capacity=1, starts_at=start)
    register(full, "a@example.fi")
    roomy = make_event(title_fi="Väljä paja", capacity=20, starts_at=start + DAY)
    register(roomy, "b@example.fi")
    make_event(
        title_fi="Suljettu", starts_at=start + 2 * DAY, registration_closes_at=timezone.now()
    )
    cancelled = make_event(title_fi="Peruttu", starts_at=start + 3 * DAY)
    services.event_cancel(cancelled, actor=None)
    make_event(title_fi="Verkossa", online=True, starts_at=start + 4 * DAY, kind="webinar")
    html = client.get(URL).content.decode()
    assert "ti 12.3.2030 klo 9.00–11.00" in html
    assert "Täynnä – ilmoittaudu jonoon" in html
    assert "19 paikkaa jäljellä" in html
    assert "Ilmoittautuminen päättynyt" in html
    assert "Peruttu" in html
    assert "Verkossa</a>" in html and "Webinaari" in html


def test_filters_narrow_the_list_and_show_counts(client):
    themes = list(Theme.objects.order_by("position")[:2])
    sector = Sector.objects.order_by("position").first()
    tampere = Municipality.objects.get(name_fi="Tampere")
    make_event(title_fi="Tampereen paja", municipality=tampere, themes=[themes[0]])
    make_event(title_fi="Webinaari A", kind="webinar", online=True, themes=[themes[0]])
    make_event(title_fi="Webinaari B", kind="webinar", online=True, sectors=[sector])
    series = services.Event.series.field.related_model.objects.create(name_fi="Sarja yksi")
    make_event(title_fi="Sarjan osa", series=series)

    html = client.get(URL, {"kind": "webinar"}).content.decode()
    assert "Webinaari A" in html and "Webinaari B" in html and "Tampereen paja" not in html
    # Counts of each kind under the other filters (none chosen): 2 webinars, 2 workshops.
    assert '<option value="webinar" selected>Webinaari (2)</option>' in html
    assert '<option value="workshop">Työpaja (2)</option>' in html

    html = client.get(URL, {"theme": themes[0].slug, "format": "online"}).content.decode()
    assert titles(html, "Webinaari A", "Webinaari B", "Tampereen paja") == ["Webinaari A"]
    html = client.get(URL, {"sector": sector.slug}).content.decode()
    assert titles(html, "Webinaari A", "Webinaari B") == ["Webinaari B"]
    html = client.get(URL, {"region": tampere.region.code}).content.decode()
    assert titles(html, "Webinaari A", "Tampereen paja") == ["Tampereen paja"]
    html = client.get(URL, {"format": "in_person"}).content.decode()
    assert titles(html, "Webinaari A", "Tampereen paja", "Sarjan osa") == [
        "Tampereen paja",
        "Sarjan osa",
    ]
    html = client.get(URL, {"series": series.slug}).content.decode()
    assert titles(html, "Webinaari A", "Tampereen paja", "Sarjan osa") == ["Sarjan osa"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "party"},
        {"theme": "ei-ole"},
        {"sector": "x" * 5000},
        {"region": "99"},
        {"format": "\x00"},
        {"series": "<script>"},
        {"page": "-1"},
        {"page": "9" * 30},
    ],
)
def test_bad_values_are_left_out_with_a_notice(client, params):
    make_event(title_fi="Näkyvä paja")
    response = client.get(URL, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Näkyvä paja" in html
    if "page" not in params:
        assert "Se jätettiin pois." in html
        assert "<script>" not in html


def test_htmx_gets_the_fragment_and_history_the_whole_page(client):
    make_event(title_fi="Paja")
    fragment = client.get(URL, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    assert "<title>Tapahtumat – Tekojen tori</title>" in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
    whole = client.get(URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in whole.content.decode()
    assert "no-store" in whole["Cache-Control"]


def test_the_list_is_paginated_across_upcoming_and_past(client):
    now = timezone.now()
    for n in range(15):
        make_event(title_fi=f"Tuleva {n:02}", starts_at=now + (n + 1) * DAY)
    for n in range(15):
        make_event(title_fi=f"Mennyt {n:02}", starts_at=now - (n + 1) * DAY)
    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()
    assert "Tuleva 14" in first and "Mennyt 04" in first and "Mennyt 05" not in first
    assert "Mennyt 05" in second and "Tuleva 14" not in second
    assert "Tulevat tapahtumat" not in second


def test_queries_do_not_grow_with_events_and_registrations(client, django_assert_max_num_queries):
    now = timezone.now()
    theme = Theme.objects.first()
    for n in range(30):
        event = make_event(title_fi=f"Paja {n}", starts_at=now + (n - 10) * DAY, capacity=5)
        event.themes.set([theme])
        if n >= 10:
            register(event, f"h{n}@example.fi")
    with django_assert_max_num_queries(16):
        response = client.get(URL, {"theme": theme.slug})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("prefix", "heading", "upcoming"),
    [("/sv", "Evenemang", "Kommande evenemang"), ("/en", "Events", "Upcoming events")],
)
def test_swedish_and_english_lists(client, prefix, heading, upcoming):
    make_event(title_fi="Paja suomeksi", title_sv="Verkstad på svenska")
    html = client.get(prefix + URL).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert upcoming in html
    if prefix == "/sv":
        assert "Verkstad på svenska" in html
    else:  # no English title: the Finnish one, marked as Finnish
        assert 'lang="fi">Paja suomeksi</a>' in html


def test_past_events_link_their_published_recording(client):
    event = make_event(title_fi="Mennyt webinaari", starts_at=timezone.now() - 3 * DAY)
    services.event_publish_recording(
        event, url="https://video.example.fi/tallenne", captioned=True, actor=None
    )
    html = client.get(URL).content.decode()
    assert 'href="https://video.example.fi/tallenne"' in html
    assert event.ends_at < timezone.now() - timedelta(days=2)

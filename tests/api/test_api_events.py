"""/api/v1/events/ and /api/v1/stats/events: public events with counts, never people."""

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openapi_spec_validator import validate

from events.models import EventKind, Series
from events.services import event_cancel, registration_cancel, registration_mark_attendance
from tests.events.factories_data import at, make_event, register
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
EVENTS = "/api/v1/events/"
STATS = "/api/v1/stats/events"
FIELDS = {
    *("id", "title", "kind", "cancelled", "series", "starts_at", "ends_at", "online"),
    *("capacity", "registrations", "attendees", "organisations", "waitlisted", "url", "ics"),
}


@pytest.fixture
def series():
    return Series.objects.create(
        name_fi="Kuntatyö murroksessa", name_sv="Kommunarbete i förändring"
    )


@pytest.fixture
def events(series):
    """A full webinar of a series with people waiting, a workshop a year later, a
    cancelled one and a draft."""
    liminka, kangasala = OrganisationFactory(), OrganisationFactory()
    webinar = make_event(
        kind="webinar",
        title_fi="Webinaari",
        title_sv="Webbinarium",
        online=True,
        capacity=4,
        series=series,
        starts_at=at(2031, 3, 10),
    )
    for organisation, name in (
        (liminka, ""),
        (liminka, ""),
        (None, "Pikku Oy"),
        (None, "PIKKU OY"),  # the same unlisted workplace, typed differently
        (None, "Toinen yhdistys"),  # waiting: not a registrant, nor its organisation
        (kangasala, ""),  # waiting
    ):
        register(webinar, organisation=organisation, organisation_name=name)
    workshop = make_event(title_fi="Työpaja", starts_at=at(2032, 5, 4))
    register(workshop, organisation=kangasala)
    cancelled = make_event(title_fi="Peruttu", starts_at=at(2031, 6, 1))
    event_cancel(cancelled, actor=None, reason="Sairastuminen")
    draft = make_event(title_fi="Luonnos", publish=False, starts_at=at(2031, 4, 1))
    return {"webinar": webinar, "workshop": workshop, "cancelled": cancelled, "draft": draft}


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_lists_public_events_soonest_first_with_counts_and_never_drafts(client, events):
    data = client.get(EVENTS).json()
    assert data["count"] == 3 and data["next"] is None and data["previous"] is None
    webinar, cancelled, workshop = data["results"]
    assert [webinar["id"], cancelled["id"], workshop["id"]] == [
        events[name].pk for name in ("webinar", "cancelled", "workshop")
    ]
    assert set(webinar) == FIELDS
    assert webinar["title"] == "Webinaari" and webinar["kind"] == "webinar"
    assert webinar["series"] == {"slug": "kuntatyo-murroksessa", "name": "Kuntatyö murroksessa"}
    assert webinar["starts_at"] == "2031-03-10T09:00:00+02:00"
    assert webinar["online"] is True and webinar["capacity"] == 4
    # Four confirmed from two organisations (Liminka; "Pikku Oy" once), two waiting.
    assert (webinar["registrations"], webinar["organisations"], webinar["waitlisted"]) == (4, 2, 2)
    assert webinar["attendees"] == 0 and webinar["cancelled"] is False
    assert webinar["url"] == settings.SITE_URL + events["webinar"].get_absolute_url()
    assert webinar["ics"] == settings.SITE_URL + f"/tapahtumat/{events['webinar'].pk}/kalenteri.ics"
    assert cancelled["cancelled"] is True and cancelled["series"] is None
    assert workshop["registrations"] == workshop["organisations"] == 1


def test_titles_and_series_names_follow_lang(client, events):
    webinar = client.get(EVENTS, {"lang": "sv"}).json()["results"][0]
    assert webinar["title"] == "Webbinarium"
    assert webinar["series"]["name"] == "Kommunarbete i förändring"


def test_no_registrant_is_ever_in_the_answer(client, events):
    text = client.get(EVENTS).content.decode()
    assert "Osallistuja" not in text and "@example.com" not in text
    assert "Pikku" not in text and "Sairastuminen" not in text


def test_cancelled_registrations_do_not_count_and_attendees_do(client, events):
    webinar = events["webinar"]
    first, second = webinar.registrations.confirmed()[:2]
    registration_cancel(second)  # the first person waiting takes the place
    with time_machine.travel(at(2031, 3, 10, 8), tick=False):
        registration_mark_attendance(first, attended=True, actor=None)
        row = client.get(EVENTS).json()["results"][0]
    assert (row["registrations"], row["waitlisted"], row["attendees"]) == (4, 1, 1)


def test_filters(client, events, series):
    webinar, workshop, cancelled = (events[n].pk for n in ("webinar", "workshop", "cancelled"))
    assert ids(client.get(EVENTS, {"year": "2031"})) == [webinar, cancelled]
    assert ids(client.get(EVENTS, {"year": "2030"})) == []
    assert ids(client.get(EVENTS, {"kind": "workshop"})) == [cancelled, workshop]
    assert ids(client.get(EVENTS, {"series": series.slug})) == [webinar]
    assert ids(client.get(EVENTS, {"kind": "workshop", "year": "2032"})) == [workshop]
    assert ids(client.get(EVENTS, {"upcoming": "true"})) == [webinar, cancelled, workshop]
    assert ids(client.get(EVENTS, {"upcoming": "false"})) == []
    with time_machine.travel(at(2032, 1, 1), tick=False):
        assert ids(client.get(EVENTS, {"upcoming": "true"})) == [workshop]
        assert ids(client.get(EVENTS, {"upcoming": "FALSE"})) == [webinar, cancelled]


def test_pages(client, events):
    first = client.get(EVENTS, {"page_size": 2}).json()
    assert [r["id"] for r in first["results"]] == [events["webinar"].pk, events["cancelled"].pk]
    assert first["next"] == f"{settings.SITE_URL}{EVENTS}?page_size=2&page=2"
    second = client.get(first["next"].removeprefix(settings.SITE_URL)).json()
    assert [r["id"] for r in second["results"]] == [events["workshop"].pk]
    assert second["previous"].endswith("page=1") and second["next"] is None


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "20x1"}, "year must be a year such as 2024."),
        ({"year": "0001"}, "year must be a year such as 2024."),
        ({"year": "99999999999999999999"}, "year must be a year such as 2024."),
        ({"kind": "party"}, "kind must be one of: workshop, webinar, gala, network."),
        ({"series": "no-such-series"}, "Unknown series: “no-such-series”."),
        ({"series": "a\x00b"}, "Unknown series: “a\x00b”."),
        ({"upcoming": "yes"}, "upcoming must be true or false."),
        ({"page": "0"}, "page must be a positive whole number."),
        ({"page": "7"}, "Page 7 does not exist: there are 1 pages."),
        ({"page_size": "101"}, "page_size can be at most 100."),
    ],
)
def test_bad_parameters_are_a_400_with_the_api_error_shape(client, events, params, message):
    response = client.get(EVENTS, {**params, "lang": "en"})
    assert response.status_code == 400
    assert response.json() == {"error": message, "status": 400}
    assert response["Access-Control-Allow-Origin"] == "*"


def test_errors_are_in_finnish_by_default(client):
    assert client.get(EVENTS, {"upcoming": "x"}).json()["error"] == (
        "upcoming-parametrin pitää olla true tai false."
    )


def test_answers_are_public_cacheable_and_read_only(client, events):
    response = client.get(EVENTS)
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post(EVENTS, {}).status_code == 405


def test_queries_do_not_grow_with_events_or_registrations(client, events):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(EVENTS, {"page_size": 100}).status_code == 200
        return len(captured)

    before = queries()
    organisation = OrganisationFactory()
    for day in range(1, 11):
        event = make_event(starts_at=at(2031, 8, day))
        for _n in range(3):
            register(event, organisation=organisation)
    assert queries() == before <= 4


def test_stats_per_kind_of_the_year(client, events):
    liminka = events["webinar"].registrations.exclude(organisation=None).first().organisation
    other_webinar = make_event(kind="webinar", starts_at=at(2031, 9, 1))
    register(other_webinar, organisation=liminka, role="supervisor")
    register(other_webinar, organisation_name="pikku oy", role="management")
    data = client.get(STATS, {"year": "2031"}).json()
    assert data == {
        "year": 2031,
        "kinds": [
            {
                "kind": "webinar",
                # The model's label in the asked language (Finnish by default).
                "label": str(EventKind.WEBINAR.label),
                "events": 2,
                "registrants": 6,
                # Liminka and "Pikku Oy" across both webinars: two, not four.
                "organisations": 2,
                "attendees": 0,
                "employee_share": round(4 / 6, 3),
            }
        ],
    }
    assert client.get(STATS, {"year": "2030"}).json() == {"year": 2030, "kinds": []}
    assert client.get(STATS + "/", {"year": "2032"}).json()["kinds"][0]["kind"] == "workshop"
    with translation.override("sv"):
        swedish = str(EventKind.WEBINAR.label)
    assert client.get(STATS, {"year": "2031", "lang": "sv"}).json()["kinds"][0]["label"] == swedish


@pytest.mark.parametrize("year", [None, "", "20", "2031-01", "0001", "\x00"])
def test_stats_need_a_good_year(client, year):
    response = client.get(STATS, {} if year is None else {"year": year})
    assert response.status_code == 400
    assert set(response.json()) == {"error", "status"}


def test_both_are_in_the_openapi_document_and_the_index(client):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    parameters = {p["name"] for p in document["paths"]["/events/"]["get"]["parameters"]}
    assert parameters == {"year", "kind", "series", "upcoming", "page", "page_size", "lang"}
    schema = document["paths"]["/events/"]["get"]["responses"]["200"]["content"]
    item = schema["application/json"]["schema"]["properties"]["results"]["items"]
    assert set(item["properties"]) == FIELDS
    stats = document["paths"]["/stats/events"]["get"]
    assert [p["required"] for p in stats["parameters"] if p["name"] == "year"] == [True]
    endpoints = client.get("/api/v1/").json()["endpoints"]
    assert endpoints["events"].endswith("/api/v1/events/")
    assert endpoints["event_stats"].endswith("/api/v1/stats/events")

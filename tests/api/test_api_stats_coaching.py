"""/api/v1/stats/coaching: a year's coaching figures, counted from applications made
through the services; counts only."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openapi_spec_validator import validate

from coaching.feedback import feedback_answer, feedback_open, links_of
from coaching.models import CoachingTheme
from coaching.services import (
    application_accept,
    application_decline,
    application_realise,
    session_plan,
    session_record,
)
from tests.coaching.factories import draft, expert, open_round, sent
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
STATS = "/api/v1/stats/coaching"
HELSINKI = ZoneInfo("Europe/Helsinki")


def theme(slug):
    return CoachingTheme.objects.get(slug=slug)


@pytest.fixture
def year_2031():
    """Three experts from two organisations; four applications from three
    organisations (one unlisted), a draft; one declined, one realised with two
    sessions of 12 and 8 people and two answers (4 and 5)."""
    culture, work = theme("tyoyhteiso-ja-kulttuuri"), theme("tyokuormitus-ja-hyvinvointi")
    with time_machine.travel(dt.datetime(2031, 3, 2, 10, tzinfo=HELSINKI), tick=False):
        coaches = [
            expert(organisation_name="Sparri Oy"),
            expert(organisation_name="sparri oy"),
            expert(organisation_name="Kehittäjät Ab"),
        ]
        open_round(year=2031, budget=Decimal("20"), experts=coaches)
        city = OrganisationFactory()
        realised = sent(organisation=city, days_requested=Decimal("3"), themes=[culture, work])
        sent(organisation=city, days_requested=Decimal("1.5"), themes=[culture])
        declined = sent(days_requested=Decimal("2"), themes=[])
        sent(organisation=None, organisation_name="Pikku Yhdistys ry", themes=[work])
        draft(days_requested=Decimal("9"), themes=[culture])
        application_decline(declined, reason="Ei tällä kertaa.", actor=None)
        realised = application_accept(realised, days=Decimal("2.5"), expert=coaches[0], actor=None)
        for day, people, employees in ((dt.date(2031, 3, 5), 12, 7), (dt.date(2031, 3, 9), 8, 8)):
            session = session_plan(realised, date=day, actor=None)
            session_record(
                session,
                date=day,
                days=Decimal("1"),
                participants=people,
                employees=employees,
                actor=None,
            )
        realised = feedback_open(application_realise(realised, actor=None))
        for (_n, token, _used), score in zip(links_of(realised), (4, 5), strict=False):
            feedback_answer(token, score=score)


def test_a_years_figures_counted_from_the_applications(client, year_2031):
    response = client.get(STATS, {"year": "2031", "lang": "en"})
    assert response.status_code == 200
    figures = response.json()
    assert figures == {
        "year": 2031,
        "experts": 3,
        "expert_organisations": 2,
        "applications": 4,
        "organisations": 3,
        "days_requested": 8.5,
        "days_granted": 2.5,
        "days_used": 2,
        "by_theme": [
            {
                "theme": "tyoyhteiso-ja-kulttuuri",
                "name": "Work community and culture",
                "applications": 2,
            },
            {
                "theme": "tyokuormitus-ja-hyvinvointi",
                "name": "Workload and wellbeing",
                "applications": 2,
            },
        ],
        "realised": 1,
        "participants": 12,
        "employees": 7,
        "feedback_mean": 4.5,
        "feedback_count": 2,
    }
    assert "public" in response["Cache-Control"] and response["Access-Control-Allow-Origin"] == "*"
    swedish = client.get(STATS + "/", {"year": "2031", "lang": "sv"}).json()
    assert swedish["by_theme"][0]["name"] == "Arbetsgemenskap och arbetskultur"


def test_a_year_without_a_round_is_zeros(client, year_2031):
    figures = client.get(STATS, {"year": "2030"}).json()
    assert figures["applications"] == figures["experts"] == figures["participants"] == 0
    assert figures["by_theme"] == [] and figures["feedback_mean"] is None


@pytest.mark.parametrize(
    ("year", "message"),
    [
        (None, "Give the year, such as year=2024."),
        ("", "Give the year, such as year=2024."),
        ("20", "year must be a year such as 2024."),
        ("2031-01", "year must be a year such as 2024."),
        ("0001", "year must be a year such as 2024."),
        ("2031 OR 1=1", "year must be a year such as 2024."),
        ("\x00", "year must be a year such as 2024."),
    ],
)
def test_a_year_is_needed(client, year, message):
    params = {"lang": "en"} if year is None else {"year": year, "lang": "en"}
    response = client.get(STATS, params)
    assert response.status_code == 400
    assert response.json() == {"error": message, "status": 400}


def test_read_only_and_errors_in_finnish_by_default(client):
    assert client.get(STATS).json()["error"] == "Anna vuosi, esimerkiksi year=2024."
    assert client.post(STATS, {"year": "2031"}).status_code == 405


def test_in_the_openapi_document_and_the_index(client, year_2031):
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    stats = document["paths"]["/stats/coaching"]["get"]
    assert [p["required"] for p in stats["parameters"] if p["name"] == "year"] == [True]
    schema = stats["responses"]["200"]["content"]["application/json"]["schema"]
    figures = client.get(STATS, {"year": "2031"}).json()
    assert set(schema["properties"]) == set(figures) == set(schema["required"])
    assert set(schema["properties"]["by_theme"]["items"]["properties"]) == set(
        figures["by_theme"][0]
    )
    assert "400" in stats["responses"]
    endpoints = client.get("/api/v1/").json()["endpoints"]
    assert endpoints["coaching_stats"].endswith("/api/v1/stats/coaching")

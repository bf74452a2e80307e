"""The most inventive municipality: windows in Finnish time, ties, rules, the freeze."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from recognition.models import MunicipalityRanking, RankingRule
from recognition.services import RankingError, ranking_freeze, ranking_publish
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
SEPTEMBER = "start=2021-09-01&end=2021-09-30"


def at(*args):
    return dt.datetime(*args, tzinfo=HELSINKI)


@pytest.fixture
def towns():
    return {
        code: OrganisationFactory(name_fi=f"Kunta {code}", municipality=municipality(code))
        for code in ("425", "211", "418")
    }


def ranking(client, query=SEPTEMBER, kind="municipalities"):
    response = client.get(f"/api/v1/rankings/{kind}?{query}")
    assert response.status_code == 200, response.content
    return [(r["place"], r.get("code") or r.get("slug"), r["count"]) for r in response.json()]


def test_the_window_runs_from_the_first_midnight_to_the_last_in_finnish_time(client, towns):
    liminka = towns["425"]
    DeedFactory(organisation=liminka, published_at=at(2021, 9, 1, 0, 0))  # counts
    DeedFactory(organisation=liminka, published_at=at(2021, 9, 30, 23, 59, 59))  # counts
    DeedFactory(organisation=liminka, published_at=at(2021, 8, 31, 23, 59, 59))  # before
    DeedFactory(organisation=liminka, published_at=at(2021, 10, 1, 0, 0))  # after
    # 30.9. 21:30 UTC is already 1.10. in Finland (summer time): not in September.
    DeedFactory(organisation=liminka, published_at=dt.datetime(2021, 9, 30, 21, 30, tzinfo=dt.UTC))
    assert ranking(client) == [(1, "425", 2)]


def test_ties_share_a_place_and_the_next_place_is_skipped(client, towns):
    for code, count in (("425", 3), ("211", 2), ("418", 2)):
        for _ in range(count):
            DeedFactory(organisation=towns[code], published_at=at(2021, 9, 10, 12))
    other = OrganisationFactory(municipality=municipality("091"))
    DeedFactory(organisation=other, published_at=at(2021, 9, 11, 12))
    assert ranking(client) == [(1, "425", 3), (2, "211", 2), (2, "418", 2), (4, "091", 1)]


def test_partners_count_only_under_the_partners_rule_and_once_per_municipality(client, towns):
    DeedFactory(
        organisation=towns["425"],
        partners=[towns["211"], OrganisationFactory(municipality=municipality("425"))],
        published_at=at(2021, 9, 5, 12),
    )
    assert ranking(client) == [(1, "425", 1)]
    assert ranking(client, SEPTEMBER + "&rule=partners") == [(1, "211", 1), (1, "425", 1)]
    organisations = ranking(client, SEPTEMBER + "&rule=partners", kind="organisations")
    assert len(organisations) == 3 and {place for place, _, _ in organisations} == {1}


def test_unpublished_deeds_do_not_count(client, towns):
    DeedFactory(organisation=towns["425"], status="in_review", published_at=at(2021, 9, 5))
    assert ranking(client) == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2021-09-01", "Anna sekä"),
        ("start=2021-09-31&end=2021-10-01", "ei ole päivämäärä"),
        ("start=2021-10-01&end=2021-09-01", "päättyy ennen"),
        (SEPTEMBER + "&rule=everyone", "rule"),
    ],
)
def test_bad_windows_get_a_clear_message(client, query, message):
    response = client.get(f"/api/v1/rankings/municipalities?{query}")
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_a_frozen_result_does_not_move_when_deeds_change(client, towns, admin_user):
    deed = DeedFactory(organisation=towns["425"], published_at=at(2021, 9, 5, 12))
    frozen = ranking_freeze(
        title="Kekseliäin kunta 2021",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 9, 30),
        rule=RankingRule.HOME,
        actor=admin_user,
    )
    DeedFactory(organisation=towns["211"], published_at=at(2021, 9, 6, 12))
    DeedFactory(organisation=towns["211"], published_at=at(2021, 9, 7, 12))
    deed.delete()
    frozen.refresh_from_db()
    assert frozen.rows == [{"place": 1, "municipality": "Liminka", "code": "425", "count": 1}]
    assert ranking(client) == [(1, "211", 2)]  # the live ranking has moved on


def test_only_published_results_are_public_and_publishing_needs_a_text(client, towns, admin_user):
    DeedFactory(organisation=towns["425"], published_at=at(2021, 9, 5, 12))
    frozen = ranking_freeze(
        title="Kekseliäin kunta 2021",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 9, 30),
        rule=RankingRule.HOME,
        actor=admin_user,
    )
    assert "Kekseliäin kunta 2021" not in client.get("/kekseliain-kunta/").content.decode()
    with pytest.raises(RankingError):
        ranking_publish(frozen, actor=admin_user)
    ranking_publish(frozen, actor=admin_user, text="Liminka jakoi eniten tekoja.")
    html = client.get("/kekseliain-kunta/").content.decode()
    assert "Kekseliäin kunta 2021" in html and "Liminka jakoi eniten tekoja." in html
    assert MunicipalityRanking.objects.get().audit_entries().filter(action="ranking.published")


def test_staff_freeze_a_result_in_the_admin(admin_client, towns):
    DeedFactory(organisation=towns["425"], published_at=at(2021, 9, 5, 12))
    response = admin_client.post(
        "/hallinta/recognition/municipalityranking/add/",
        {
            "title": "Kekseliäin kunta 2021",
            "starts_on": "1.9.2021",
            "ends_on": "30.9.2021",
            "rule": "home",
            "text": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert MunicipalityRanking.objects.get().rows[0]["code"] == "425"


def test_the_live_ranking_page_explains_bad_dates(client):
    response = client.get("/kekseliain-kunta/?start=2021-10-01&end=2021-09-01")
    assert response.status_code == 400
    assert "päättyy ennen" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "start=9999-12-31&end=9999-12-31",
        "start=0001-01-01&end=9999-12-31",
        "start=1800-01-01&end=1800-01-02",
    ],
)
def test_dates_outside_any_possible_period_get_a_clear_message(client, query):
    page = client.get(f"/kekseliain-kunta/?{query}")
    assert page.status_code == 400
    assert "Valitse päivät vuosilta 2000–2100." in page.content.decode()
    assert client.get(f"/api/v1/rankings/municipalities?{query}").status_code == 400

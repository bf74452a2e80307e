"""Deed statistics: the page, the API and the downloads agree with the deed list."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from deeds.models import DeedKind
from deeds.services import deed_publish
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.taxonomy.factories import sector, theme

pytestmark = pytest.mark.django_db

DIMENSIONS = ("sector", "theme", "kind", "region", "municipality", "organisation", "year")


def at(*args):
    # Real Finnish time: summer time (UTC+3) in September, the boundary that matters.
    return dt.datetime(*args, tzinfo=ZoneInfo("Europe/Helsinki"))


@pytest.fixture
def deeds():
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    kangasala = OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211"))
    social, education = sector("sosiaali-ja-terveys"), sector("kasvatus-ja-opetus")
    wellbeing = theme("tyohyvinvointi")
    made = [
        DeedFactory(
            organisation=liminka,
            municipality=municipality("425"),
            sectors=[social],
            themes=[wellbeing],
            published_at=at(2021, 9, 3, 12),
        ),
        DeedFactory(
            organisation=liminka,
            municipality=municipality("425"),
            sectors=[social, education],
            published_at=at(2021, 9, 30, 23, 30),
        ),
        DeedFactory(
            organisation=liminka,
            municipality=municipality("425"),
            sectors=[education],
            kind=DeedKind.PROJECT,
            published_at=at(2021, 10, 1, 0, 10),
        ),
        DeedFactory(
            organisation=kangasala,
            municipality=municipality("211"),
            sectors=[social],
            themes=[wellbeing],
            published_at=at(2022, 5, 5, 9),
        ),
    ]
    return made


def stats(client, by, query=""):
    response = client.get(f"/api/v1/stats/deeds?by={by}{query}")
    assert response.status_code == 200, response.content
    return response.json()


def list_count(client, query):
    response = client.get(f"/api/v1/deeds/?page_size=1{query}")
    assert response.status_code == 200, response.content
    return response.json()["count"]


@pytest.mark.parametrize(
    "filters",
    [
        "",
        "&region=17",
        "&sector=kasvatus-ja-opetus",
        "&start=2021-09-01&end=2021-09-30",
        "&q=kokeilu",
    ],
)
@pytest.mark.parametrize("by", DIMENSIONS)
def test_every_figure_equals_the_filtered_deed_list(client, deeds, by, filters):
    answer = stats(client, by, filters)
    assert answer["count"] == list_count(client, filters)
    facet_filtered = f"&{by}=" in filters
    for row in answer["rows"]:
        if facet_filtered:
            continue  # "chosen AND this" cannot be asked from the list (OR within a filter)
        assert row["count"] == list_count(client, f"{filters}&{by}={row['key']}"), row


def test_months_follow_finnish_time_and_run_through_the_period(client, deeds):
    rows = stats(client, "month", "&start=2021-08-01&end=2021-11-30")["rows"]
    assert [(r["key"], r["count"]) for r in rows] == [
        ("2021-08", 0),
        ("2021-09", 2),
        ("2021-10", 1),
        ("2021-11", 0),
    ]
    assert rows[1]["label"] == "syyskuu 2021"
    september = "&start=2021-09-01&end=2021-09-30"
    assert list_count(client, september) == 2  # 30.9. 23:30 Helsinki is still September


def test_small_sets_list_zeros_and_rankings_share_places(client, deeds):
    sectors = {r["key"]: r["count"] for r in stats(client, "sector")["rows"]}
    assert sectors["sosiaali-ja-terveys"] == 3 and sectors["tekniset-palvelut"] == 0
    organisations = stats(client, "organisation")["rows"]
    assert [r["count"] for r in organisations] == [3, 1]  # no zero rows for organisations
    response = client.get("/tilastot/?sija=" + organisations[1]["key"])
    assert "on sijalla 2/2, tekoja 1." in response.content.decode()


def test_tied_organisations_share_a_place(client):
    for name, count in (("A", 2), ("B", 1), ("C", 1), ("D", 0)):
        organisation = OrganisationFactory(name_fi=f"Organisaatio {name}")
        for _ in range(count):
            DeedFactory(organisation=organisation)
    rows = client.get("/tilastot/").context["leaders"].rows
    assert [(row.label, row.place) for row in rows] == [
        ("Organisaatio A", 1),
        ("Organisaatio B", 2),
        ("Organisaatio C", 2),
    ]


def test_a_new_deed_shows_in_the_figures_at_once(client, deeds, admin_user):
    before = stats(client, "year")["rows"]
    draft = DeedFactory(status="draft", published_at=None)
    deed_publish(draft, actor=admin_user)
    after = stats(client, "year")["rows"]
    assert sum(r["count"] for r in after) == sum(r["count"] for r in before) + 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("by=colour", "by-parametrin pitää olla"),
        ("by=sector&start=2021-13-01", "ei ole päivämäärä"),
        ("by=sector&start=2022-01-01&end=2021-01-01", "päättyy ennen"),
        ("by=sector&sector=ei-ole", "tuntematon arvo"),
    ],
)
def test_bad_parameters_get_a_clear_message(client, query, message):
    response = client.get(f"/api/v1/stats/deeds?{query}")
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_the_page_explains_bad_dates_and_keeps_working(client, deeds):
    response = client.get("/tilastot/?start=31.12.2021")
    assert response.status_code == 200
    assert "ei ole päivämäärä" in response.content.decode()


def test_downloads_hold_exactly_the_figures_shown(client, deeds):
    query = "?region=17&start=2021-01-01"
    expected = [
        [r["key"], r["label"], r["count"]]
        for r in stats(client, "sector", "&region=17&start=2021-01-01")["rows"]
    ]
    response = client.get(f"/tilastot/lataa/sector.csv{query}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Tunniste", "Toimiala", "Teot"]
    assert [[k, label, int(n)] for k, label, n in rows[1:]] == expected
    book = load_workbook(io.BytesIO(client.get(f"/tilastot/lataa/sector.xlsx{query}").content))
    assert [list(r) for r in book.active.iter_rows(min_row=2, values_only=True)] == expected
    assert client.get("/tilastot/lataa/colour.csv").status_code == 404


def test_a_formula_in_an_organisation_name_is_not_run_by_a_spreadsheet(client):
    DeedFactory(organisation=OrganisationFactory(name_fi='=HYPERLINK("http://x")'))
    body = client.get("/tilastot/lataa/organisation.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body


def test_the_charts_describe_themselves_for_screen_readers(client, deeds):
    html = client.get("/tilastot/").content.decode()
    assert 'role="img" aria-labelledby="sector-chart-title sector-chart-desc"' in html
    assert "Sosiaali- ja terveyspalvelut: 3" in html  # in the chart's description
    assert 'width="320.0"' in html or 'width="320"' in html  # decimals not localised


def test_the_leaderboard_download_holds_its_top_rows_with_places(client):
    for n in range(22):
        organisation = OrganisationFactory(name_fi=f"Organisaatio {n:02}")
        for _ in range(1 + n % 3):
            DeedFactory(organisation=organisation)
    page = client.get("/tilastot/")
    leaders = page.context["leaders"]
    assert len(leaders.rows) == 20
    body = client.get(leaders.links["csv"]).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Sija", "Tunniste", "Organisaatio", "Teot"]
    assert [[int(r[0]), r[2], int(r[3])] for r in rows[1:]] == [
        [row.place, row.label, row.count] for row in leaders.rows
    ]


@pytest.mark.parametrize("top", ["abc", "-3", "0", "10" * 20, "²"])
def test_a_bad_top_in_a_download_gives_every_row(client, deeds, top):
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/tilastot/lataa/organisation.csv?top={top}").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert len(rows) == 1 + 2  # header and both organisations

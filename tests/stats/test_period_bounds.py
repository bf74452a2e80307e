"""Statistics cost what the data spans, not what a period asks for: an anonymous
``?start=0001-01-01&end=9999-12-31`` once drew 120,000 months (12 s of CPU a request).
Dates outside 1900–2100 are refused with a message; months and days are counted only
from the first deed's year to this year; a download has a ceiling on its rows; a campaign
lasts at most a year. Asserted as row counts, since timing a test would be flaky."""

import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from recognition.models import Campaign
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory
from tests.recognition.factories import CampaignFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")
IMPOSSIBLE = "start=0001-01-01&end=9999-12-31"


def at(*args):
    return dt.datetime(*args, tzinfo=HELSINKI)


@pytest.fixture
def deeds(time_machine):
    time_machine.move_to(at(2022, 6, 1, 12))
    return [DeedFactory(published_at=at(2021, 3, 1, 12)), DeedFactory(published_at=at(2022, 5, 1))]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_download_of_an_impossible_period_is_refused(client, deeds, fmt):
    response = client.get(f"/tilastot/lataa/month.{fmt}?{IMPOSSIBLE}")
    assert response.status_code == 400
    assert "Valitse päivät vuosilta 1900–2100." in response.content.decode()
    english = client.get(f"/en/tilastot/lataa/month.{fmt}?start=0001-01-01")
    assert "Choose dates from the years 1900–2100." in english.content.decode()


def test_a_download_with_a_bad_filter_is_refused_rather_than_other_figures(client, deeds):
    response = client.get("/tilastot/lataa/sector.csv?sector=ei-ole")
    assert response.status_code == 400
    assert "tuntematon arvo" in response.content.decode()


@pytest.mark.parametrize("path", ["/tilastot/", "/tilastot/kartta/", "/sv/tilastot/"])
def test_the_statistics_pages_refuse_an_impossible_period_and_say_why(client, deeds, path):
    response = client.get(f"{path}?{IMPOSSIBLE}")
    assert response.status_code == 400
    assert response.context["listing"].start is None  # left out: all the deeds shown
    assert response.context["figures"].total == 2
    html = response.content.decode()
    assert "1900–2100" in html


def test_month_rows_run_from_the_first_deeds_year_to_this_year(client, deeds):
    # The widest period the parameters allow: 2,412 months before the bound, now 24.
    wide = "start=1900-01-01&end=2100-12-31"
    rows = client.get(f"/api/v1/stats/deeds?by=month&{wide}").json()["rows"]
    assert [r["key"] for r in rows][:1] + [r["key"] for r in rows][-1:] == ["2021-01", "2022-12"]
    assert len(rows) == 24 and sum(r["count"] for r in rows) == 2
    assert len(csv_rows(client.get(f"/tilastot/lataa/month.csv?{wide}"))) == 24
    page = client.get(f"/tilastot/?{wide}")
    assert page.status_code == 200 and len(page.context["timeline"].rows) == 24


def test_a_period_after_the_data_has_no_month_rows(client, deeds):
    rows = client.get("/api/v1/stats/deeds?by=month&start=2090-01-01").json()["rows"]
    assert rows == []


def test_the_deed_list_leaves_an_impossible_date_out_as_it_says(client, deeds):
    response = client.get("/teot/?start=0001-01-01")
    assert response.context["listing"].start is None
    assert response.context["total"] == 2
    assert "Valitse päivät vuosilta 1900–2100." in response.content.decode()


def test_a_download_has_a_ceiling_on_its_rows(client, settings):
    settings.STATS_DOWNLOAD_MAX_ROWS = 2
    for name in "ABC":
        DeedFactory(organisation=OrganisationFactory(name_fi=f"Organisaatio {name}"))
    response = client.get("/tilastot/lataa/organisation.csv")
    assert response.status_code == 400
    assert "enintään 2 riviä" in response.content.decode()
    assert len(csv_rows(client.get("/tilastot/lataa/organisation.csv?top=2"))) == 2


def test_a_campaign_is_dated_within_the_years_and_lasts_at_most_a_year():
    with pytest.raises(ValidationError, match="1900|2000"):
        CampaignFactory.build(starts_on=dt.date(1, 1, 1), ends_on=dt.date(1, 1, 2)).full_clean()
    with pytest.raises(ValidationError, match="366"):
        CampaignFactory.build(
            starts_on=dt.date(2021, 1, 1), ends_on=dt.date(2022, 1, 2)
        ).full_clean()
    CampaignFactory.build(starts_on=dt.date(2024, 1, 1), ends_on=dt.date(2024, 12, 31)).full_clean()


def test_a_campaign_page_draws_at_most_a_year_whatever_is_stored(client, deeds):
    # Stored past the admin's check (an older row): the page still costs at most a year.
    Campaign.objects.create(
        name="Pitkä", slug="pitka", starts_on=dt.date(2000, 1, 1), ends_on=dt.date(2100, 12, 31)
    )
    response = client.get("/kampanjat/pitka/")
    assert response.status_code == 200
    assert len(response.context["timeline"]["chart"]["bars"]) <= 366

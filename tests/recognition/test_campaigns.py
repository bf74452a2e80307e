"""Campaign pages: live figures, the daily timeline, comparison, the home page."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.recognition.factories import CampaignFactory
from tests.taxonomy.factories import sector

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def at(*args):
    return dt.datetime(*args, tzinfo=HELSINKI)


@pytest.fixture
def campaigns():
    previous = CampaignFactory(
        name="Syyskampanja 2021",
        slug="syys-2021",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 9, 30),
    )
    current = CampaignFactory(
        name="Syyskampanja 2022",
        slug="syys-2022",
        target=10,
        starts_on=dt.date(2022, 9, 1),
        ends_on=dt.date(2022, 10, 31),
    )
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    kangasala = OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211"))
    social = sector("sosiaali-ja-terveys")
    for day in (2, 3, 20):
        DeedFactory(organisation=liminka, sectors=[social], published_at=at(2021, 9, day, 12))
    DeedFactory(organisation=liminka, sectors=[social], published_at=at(2022, 9, 1, 8))
    DeedFactory(organisation=kangasala, published_at=at(2022, 9, 2, 8))
    DeedFactory(organisation=kangasala, published_at=at(2022, 11, 1, 8))  # after it
    return previous, current


def test_the_campaign_page_shows_live_figures_and_the_previous_campaign(
    client, campaigns, time_machine
):
    time_machine.move_to(at(2022, 9, 3, 12))
    response = client.get("/kampanjat/syys-2022/")
    context = response.context
    assert context["figures"].total == 2
    assert context["organisations"] == 2
    assert [r.count for r in context["timeline"]["rows"]] == [1, 1, 0]  # 1.–3.9.
    assert [(p.key, p.count) for p, _url in context["ranking"]] == [("211", 1), ("425", 1)]
    assert context["comparison"]["same_point"] == 2  # 2021 after its first three days
    assert context["comparison"]["total"] == 3
    html = response.content.decode()
    assert 'max="10" value="2"' in html
    assert "Syyskampanja 2021" in html


def test_a_campaign_that_has_not_started_shows_no_deeds_yet(client, campaigns, time_machine):
    time_machine.move_to(at(2022, 8, 1, 12))
    response = client.get("/kampanjat/syys-2022/")
    assert response.context["figures"].total == 0
    assert response.context["timeline"]["rows"] == []


def test_the_home_page_shows_the_running_campaign_only_while_it_runs(
    client, campaigns, time_machine
):
    time_machine.move_to(at(2022, 9, 3, 12))
    html = client.get("/").content.decode()
    assert "Syyskampanja 2022" in html and "/kampanjat/syys-2022/" in html
    time_machine.move_to(at(2022, 11, 1, 0, 0))
    assert "/kampanjat/syys-2022/" not in client.get("/").content.decode()


def test_an_unknown_campaign_is_not_found(client):
    assert client.get("/kampanjat/ei-ole/").status_code == 404


def test_a_longer_campaign_compares_with_the_whole_previous_one(client, campaigns, time_machine):
    time_machine.move_to(at(2022, 10, 15, 12))  # day 45; the previous had 30 days
    comparison = client.get("/kampanjat/syys-2022/").context["comparison"]
    assert comparison["whole"] and comparison["same_point"] == comparison["total"] == 3


def test_the_campaign_has_a_share_card(client, campaigns):
    html = client.get("/kampanjat/syys-2022/").content.decode()
    assert "/kampanjat/syys-2022/kortti.png" in html
    card = client.get("/kampanjat/syys-2022/kortti.png")
    assert card["Content-Type"] == "image/png" and card.content[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("", "tekoja ensimmäisen päivän jälkeen 0, yhteensä 3."),
        ("/sv", "insatser efter den första dagen: 0, sammanlagt: 3."),
        ("/en", "deeds after its first day: 0, in all: 3."),
    ],
)
def test_the_comparison_after_the_first_day_is_in_the_singular(
    client, campaigns, time_machine, language, text
):
    time_machine.move_to(at(2022, 9, 1, 12))
    assert text in client.get(f"{language}/kampanjat/syys-2022/").content.decode()
    time_machine.move_to(at(2022, 9, 3, 12))
    html = client.get(f"{language}/kampanjat/syys-2022/").content.decode()
    assert {"": "ensimmäisten 3 päivän", "/sv": "de första 3 dagarna", "/en": "first 3 days"}[
        language
    ] in html


def test_the_daily_chart_spans_the_whole_campaign(client, campaigns, time_machine):
    time_machine.move_to(at(2022, 9, 3, 12))
    chart = client.get("/kampanjat/syys-2022/").context["timeline"]["chart"]
    assert len(chart["bars"]) == 61  # 1.9.–31.10.
    assert [bar.count for bar in chart["bars"][:4]] == [1, 1, 0, 0]
    shorter = client.get("/kampanjat/syys-2021/")
    assert len(shorter.context["timeline"]["chart"]["bars"]) == 30
    assert shorter.context["timeline"]["chart"]["labelled"]  # each day's count shown
    assert 'class="chart__value"' in shorter.content.decode()


def test_municipalities_in_the_ranking_link_to_their_deeds_of_the_campaign(
    client, campaigns, time_machine
):
    time_machine.move_to(at(2022, 9, 3, 12))
    html = client.get("/kampanjat/syys-2022/").content.decode()
    url = "/teot/?municipality=211&amp;start=2022-09-01&amp;end=2022-09-03"
    assert f'<a href="{url}">Kangasala</a>' in html
    assert client.get(url.replace("&amp;", "&")).context["total"] == 1
    assert 'class="campaign-progress"' in html

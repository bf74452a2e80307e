"""Weekly highlights and the Atom/RSS feeds."""

import datetime as dt
import io
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from recognition.highlights import Highlight
from tests.deeds.factories import DeedFactory
from tests.taxonomy.factories import sector, theme

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture
def deeds():
    return {
        "wellbeing": DeedFactory(title="Työhyvinvoinnin teko", themes=[theme("tyohyvinvointi")]),
        "care": DeedFactory(title="Hoivan teko", sectors=[sector("sosiaali-ja-terveys")]),
        "hidden": DeedFactory(title="Keskeneräinen teko", status="in_review"),
    }


def highlighted(client):
    """The home page's highlights section."""
    html = client.get("/").content.decode()
    start = html.find('id="highlights-heading"')
    return html[start : html.find('id="latest-heading"')] if start >= 0 else ""


def test_this_weeks_highlights_are_on_the_home_page_and_past_ones_stay_listed(
    client, deeds, time_machine
):
    time_machine.move_to(dt.datetime(2026, 11, 18, 12, tzinfo=HELSINKI))  # a Wednesday
    Highlight.objects.create(deed=deeds["wellbeing"], week=dt.date(2026, 11, 19), note="Hieno!")
    Highlight.objects.create(deed=deeds["care"], week=dt.date(2026, 11, 10))
    Highlight.objects.create(deed=deeds["hidden"], week=dt.date(2026, 11, 16))
    assert Highlight.objects.get(deed=deeds["wellbeing"]).week == dt.date(2026, 11, 16)
    home = highlighted(client)
    assert "Työhyvinvoinnin teko" in home and "Hieno!" in home
    assert "Hoivan teko" not in home and "Keskeneräinen teko" not in home
    page = client.get("/nostot/")
    assert [h.deed.title for h in page.context["current"]] == ["Työhyvinvoinnin teko"]
    assert [h.deed.title for h in page.context["page"].object_list] == ["Hoivan teko"]
    time_machine.move_to(dt.datetime(2026, 11, 23, 0, 1, tzinfo=HELSINKI))  # next Monday
    assert "Työhyvinvoinnin teko" not in highlighted(client)


def titles(response, atom):
    root = ET.fromstring(response.content)
    if atom:
        return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    return [item.find("title").text for item in root.iter("item")]


@pytest.mark.parametrize("atom", [True, False], ids=["atom", "rss"])
def test_feeds_are_valid_and_hold_only_published_deeds(client, deeds, atom):
    ext = "atom" if atom else "rss"
    response = client.get(f"/syotteet/uudet.{ext}")
    assert response["Content-Type"].startswith(
        "application/atom+xml" if atom else "application/rss+xml"
    )
    assert set(titles(response, atom)) == {"Työhyvinvoinnin teko", "Hoivan teko"}
    assert titles(client.get(f"/syotteet/teema/tyohyvinvointi.{ext}"), atom) == [
        "Työhyvinvoinnin teko"
    ]
    assert titles(client.get(f"/syotteet/toimiala/sosiaali-ja-terveys.{ext}"), atom) == [
        "Hoivan teko"
    ]
    assert client.get(f"/syotteet/teema/ei-ole.{ext}").status_code == 404


def test_the_highlights_feed_lists_highlighted_deeds(client, deeds):
    Highlight.objects.create(deed=deeds["care"], week=dt.date(2026, 11, 9), note="Viikon nosto")
    response = client.get("/syotteet/nostot.atom")
    root = ET.fromstring(response.content)
    entry = next(root.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}title").text == "Hoivan teko"
    assert entry.find(f"{ATOM}link").get("href").endswith(deeds["care"].get_absolute_url())


def test_share_cards_are_images_named_in_the_pages(client, deeds):
    from PIL import Image

    deed = deeds["care"]
    html = client.get(deed.get_absolute_url()).content.decode()
    card_url = f"{settings.SITE_URL}/teot/{deed.pk}/kortti.png"
    assert f'<meta property="og:image" content="{card_url}">' in html
    card = client.get(f"/teot/{deed.pk}/kortti.png")
    assert card["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(card.content)).size == (1200, 630)
    assert client.get(f"/teot/{deeds['hidden'].pk}/kortti.png").status_code == 404

"""The statistics on a 390 px phone: readable chart text, a contents list, axes that
say what they count, and a map table without hundreds of zero rows."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from demo.recognition import seed_recognition
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.taxonomy.factories import sector

pytestmark = pytest.mark.browser

# Rendered size of each chart text: its font size times the SVG's scale on screen.
SMALL_TEXTS = """() => [...document.querySelectorAll('svg.chart text')]
  .map((t) => [parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a, t.textContent])
  .filter(([size]) => size < 12)
  .map(([size, text]) => `${text.trim()} (${size.toFixed(1)} px)`)"""


@pytest.fixture
def setting(reference_data):
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    for year in range(2015, 2027):
        DeedFactory(
            organisation=liminka,
            sectors=[sector("sosiaali-ja-terveys")],
            published_at=dt.datetime(year, 9, 2, 12, tzinfo=ZoneInfo("Europe/Helsinki")),
        )
    seed_recognition()


def test_chart_text_is_at_least_12_px_on_a_phone(phone_page, setting):
    page = phone_page
    for path in ("/tilastot/", "/kampanjat/syyskampanja-2021/"):
        page.goto(page.base + path)
        assert page.locator("svg.chart text").count() > 5, path
        assert page.evaluate(SMALL_TEXTS) == [], path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways ({width}px)"


def test_contents_list_jumps_to_every_chart(phone_page, setting):
    page = phone_page
    page.goto(page.base + "/tilastot/")
    links = page.locator(".stats-contents a[href^='#']")
    assert links.count() >= 5
    for link in links.all():
        target = link.get_attribute("href")
        assert page.locator(f"section{target}").count() == 1, target
    page.locator(".stats-contents a[href='#theme']").click()
    assert page.locator("#theme-heading").is_visible()
    assert page.locator("#theme-heading").bounding_box()["y"] < 200


def test_axes_say_what_the_number_is(page, setting):

    page.goto(page.base + "/tilastot/")
    timeline = page.locator("svg.chart--timeline").first
    assert "suurin" not in timeline.text_content()
    captions = page.locator(".chart__caption").all_inner_texts()
    assert captions and all("julkaistu" in caption for caption in captions)


def test_map_table_hides_zero_rows_behind_a_toggle_without_javascript(page_without_js, setting):
    page = page_without_js
    page.goto(page.base + "/tilastot/kartta/")
    table = page.locator("#map-table > table")
    assert table.locator("tbody tr").all_inner_texts() == ["Liminka\t12"]
    zeros = page.locator(".map-zero-rows")
    assert not zeros.locator("table").is_visible()
    zeros.locator("summary").click()
    assert zeros.locator("table").is_visible()
    assert zeros.locator("tbody tr").count() > 250

"""Campaign and most-inventive-municipality pages in a real browser: axe-core, phone width."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from deeds.models import Deed
from recognition.demo import seed_recognition
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.browser


@pytest.fixture
def setting(reference_data):
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    for day in (2, 3, 15):
        DeedFactory(
            organisation=liminka,
            published_at=dt.datetime(2021, 9, day, 12, tzinfo=ZoneInfo("Europe/Helsinki")),
        )
    seed_recognition()
    gala_with_awards(list(Deed.objects.all()), year=2021)


def test_recognition_pages_are_accessible(page, phone_page, setting, axe_check):
    for view in (page, phone_page):
        for path in (
            "/kampanjat/",
            "/kampanjat/syyskampanja-2021/",
            "/kekseliain-kunta/",
            "/palkitut/2021/",
            "/joulukalenteri/2021/",
            "/joulukalenteri/2021/1/",
        ):
            view.goto(view.base + path)
            axe_check(view)
            width = view.evaluate("document.documentElement.scrollWidth")
            assert width <= view.viewport_size["width"], f"{path} scrolls sideways"
    page.goto(page.base + "/kekseliain-kunta/")
    assert page.get_by_role("heading", name="Kekseliäin kunta 2021").is_visible()
    page.fill("#id_start", "2021-09-01")
    page.fill("#id_end", "2021-09-30")
    page.click(".stats-filters button[type=submit]")
    assert page.locator("#live-ranking tbody tr").first.inner_text().split() == [
        "1.",
        "Liminka",
        "3",
    ]

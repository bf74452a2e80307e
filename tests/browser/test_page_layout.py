"""Reflow at 320 px with WCAG 1.4.12 text spacing, and a header that stays put."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from deeds.models import Deed
from demo.recognition import seed_recognition
from recognition.highlights import Highlight
from tests.deeds.factories import DeedContactFactory, DeedFactory
from tests.organisations.factories import OrganisationFactory, region
from tests.recognition.factories import gala_with_awards

pytestmark = pytest.mark.browser

# WCAG 2.1 SC 1.4.12: a reader's own style sheet may set at least these.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Everything whose right edge is past the viewport, unless an ancestor clips or
# scrolls it (a table in a scrolling box is allowed to be wider) or it is hidden.
OVERFLOWING = """(width) => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || box.right <= width + 0.5) continue;
    let parent = el.parentElement, clipped = false;
    while (parent && parent !== document.body) {
      if (getComputedStyle(parent).overflowX !== 'visible') { clipped = true; break; }
      parent = parent.parentElement;
    }
    if (!clipped) {
      out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ends at ` +
               `${Math.round(box.right)} px: "${el.textContent.trim().slice(0, 40)}"`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, overflowing: out.slice(0, 5)};
}"""

PAGES = (
    "/",
    "/teot/",
    "/teot/?q=kotihoito",
    "DEED",
    "/organisaatiot/",
    "ORGANISATION",
    "/tilastot/",
    "/tilastot/kartta/",
    "/kampanjat/",
    "/kampanjat/syyskampanja-2021/",
    "/palkitut/2021/",
    "/nostot/",
    "/joulukalenteri/2021/",
    "/joulukalenteri/2021/1/",
    "/ilmianna/",
    "/tietoa/",
)


@pytest.fixture
def long_words(reference_data):
    """Long Finnish compounds, addresses and names, the way real deeds have them."""
    county = OrganisationFactory(
        name_fi="Pohjois-Pohjanmaan hyvinvointialuekuntayhtymä",
        name_sv="",
        municipality=None,
        region=region("17"),
        type="wellbeing_county",
        website="https://www.pohjois-pohjanmaan-hyvinvointialuekuntayhtyma.example.fi/palvelut/",
    )
    for i in range(6):
        deed = DeedFactory(
            title=f"Asiakastietojärjestelmäuudistuksen käyttöönottokokeilu {i}",
            summary="Sosiaalihuollon asiakastietojärjestelmäuudistus eteni kotihoidossa "
            "työhyvinvointikyselyvastausten perusteella.",
            background="Kotihoito oli kiireistä: https://www.example.fi/hyvin/pitka/osoite/"
            "jossa-ei-ole-yhtaan-tavutuskohtaa-eika-valilyontia/",
            organisation=county,
            published_at=dt.datetime(2021, 9, 2 + i, 12, tzinfo=ZoneInfo("Europe/Helsinki")),
        )
        DeedContactFactory(
            deed=deed,
            name="Maija Meikäläinen-Virtanen",
            email="maija.meikalainen-virtanen@pohjois-pohjanmaan-hyvinvointialue.example.fi",
        )
        Highlight.objects.create(deed=deed, week=dt.date(2021, 9, 6), note="Hyvä esimerkki.")
    seed_recognition()
    gala_with_awards(list(Deed.objects.all()), year=2021)
    return county


def addresses(page, county):
    return {
        "DEED": Deed.objects.filter(organisation=county).first().get_absolute_url(),
        "ORGANISATION": county.get_absolute_url(),
    }


@pytest.fixture
def narrow_page(browser, live_server, reference_data):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, locale="fi-FI", bypass_csp=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base = live_server.url
    yield page
    context.close()


def test_nothing_overflows_at_320_px_with_text_spacing(narrow_page, long_words):
    page = narrow_page
    special = addresses(page, long_words)
    problems = []
    for path in PAGES:
        path = special.get(path, path)
        response = page.goto(page.base + path)
        assert response.ok, path
        page.add_style_tag(content=TEXT_SPACING)
        result = page.evaluate(OVERFLOWING, 320)
        if result["scrollWidth"] > 320 or result["overflowing"]:
            problems.append(f"{path}: scrollWidth {result['scrollWidth']}, {result['overflowing']}")
    assert not problems, "\n".join(problems)


def boxes(page):
    found = {}
    for name in (".site-search", ".language-switch"):
        box = page.locator(f".site-header {name}")
        if box.count():
            found[name] = tuple(round(value) for value in box.bounding_box().values())
    return found


@pytest.mark.parametrize("width", [1366, 390])
def test_search_box_and_language_switch_stay_in_place(browser, live_server, long_words, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="fi-FI")
    page = context.new_page()
    seen = {}
    for language in ("", "/sv", "/en"):
        for path in ("/", "/teot/", "/tilastot/", "/tietoa/", "/ilmianna/", "/palkitut/2021/"):
            page.goto(live_server.url + language + path)
            for name, box in boxes(page).items():
                seen.setdefault(name, {}).setdefault(box, []).append(language + path)
    context.close()
    assert set(seen) == {".site-search", ".language-switch"}
    for name, places in seen.items():
        assert len(places) == 1, f"{name} moves: {places}"

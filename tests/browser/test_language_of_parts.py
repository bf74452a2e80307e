"""Language of parts (WCAG 2.1 SC 3.1.2): user content carries its own language, the
interface keeps the page's, so a screen reader reads each with the right voice."""

import pytest
from django.utils import translation

from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.browser

# The language a screen reader uses for an element: its nearest lang attribute.
LANG_OF = "(element) => element.closest('[lang]').getAttribute('lang')"


@pytest.fixture
def deeds(reference_data):
    finnish_only = OrganisationFactory(name_fi="Limingan kunta", name_sv="")
    bilingual = OrganisationFactory(name_fi="Porvoon kaupunki", name_sv="Borgå stad")
    finnish = DeedFactory(
        title="Kotihoidon aamupäivä",
        summary="Kokeilimme uutta tapaa.",
        background="Kotihoidossa oli kiire.",
        results="Asiakkaat saivat enemmän aikaa.",
        organisation=finnish_only,
    )
    swedish = DeedFactory(
        title="Hemvårdens morgon",
        summary="Vi prövade ett nytt sätt.",
        background="Det var bråttom i hemvården.",
        language="sv",
        organisation=bilingual,
    )
    return finnish, swedish


def card(page, title):
    return page.locator(".deed-card", has_text=title)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_cards_mark_each_deed_with_its_own_language(page, deeds, language):
    page.goto(f"{page.base}/{language}/teot/")
    assert page.locator("html").get_attribute("lang") == language

    finnish = card(page, "Kotihoidon aamupäivä")
    assert finnish.locator(".deed-card__title").evaluate(LANG_OF) == "fi"
    assert finnish.locator(".deed-card__summary").evaluate(LANG_OF) == "fi"
    # Only a Finnish name exists: it is shown, and marked, in Finnish.
    assert finnish.locator(".deed-card__org").evaluate(LANG_OF) == "fi"

    swedish = card(page, "Hemvårdens morgon")
    assert swedish.locator(".deed-card__title").evaluate(LANG_OF) == "sv"
    assert swedish.locator(".deed-card__summary").evaluate(LANG_OF) == "sv"
    # The interface's labels on the card stay in the page's language.
    assert finnish.locator(".deed-card__tags").evaluate(LANG_OF) == language


def test_organisation_name_is_marked_in_the_language_shown(page, deeds):
    page.goto(f"{page.base}/sv/teot/")
    org = card(page, "Hemvårdens morgon").locator(".deed-card__org")
    assert org.inner_text() == "Borgå stad"
    assert org.evaluate(LANG_OF) == "sv"

    page.goto(f"{page.base}/en/teot/")
    org = card(page, "Hemvårdens morgon").locator(".deed-card__org")
    assert org.inner_text() == "Porvoon kaupunki"  # no English name: Finnish is shown
    assert org.evaluate(LANG_OF) == "fi"


def test_deed_page_keeps_interface_headings_in_the_page_language(page, deeds):
    finnish, _ = deeds
    with translation.override("en"):
        page.goto(page.base + finnish.get_absolute_url())
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").evaluate(LANG_OF) == "fi"
    assert page.locator(".deed__summary").evaluate(LANG_OF) == "fi"
    headings = page.locator(".deed__body h2, .deed__aside h2, .deed__facts dt")
    assert headings.count() >= 4
    for heading in headings.all():
        assert heading.evaluate(LANG_OF) == "en", heading.inner_text()
    texts = page.locator(".deed__section p")
    assert texts.count() >= 2
    for text in texts.all():
        assert text.evaluate(LANG_OF) == "fi", text.inner_text()
    # No element around the interface headings is marked Finnish.
    assert page.locator("article.deed").get_attribute("lang") is None


def test_swedish_deed_on_a_finnish_page_marks_its_story_swedish(page, deeds):
    _, swedish = deeds
    page.goto(page.base + swedish.get_absolute_url())
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.locator("h1").evaluate(LANG_OF) == "sv"
    assert page.locator(".deed__section p").first.evaluate(LANG_OF) == "sv"
    assert page.locator(".deed__section h2").first.evaluate(LANG_OF) == "fi"

"""The share form's organisation finder in a real browser: an ARIA 1.2 combobox with
the keyboard, and the "Find" button without JavaScript."""

import re

import pytest

from organisations.models import Organisation, OrganisationType
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality

pytestmark = pytest.mark.browser


@pytest.fixture
def registry(reference_data):
    OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    OrganisationFactory(name_fi="Limingan Vesi Oy", name_sv="", type=OrganisationType.COMPANY)
    OrganisationFactory(
        name_fi="Helsingin kaupunki", name_sv="Helsingfors stad", municipality=municipality("091")
    )
    OrganisationFactory(
        name_fi="Helsingin seudun ympäristöpalvelut -kuntayhtymä",
        name_sv="",
        type=OrganisationType.JOINT_AUTHORITY,
        municipality=municipality("091"),
    )


def type_and_wait(page, text):
    field = page.locator("#id_organisation_name")
    field.fill("")
    field.press_sequentially(text, delay=20)
    page.wait_for_selector("#organisation-options [role=option]")
    return field


@pytest.mark.parametrize(
    "typed, chosen",
    [
        ("Liminka", "Limingan kunta"),
        ("Limingan", "Limingan kunta"),
        ("Limnka", "Limingan kunta"),
        ("Helsinki", "Helsingin kaupunki"),
        ("Helsingfors", "Helsingin kaupunki"),
    ],
)
def test_the_keyboard_chooses_the_organisation_from_what_was_typed(page, registry, typed, chosen):
    page.goto(page.base + "/ilmianna/")
    field = type_and_wait(page, typed)
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == "organisation-options"
    first = page.locator("#organisation-options [role=option]").first
    assert first.get_attribute("data-value") == chosen
    page.wait_for_function(
        "document.getElementById('organisation-options-status').textContent.includes('löytyi')"
    )
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    field.press("Enter")
    assert field.input_value() == chosen
    assert field.get_attribute("aria-expanded") == "false"
    assert page.url.endswith("/ilmianna/")  # Enter chose; it did not send the form
    assert page.evaluate("document.activeElement.id") == "id_organisation_name"


def test_arrow_keys_wrap_and_escape_closes_the_list(page, registry):
    page.goto(page.base + "/ilmianna/")
    field = type_and_wait(page, "Limingan")
    options = page.locator("#organisation-options [role=option]")
    assert options.count() == 2
    field.press("ArrowUp")  # from the field to the last option
    assert field.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    field.press("ArrowDown")  # past the last: back to the first
    assert field.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert page.locator("#organisation-options").is_hidden()
    assert field.get_attribute("aria-activedescendant") is None
    assert field.input_value() == "Limingan"


def test_the_share_form_is_axe_clean_with_the_list_open(page, registry, axe_check):
    page.goto(page.base + "/ilmianna/")
    type_and_wait(page, "Helsinki")
    page.locator("#id_organisation_name").press("ArrowDown")
    assert page.locator("#organisation-options").is_visible()
    axe_check(page)


def test_without_javascript_find_lists_the_organisations_as_choices(page_without_js, registry):
    page = page_without_js
    page.goto(page.base + "/ilmianna/")
    page.fill("#id_title", "Aamupalaverit lyhyemmiksi")
    page.fill("#id_organisation_name", "Limnka")
    page.click('button[value="find_organisation"]')
    page.wait_for_url(re.compile(r"\?find=1"))
    assert page.locator("#id_title").input_value() == "Aamupalaverit lyhyemmiksi"
    choices = page.locator('#organisation-candidates input[type="radio"]')
    assert choices.first.get_attribute("value") == "Limingan kunta"
    page.check('#organisation-candidates input[value="Limingan kunta"]')
    page.click('button[value="save"]')
    page.wait_for_load_state()
    assert page.locator("#id_organisation_name").input_value() == "Limingan kunta"


def test_without_javascript_the_organisation_facet_is_narrowed_by_typing(page_without_js, registry):
    for organisation in Organisation.objects.all():
        DeedFactory(organisation=organisation, municipality=organisation.municipality)
    page = page_without_js
    page.goto(page.base + "/teot/")
    page.click("#facet-organisation > summary")
    page.fill("#facet-filter-organisation", "Helsingfors")
    page.press("#facet-filter-organisation", "Enter")
    page.wait_for_url(re.compile(r"organisation_q=Helsingfors"))
    choices = page.locator('#facet-organisation input[name="organisation"]')
    values = [choices.nth(i).get_attribute("value") for i in range(choices.count())]
    assert values[0] == "helsingin-kaupunki"
    assert "limingan-kunta" not in values
    assert page.locator("#facet-filter-organisation").input_value() == "Helsingfors"

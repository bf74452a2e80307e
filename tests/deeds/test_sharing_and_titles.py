"""Deed and list pages can be shared (a visible link field and email), and a list's
<title> names its search and filters, starting with its h1."""

import html as html_lib
import re
from urllib.parse import quote

import pytest

from taxonomy.models import Sector
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deeds(settings):
    settings.DEEDS_PER_PAGE = 2
    organisation = OrganisationFactory(name_fi="Limingan kunta")
    social = Sector.objects.get(slug="sosiaali-ja-terveys")
    made = [
        DeedFactory(title=f"Kotihoidon kokeilu {i}", organisation=organisation, sectors=[social])
        for i in range(3)
    ]
    return made


def title_of(page):
    return html_lib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1))


def h1_of(page):
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1))


def share_url_of(page):
    return html_lib.unescape(re.search(r'id="share-url" type="url" value="([^"]*)"', page).group(1))


def test_the_list_title_names_the_search_and_filters_and_starts_with_the_h1(client, deeds):
    page = client.get("/teot/", {"q": "kotihoito", "sector": "sosiaali-ja-terveys"}).content
    page = page.decode()
    assert h1_of(page) == "Kehittämisteot"
    assert (
        title_of(page) == "Kehittämisteot: ”kotihoito”, Sosiaali- ja terveyspalvelut – Tekojen tori"
    )
    second = client.get("/teot/", {"q": "kotihoito", "page": "2"}).content.decode()
    assert title_of(second) == "Kehittämisteot: ”kotihoito”, sivu 2 – Tekojen tori"
    plain = client.get("/teot/").content.decode()
    assert title_of(plain) == "Kehittämisteot – Tekojen tori"


def test_the_title_is_in_the_page_language(client, deeds):
    page = client.get("/sv/teot/", {"sector": "sosiaali-ja-terveys"}).content.decode()
    assert title_of(page).startswith(h1_of(page) + ": ")
    assert h1_of(page) == "Utvecklingsinsatser"


def test_an_htmx_swap_brings_the_new_title(client, deeds):
    fragment = client.get(
        "/teot/", {"sector": "sosiaali-ja-terveys"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith("<title>Kehittämisteot: Sosiaali- ja terveyspalvelut")


def test_an_organisation_page_title_is_its_name_and_its_own_filters(client, deeds):
    organisation = deeds[0].organisation
    path = organisation.get_absolute_url()
    page = client.get(path, {"sector": "sosiaali-ja-terveys"}).content.decode()
    assert h1_of(page) == "Limingan kunta"
    assert title_of(page) == "Limingan kunta: Sosiaali- ja terveyspalvelut – Tekojen tori"


def test_hostile_search_words_are_escaped_and_shortened_in_the_title(client, deeds):
    words = "<script>alert(1)</script>" + "x" * 900
    page = client.get("/teot/", {"q": words}).content.decode()
    assert "<script>alert" not in page
    assert len(title_of(page)) < 200


def test_a_list_offers_its_address_to_copy_and_email(client, deeds, settings):
    page = client.get(
        "/teot/", {"q": "kotihoito", "sector": "sosiaali-ja-terveys", "page": "2", "more": "x"}
    ).content.decode()
    url = share_url_of(page)
    assert url == settings.SITE_URL + "/teot/?q=kotihoito&sector=sosiaali-ja-terveys"
    assert re.search(r'id="share-url" type="url" value="[^"]*" readonly>', page)
    # The copy button needs JavaScript: without it the field is the way to copy.
    assert re.search(r"<button[^>]*data-copy=\"share-url\"[^>]*hidden>", page)
    mail = html_lib.unescape(re.search(r'class="share__mail" href="([^"]+)"', page).group(1))
    assert mail.startswith("mailto:?subject=" + quote("Kehittämisteot: ”kotihoito”", safe=""))
    assert quote(url, safe="") in mail


def test_a_deed_page_offers_its_address_to_copy_and_email(client, deeds, settings):
    deed = deeds[0]
    page = client.get(deed.get_absolute_url()).content.decode()
    assert share_url_of(page) == settings.SITE_URL + deed.get_absolute_url()
    mail = html_lib.unescape(re.search(r'class="share__mail" href="([^"]+)"', page).group(1))
    assert mail.startswith("mailto:?subject=" + quote(deed.title, safe=""))
    assert "Jaa tämä teko" in page


def test_the_organisation_list_title_names_its_choices(client, deeds):
    page = client.get("/organisaatiot/", {"type": "wellbeing_county", "region": "06"})
    page = page.content.decode()
    assert h1_of(page) == "Organisaatiot"
    assert title_of(page) == "Organisaatiot: Hyvinvointialue, Pirkanmaa – Tekojen tori"
    fragment = client.get(
        "/organisaatiot/", {"region": "06"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert fragment.lstrip().startswith("<title>Organisaatiot: Pirkanmaa – Tekojen tori</title>")

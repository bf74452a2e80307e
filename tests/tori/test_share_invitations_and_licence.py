"""Invitations to share a deed, and the CC BY 4.0 licence on the pages and feeds (HTTP)."""

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html import unescape

import pytest
from django.utils import timezone, translation

from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory
from tests.recognition.factories import CampaignFactory
from tests.taxonomy.factories import theme

pytestmark = pytest.mark.django_db
INVITE = "Ilmianna teko Jaa oma kehittämistekosi"


def invitations(page):
    """The visible text of each call to share, as a screen reader names the link."""
    link = r'<a class="share-invite__link" href="(?:/sv|/en)?/ilmianna/">(.*?)</a>'
    links = re.findall(link, page, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", link)).split()) for link in links]


def finnish_url(deed):
    with translation.override("fi"):  # the language a previous request left active
        return deed.get_absolute_url()


@pytest.fixture
def deed():
    organisation = OrganisationFactory(name_fi="Limingan kunta")
    return DeedFactory(
        title="Aamupalaverit", organisation=organisation, themes=[theme("tyohyvinvointi")]
    )


def test_the_home_hero_invites_to_share_with_a_plain_subtitle(client):
    page = client.get("/").content.decode()
    hero = page[page.index('class="hero"') : page.index("</section>")]
    assert invitations(hero) == [INVITE]
    sv = client.get("/sv/").content.decode()
    assert "Dela med dig av din egen utvecklingsinsats" in invitations(sv)[0]


def test_a_deed_page_asks_for_a_similar_deed(client, deed):
    page = client.get(finnish_url(deed)).content.decode()
    assert "Onko teillä vastaava teko?" in page
    assert invitations(page) == [INVITE]


def test_a_running_campaign_invites_to_share_and_an_ended_one_does_not(client):
    today = timezone.localdate()
    running = CampaignFactory(
        starts_on=today - dt.timedelta(days=3), ends_on=today + dt.timedelta(days=3)
    )
    ended = CampaignFactory()
    assert invitations(client.get(f"/kampanjat/{running.slug}/").content.decode()) == [INVITE]
    assert invitations(client.get(f"/kampanjat/{ended.slug}/").content.decode()) == []


def test_the_awarded_page_invites_to_share(client):
    page = client.get("/palkitut/").content.decode()
    assert "Jokainen palkinto alkaa jaetusta teosta." in page
    assert invitations(page) == [INVITE]


def test_an_empty_result_offers_the_next_steps(client, deed):
    response = client.get("/teot/", {"awarded": "true", "theme": "tyohyvinvointi"})
    page = unescape(response.content.decode())
    empty = page[page.index('class="empty-state"') :]
    # The last filter goes; the others stay.
    remove = re.search(r'<a href="([^"]+)"[^>]*>Poista rajaus ”([^”]+)”</a>', empty)
    assert remove, empty[:2000]
    assert "tyohyvinvointi" not in remove.group(1) and "awarded=true" in remove.group(1)
    assert "Työhyvinvointi" in remove.group(2)
    assert "Selaa tekoja teemoittain" in empty
    assert invitations(empty) == [INVITE]
    # What the link leads to is not empty: the person gets further.
    assert client.get(remove.group(1)).status_code == 200


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/", "Teot julkaistaan CC BY 4.0 -lisenssillä"),
        ("/sv/", "Insatserna publiceras under licensen CC BY 4.0"),
        ("/en/", "The deeds are published under the CC BY 4.0 licence"),
    ],
)
def test_the_footer_states_the_licence(client, url, text):
    page = client.get(url).content.decode()
    footer = re.sub(r"<[^>]+>", "", page[page.index('class="site-footer"') :])
    assert text in " ".join(footer.split())
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.' in page


def test_a_deed_page_states_the_licence_and_how_to_credit(client, deed):
    page = client.get(finnish_url(deed)).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", "", page).split())
    assert "Julkaistu CC BY 4.0 -lisenssillä." in text
    assert "kun mainitset lähteen: Limingan kunta / Tekojen tori." in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/deed.fi"' in page


@pytest.mark.parametrize(
    ("url", "tag"),
    [
        ("/syotteet/uudet.rss", "channel/copyright"),
        ("/syotteet/uudet.atom", "{http://www.w3.org/2005/Atom}rights"),
        ("/syotteet/nostot.atom", "{http://www.w3.org/2005/Atom}rights"),
    ],
)
def test_the_feeds_carry_the_licence(client, deed, url, tag):
    root = ET.fromstring(client.get(url).content)
    rights = root.find(tag)
    assert rights is not None
    assert rights.text.startswith("CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)")

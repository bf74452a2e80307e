"""The interface in Finnish (default), Swedish and English."""

import html as html_lib
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from taxonomy.models import Sector
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

LOCALE = Path(settings.BASE_DIR) / "tori" / "locale"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_interface_string_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert not catalogue.untranslated_entries()
    assert not catalogue.fuzzy_entries()
    for entry in catalogue.translated_entries():
        # Placeholders must survive translation, or the page would crash or lie.
        for placeholder in re.findall(r"%\(\w+\)[sd]", entry.msgid):
            translations = [entry.msgstr] if entry.msgstr else entry.msgstr_plural.values()
            assert all(placeholder in t or "%(counter)s" in entry.msgid for t in translations), (
                entry.msgid
            )


@pytest.fixture
def pages(db):
    organisation = OrganisationFactory(name_fi="Limingan kunta", name_sv="Limingo kommun")
    deed = DeedFactory(
        organisation=organisation,
        sectors=[Sector.objects.get(slug="sosiaali-ja-terveys")],
        background="Tausta.",
        results="Tulos.",
        tips="Vinkki.",
    )
    return [
        "/",
        "/teot/",
        deed.get_absolute_url(),
        "/organisaatiot/",
        organisation.get_absolute_url(),
        "/tietoa/",
        "/saavutettavuus/",
        "/ei-ole/",
    ]


def english_sentences():
    catalogue = polib.pofile(str(LOCALE / "fi" / "LC_MESSAGES" / "django.po"))
    return {
        e.msgid
        for e in catalogue
        if len(e.msgid.split()) >= 2 and e.msgstr != e.msgid and "%" not in e.msgid
    }


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_pages_show_no_untranslated_english(client, pages, language):
    english = english_sentences()
    prefix = "" if language == "fi" else f"/{language}"
    for path in pages:
        text = html_lib.unescape(client.get(prefix + path).content.decode())
        leaked = {s for s in english if f">{s}<" in text or f'"{s}"' in text}
        assert not leaked, (path, leaked)


def test_swedish_pages_use_swedish_labels_and_place_names(client, pages):
    html = client.get("/sv/teot/").content.decode()
    assert '<html lang="sv">' in html
    assert "Social- och hälsovårdstjänster" in html
    assert "Limingo" in html
    assert "Avgränsa insatser" in html or "insats" in html


def test_english_pages_use_english_labels(client, pages):
    html = client.get("/en/teot/").content.decode()
    assert '<html lang="en">' in html
    assert "Social and health care" in html


def test_finnish_is_the_default_without_a_prefix(client, pages):
    html = client.get("/teot/").content.decode()
    assert '<html lang="fi">' in html and "Sosiaali- ja terveyspalvelut" in html


def test_language_links_keep_the_page_and_its_filters(client, pages):
    html = client.get("/teot/?sector=sosiaali-ja-terveys&sort=title").content.decode()
    assert 'href="/sv/teot/?sector=sosiaali-ja-terveys&amp;sort=title" lang="sv"' in html
    assert 'href="/en/teot/?sector=sosiaali-ja-terveys&amp;sort=title" lang="en"' in html
    assert 'hreflang="sv" href="http' in html


def test_dates_are_in_finnish_format(client, pages, db):
    deed = DeedFactory(title="Päivätty")
    deed.published_at = deed.published_at.replace(year=2024, month=3, day=5, hour=10)
    deed.save()
    html = client.get(deed.get_absolute_url()).content.decode()
    assert ">5.3.2024<" in html


def test_bad_api_parameter_message_follows_lang(client, db):
    finnish = client.get("/api/v1/deeds/", {"page_size": "x"}).json()["error"]
    swedish = client.get("/api/v1/deeds/", {"page_size": "x", "lang": "sv"}).json()["error"]
    english = client.get("/api/v1/deeds/", {"page_size": "x", "lang": "en"}).json()["error"]
    assert len({finnish, swedish, english}) == 3

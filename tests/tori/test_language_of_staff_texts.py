"""Staff-entered texts fall back to Finnish; templates learn which language they show
so that it can be marked with ``lang`` (WCAG 2.1 SC 3.1.2)."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from core.i18n import localized, localized_with_language


@pytest.fixture(autouse=True)
def language_restored():
    """A request leaves its language active in this thread; later tests expect Finnish."""
    with translation.override("fi"):
        yield


def test_fallback_tells_the_language_it_returned():
    names = {"name_fi": "Limingan kunta", "name_sv": "", "name_en": ""}
    assert localized_with_language(names, language="sv") == ("Limingan kunta", "fi")
    assert localized_with_language({**names, "name_sv": "Limingo"}, language="sv") == (
        "Limingo",
        "sv",
    )
    assert localized_with_language({}, language="en") == ("", "")
    # The old helper answers as before.
    assert localized(names, language="en") == "Limingan kunta"


def render(obj, field="name"):
    template = Template("{% load core %}{{ obj|shown_language:field }}")
    return template.render(Context({"obj": obj, "field": field}))


def test_shown_language_follows_the_fallback():
    organisation = SimpleNamespace(name_fi="Porvoon kaupunki", name_sv="Borgå stad", name_en="")
    with translation.override("sv"):
        assert render(organisation) == "sv"
    with translation.override("en"):
        assert render(organisation) == "fi"


def test_a_plain_field_is_finnish_and_its_twins_count():
    # AwardCategory: ``name`` in Finnish and ``name_sv``; Campaign: only ``name``.
    category = SimpleNamespace(name="Vuoden teko", name_sv="Årets gärning")
    campaign = SimpleNamespace(name="Syyskampanja", description="Jaa tekosi")
    with translation.override("sv"):
        assert render(category) == "sv"
        assert render(campaign, "description") == "fi"
    with translation.override("en"):
        assert render(category) == "fi"


def test_staff_texts_on_swedish_and_english_pages_carry_the_language_shown(client, db):
    import datetime as dt

    from recognition.models import Campaign
    from tests.deeds.factories import DeedFactory
    from tests.recognition.factories import gala_with_awards

    Campaign.objects.create(
        name="Syyskampanja",
        slug="syyskampanja",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 9, 30),
    )
    html = client.get("/en/kampanjat/syyskampanja/").content.decode()
    assert '<h1 lang="fi">Syyskampanja</h1>' in html

    gala_with_awards([DeedFactory(title="Kotihoidon aamut")], year=2024)
    swedish = client.get("/sv/palkitut/2024/").content.decode()
    assert 'lang="sv">Årets insats</h2>' in swedish
    english = client.get("/en/palkitut/2024/").content.decode()
    assert 'lang="fi">Vuoden teko</h2>' in english
    assert 'lang="fi"><a href="/en/teot/' in english  # the deed's title, in Finnish

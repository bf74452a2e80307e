"""Counts are grouped the same way on every page: 1 234 (no-break space) in Finnish
and Swedish, 1,234 in English, as Django's locale formats have them."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from catalogue.index import catalogue_changed
from deeds.models import Deed, DeedStatus
from recognition.models import Campaign
from tests.organisations.factories import OrganisationFactory, municipality


@pytest.fixture(autouse=True)
def language_restored():
    """A request leaves its language active in this thread; later tests expect Finnish."""
    with translation.override("fi"):
        yield


NBSP = "\xa0"
COUNT = 1234


@pytest.fixture
def many_deeds(db):
    """More than a thousand published deeds of one organisation, made in one query."""
    liminka = OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425"))
    published = timezone.make_aware(dt.datetime(2021, 9, 2, 12), ZoneInfo("Europe/Helsinki"))
    Deed.objects.bulk_create(
        Deed(
            title=f"Kokeilu {i}",
            slug=f"kokeilu-{i}",
            summary="Lyhyt tiivistelmä.",
            organisation=liminka,
            municipality=liminka.municipality,
            region=liminka.municipality.region,
            status=DeedStatus.PUBLISHED,
            published_at=published,
        )
        for i in range(COUNT)
    )
    catalogue_changed()
    return liminka


def body(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize(
    ("prefix", "shown"), [("", f"1{NBSP}234"), ("/sv", f"1{NBSP}234"), ("/en", "1,234")]
)
def test_counts_over_a_thousand_are_grouped_on_every_page(client, many_deeds, prefix, shown):
    pages = {
        "/": "headline figures",
        "/teot/": "result count and facets",
        "/organisaatiot/": "deed count column",
        "/tilastot/": "headline figures, tables and charts",
        "/tilastot/kartta/": "lead and table",
    }
    for path, what in pages.items():
        html = body(client, prefix + path)
        assert shown in html, f"{prefix}{path}: {what}"
        assert f">{COUNT}<" not in html and f" {COUNT} " not in html, f"{prefix}{path}: {what}"


def test_campaign_figures_are_grouped(client, db):
    Campaign.objects.create(
        name="Syyskampanja",
        slug="syyskampanja",
        starts_on=dt.date(2021, 9, 1),
        ends_on=dt.date(2021, 9, 30),
        target=12000,
    )
    assert f"12{NBSP}000" in body(client, "/kampanjat/syyskampanja/")
    assert "12,000" in body(client, "/en/kampanjat/syyskampanja/")


def test_grouped_counts_still_choose_the_plural_form():
    template = Template(
        "{% load i18n core %}{% blocktranslate count counter=n|thousands %}"
        "{{ counter }} deed{% plural %}{{ counter }} deeds{% endblocktranslate %}"
    )
    with translation.override("fi"):
        assert template.render(Context({"n": 1})) == "1 teko"
        assert template.render(Context({"n": 12345})) == f"12{NBSP}345 tekoa"
    with translation.override("en"):
        assert template.render(Context({"n": 12345})) == "12,345 deeds"


def test_years_and_ids_are_not_grouped():
    # Only what passes through |thousands is grouped: a year or an id stays intact.
    template = Template("{% load core %}{{ year }} {{ n|thousands }} {{ text|thousands }}")
    with translation.override("fi"):
        assert template.render(Context({"year": 2026, "n": 2026, "text": "x"})) == (
            f"2026 2{NBSP}026 x"
        )

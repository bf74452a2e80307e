"""Filtering and facet counts of the published catalogue (deeds/catalogue.py, listing.py)."""

import datetime as dt
import random

import pytest
from django.http import QueryDict
from django.utils import timezone

from catalogue.index import FACETS, get_catalogue
from catalogue.listing import InvalidFilterError, parse_listing
from deeds.models import DeedKind, DeedStatus
from deeds.services import deed_publish, deed_unpublish
from organisations.models import OrganisationType
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory, municipality, region

pytestmark = pytest.mark.django_db


def listing_for(query, **kwargs):
    return parse_listing(QueryDict(query), **kwargs)


def ids_for(query):
    result = listing_for(query).run()
    return set(result.ids())


@pytest.fixture
def varied_deeds():
    """60 deeds spread over organisations, places, tags, kinds and years."""
    rng = random.Random(7)
    organisations = [
        OrganisationFactory(name_fi="Limingan kunta", municipality=municipality("425")),
        OrganisationFactory(name_fi="Kangasalan kaupunki", municipality=municipality("211")),
        OrganisationFactory(name_fi="Varkauden kaupunki", municipality=municipality("915")),
        OrganisationFactory(
            name_fi="Pirkanmaan hyvinvointialue",
            municipality=None,
            region=region("06"),
            type=OrganisationType.WELLBEING_COUNTY,
        ),
    ]
    sectors, themes = list(Sector.objects.all()), list(Theme.objects.all())
    groups = list(CustomerGroup.objects.all())
    deeds = []
    for _ in range(60):
        chosen_themes = rng.sample(themes, rng.randint(1, 3))
        subthemes = [
            s for s in Subtheme.objects.filter(theme__in=chosen_themes) if rng.random() < 0.3
        ]
        deeds.append(
            DeedFactory(
                organisation=rng.choice(organisations),
                kind=rng.choice(DeedKind.values),
                published_at=timezone.make_aware(
                    dt.datetime(rng.choice([2019, 2021, 2024]), rng.randint(1, 12), 15)
                ),
                sectors=rng.sample(sectors, rng.randint(1, 2)),
                themes=chosen_themes,
                subthemes=subthemes,
                customer_groups=rng.sample(groups, rng.randint(1, 2)),
            )
        )
    return deeds


def test_each_facet_count_equals_what_choosing_it_then_lists(varied_deeds):
    for base in ["", "region=06", "kind=project&year=2021", "theme=innovaatiot&theme=luottamus"]:
        listing = listing_for(base)
        result = listing.run()
        for name in FACETS:
            column = listing.catalogue.columns[name]
            for code, count in enumerate(result.counts[name]):
                if not count:
                    continue
                key = column.choices[code].key
                # Choosing the value in its own facet replaces that facet's choices.
                query = QueryDict(base, mutable=True)
                query.setlist(name, [key])
                shown = parse_listing(query).run()
                assert shown.total == count, (base, name, key)


def test_values_of_one_facet_combine_with_or_and_facets_with_and(varied_deeds):
    social, education = "sosiaali-ja-terveys", "kasvatus-ja-opetus"
    either = ids_for(f"sector={social}&sector={education}")
    expected = {
        d.pk for d in varied_deeds if {s.slug for s in d.sectors.all()} & {social, education}
    }
    assert either == expected
    both = ids_for(f"sector={social}&kind=project")
    assert both == {
        d.pk
        for d in varied_deeds
        if social in {s.slug for s in d.sectors.all()} and d.kind == "project"
    }


def test_region_filter_includes_wellbeing_county_deeds_without_municipality(varied_deeds):
    pirkanmaa = {d.pk for d in varied_deeds if d.region and d.region.code == "06"}
    assert {d for d in pirkanmaa if not next(x for x in varied_deeds if x.pk == d).municipality}
    assert ids_for("region=06") == pirkanmaa


def test_year_is_counted_in_finnish_time():
    # 31.12.2020 23:30 UTC is already 1.1.2021 in Helsinki.
    deed = DeedFactory(published_at=dt.datetime(2020, 12, 31, 23, 30, tzinfo=dt.UTC))
    assert ids_for("year=2021") == {deed.pk}
    assert ids_for("year=2020") == set()


def test_only_published_deeds_are_in_the_catalogue():
    shown = DeedFactory()
    for status in DeedStatus.values:
        if status != DeedStatus.PUBLISHED:
            DeedFactory(status=status, published_at=None)
    assert ids_for("") == {shown.pk}


def test_catalogue_follows_publishing_and_unpublishing(staff_user):
    deed = DeedFactory()
    assert get_catalogue().size == 1
    deed_unpublish(deed, actor=staff_user, reason="duplicate")
    assert get_catalogue().size == 0
    deed_publish(deed, actor=staff_user)
    assert get_catalogue().size == 1


def test_catalogue_follows_tag_changes():
    deed = DeedFactory()
    assert ids_for("theme=innovaatiot") == set()
    deed.themes.add(Theme.objects.get(slug="innovaatiot"))
    assert ids_for("theme=innovaatiot") == {deed.pk}


def test_retired_term_still_filters_its_old_deeds():
    theme = Theme.objects.get(slug="rekrytointi")
    deed = DeedFactory(themes=[theme])
    theme.is_active = False
    theme.save()
    assert ids_for("theme=rekrytointi") == {deed.pk}


def test_sort_orders_newest_oldest_and_finnish_alphabet():
    titles = [
        "Ääni kuuluviin",
        "Avoin keittiö",
        "Öinen kotihoito",
        "Zumba töihin",
        "Åbo-kokeilu",
        "Wanha talo",
    ]
    deeds = [DeedFactory(title=t) for t in titles]
    newest = listing_for("").run().ids()
    assert newest == [d.pk for d in reversed(deeds)]
    assert listing_for("sort=oldest").run().ids() == [d.pk for d in deeds]
    by_title = [
        next(d.title for d in deeds if d.pk == pk) for pk in listing_for("sort=title").run().ids()
    ]
    # Finnish order: w sorts as v, and Å, Ä, Ö come after Z.
    assert by_title == [
        "Avoin keittiö",
        "Wanha talo",
        "Zumba töihin",
        "Åbo-kokeilu",
        "Ääni kuuluviin",
        "Öinen kotihoito",
    ]


def test_unknown_values_are_reported_and_left_out_on_pages():
    deed = DeedFactory()
    listing = listing_for("theme=no-such-theme&sort=sideways")
    assert len(listing.problems) == 2
    assert listing.run().ids() == [deed.pk]


@pytest.mark.parametrize(
    "query",
    [
        "theme=no-such-theme",
        "municipality=999",
        "region=99",
        "kind=anything",
        "year=20x1",
        "sort=sideways",
        "organisation=" + "x" * 500,
        "&".join(f"sector=s{i}" for i in range(60)),
    ],
)
def test_strict_parsing_rejects_bad_values(query):
    with pytest.raises(InvalidFilterError):
        listing_for(query, strict=True)


def test_valid_year_without_deeds_gives_nothing_not_an_error():
    DeedFactory()
    listing = listing_for("year=1990", strict=True)
    assert listing.run().total == 0


def test_municipality_and_region_codes_may_omit_leading_zeros():
    deed = DeedFactory(organisation=OrganisationFactory(municipality=municipality("091")))
    assert ids_for("municipality=91") == {deed.pk}
    assert ids_for("region=1") == {deed.pk}


def test_facet_counts_agree_with_plain_database_queries(varied_deeds):
    from deeds.models import Deed

    listing = listing_for("kind=project&region=06")
    result = listing.run()
    published = Deed.objects.published()
    assert result.total == published.filter(kind="project", region__code="06").count()
    sectors = listing.catalogue.columns["sector"]
    for code, count in enumerate(result.counts["sector"]):
        slug = sectors.choices[code].key
        assert (
            count == published.filter(kind="project", region__code="06", sectors__slug=slug).count()
        ), slug
    kinds = listing.catalogue.columns["kind"]
    for code, count in enumerate(result.counts["kind"]):
        kind = kinds.choices[code].key
        assert count == published.filter(kind=kind, region__code="06").count(), kind

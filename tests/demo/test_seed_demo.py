"""``manage.py seed_demo``: the demo data follows the programme's reported distributions.

Seeding is the slow part, so each size is seeded once per class (``small_demo``,
``default_size_demo``) inside a transaction that is rolled back after the class; each
test still runs in its own savepoint, so what one test changes the next does not see.
Tests of the command's options seed for themselves.
"""

import datetime as dt
from collections import Counter
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from audit.models import AuditEntry
from catalogue.index import current_version
from core.collation import finnish_sort_key
from deeds.models import Deed, DeedContact, DeedLink, DeedStatus
from demo.organisations import DEMO_WEBSITE
from demo.places import BIG_CITIES, COUNTIES, EXCLUDED, LEADERS, PLACES, SWEDISH_SHARE
from organisations.models import Municipality, Organisation, OrganisationType
from recognition.awards import Award, Gala, Shortlisting
from recognition.highlights import Highlight
from recognition.models import Campaign, MunicipalityRanking
from taxonomy.models import Subtheme
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

HELSINKI = ZoneInfo("Europe/Helsinki")
SMALL = {"deeds": 300, "organisations": 40}
DEFAULT_SIZE = {"deeds": 1100, "organisations": 140}
pytestmark = pytest.mark.django_db


# The programme services' demos have tests of their own (test_seed_demo_events.py seeds
# the whole command once); here only the deeds, organisations and recognition count.
SERVICES = ["events", "newsletter", "coaching"]


def seed(**options):
    out = StringIO()
    call_command("seed_demo", stdout=out, **{**SMALL, "skip": SERVICES, **options})
    return out.getvalue()


def published():
    return Deed.objects.filter(status=DeedStatus.PUBLISHED)


def by_home_municipality(queryset):
    return Counter(queryset.values_list("organisation__municipality__code", flat=True))


def in_window(first, last):
    """Published deeds per home municipality between two Helsinki dates, inclusive."""
    counts = Counter()
    for code, moment in published().values_list("organisation__municipality__code", "published_at"):
        if first <= moment.astimezone(HELSINKI).date() <= last:
            counts[code] += 1
    return counts


def tag_counts(attr, field):
    through = getattr(Deed, attr).through.objects
    return dict(through.values_list(f"{field}__slug").annotate(n=Count("id")))


def seeded_once(django_db_blocker, **options):
    """Seed in a transaction of its own, yield the command's output, roll it all back."""
    with django_db_blocker.unblock(), transaction.atomic():
        before = current_version()
        yield {"output": seed(**options), "catalogue_before": before}
        transaction.set_rollback(True)


@pytest.fixture(scope="class")
def small_demo(django_db_setup, django_db_blocker):
    yield from seeded_once(django_db_blocker)


@pytest.fixture(scope="class")
def default_size_demo(django_db_setup, django_db_blocker):
    yield from seeded_once(django_db_blocker, **DEFAULT_SIZE)


@pytest.mark.usefixtures("small_demo")
class TestSmallDemo:
    """300 deeds from 40 organisations, seeded once for the class."""

    def test_creates_the_requested_numbers_and_reports_them(self, small_demo):
        output = small_demo["output"]
        assert Deed.objects.count() == 300
        assert Organisation.objects.filter(website__startswith=DEMO_WEBSITE).count() == 40
        assert "300 deeds" in output and "40 organisations" in output

    def test_about_four_per_cent_are_unpublished_and_only_published_ones_have_dates(self):
        unpublished = Deed.objects.exclude(status=DeedStatus.PUBLISHED)
        assert 8 <= unpublished.count() <= 16
        assert set(unpublished.values_list("status", flat=True)) <= {
            "in_review",
            "returned",
            "rejected",
            "draft",
        }
        assert not unpublished.filter(published_at__isnull=False).exists()
        assert not published().filter(published_at__isnull=True).exists()

    def test_dates_run_from_2015_to_november_2026_and_never_into_the_future(self):
        moments = [
            m.astimezone(HELSINKI).date()
            for m in published().values_list("published_at", flat=True)
        ]
        assert min(moments) >= dt.date(2015, 1, 1)
        assert max(moments) <= dt.date(2026, 11, 20)
        assert not published().filter(published_at__gt=timezone.now()).exists()

    def test_campaign_order_is_kept_in_a_smaller_demo(self):
        september_2021 = in_window(dt.date(2021, 9, 1), dt.date(2021, 9, 30))
        liminka, kangasala, lempaala = (september_2021.pop(c) for c in ("425", "211", "418"))
        assert liminka > kangasala > lempaala > max(september_2021.values(), default=0)
        autumn_2022 = in_window(dt.date(2022, 9, 1), dt.date(2022, 10, 31))
        assert autumn_2022.pop("425") > 2 * max(autumn_2022.values(), default=0)

    def test_leading_municipalities_in_order_and_big_cities_few(self):
        check_leading_municipalities(SMALL)

    def test_nothing_from_eastern_lapland(self):
        assert not Organisation.objects.filter(municipality__code__in=EXCLUDED).exists()
        assert not Deed.objects.filter(municipality__code__in=EXCLUDED).exists()
        assert not Deed.objects.filter(partners__municipality__code__in=EXCLUDED).exists()

    def test_care_and_education_lead_the_sectors(self):
        counts = tag_counts("sectors", "sector")
        care, education = counts.pop("sosiaali-ja-terveys"), counts.pop("kasvatus-ja-opetus")
        assert care > education > max(counts.values())
        for few in (
            "siivous-ja-ruokapalvelut",
            "liikenne-ja-logistiikka",
            "asuminen-ja-kiinteistot",
        ):
            assert counts.get(few, 0) < education / 4

    def test_innovation_is_the_most_common_theme_then_trust_competence_wellbeing(self):
        counts = tag_counts("themes", "theme")
        leading = [
            counts.pop(s) for s in ("innovaatiot", "luottamus", "osaaminen", "tyohyvinvointi")
        ]
        assert leading == sorted(leading, reverse=True) and len(set(leading)) == 4
        assert leading[-1] > max(counts.values())

    def test_tags_per_deed_and_subthemes_belong_to_the_chosen_themes(self):
        theme_of = dict(Subtheme.objects.values_list("pk", "theme_id"))
        for deed in Deed.objects.prefetch_related(
            "sectors", "themes", "subthemes", "customer_groups"
        ):
            themes = {t.pk for t in deed.themes.all()}
            assert 1 <= len(deed.sectors.all()) <= 2
            assert 1 <= len(themes) <= 3
            assert len(deed.subthemes.all()) <= 2
            assert 1 <= len(deed.customer_groups.all()) <= 2
            assert all(theme_of[s.pk] in themes for s in deed.subthemes.all())

    def test_organisations_are_named_properly(self):
        names = set(Organisation.objects.values_list("name_fi", flat=True))
        assert {
            "Limingan kunta",
            "Kangasalan kaupunki",
            "Hämeenkyrön kunta",
            "Varkauden kaupunki",
        } <= names
        assert (
            Organisation.objects.get(municipality__code="638", type="municipality").name_sv
            == "Borgå stad"
        )
        county = Organisation.objects.get(name_fi="Pirkanmaan hyvinvointialue")
        assert county.type == OrganisationType.WELLBEING_COUNTY
        assert county.municipality_id is None and county.region.code == "06"
        types = Counter(Organisation.objects.values_list("type", flat=True))
        assert types[OrganisationType.MUNICIPALITY] > len(Organisation.objects.all()) / 2
        assert all(types[t] for t in OrganisationType.values)

    def test_derived_fields_are_set_as_save_would(self):
        for deed in Deed.objects.select_related("organisation", "municipality"):
            assert deed.slug and deed.title_sort_key == finnish_sort_key(deed.title)
            assert deed.municipality_id == deed.organisation.municipality_id
            if deed.municipality_id:
                assert deed.region_id == deed.municipality.region_id
            else:
                assert deed.region_id == deed.organisation.region_id

    def test_text_reads_like_stories(self):
        deeds = list(Deed.objects.all())
        assert all(len(d.title) <= 200 and len(d.summary) <= 800 for d in deeds)
        assert all(
            d.background and d.description and d.implementation and d.results and d.tips
            for d in deeds
        )
        assert len({d.title for d in deeds}) >= 0.9 * len(deeds)
        text = "\n".join(
            f"{d.title}\n{d.summary}\n{d.description}\n{d.results}\n{d.implementation}"
            for d in deeds
        )
        assert "\n\n" in text and "\n- " in text
        assert "prosenttia" in text and "Limingassa" in text
        places = {PLACES[code].loc for code in LEADERS} | {PLACES[code].gen for code in LEADERS}
        assert sum(place in text for place in places) >= 5

    def test_same_seed_gives_the_same_data_and_another_seed_other_data(self):
        def snapshot():
            return list(
                Deed.objects.order_by("published_at", "title", "summary").values_list(
                    "title", "summary", "results", "published_at", "organisation__name_fi", "status"
                )
            )

        first = snapshot()  # the class's demo: seed() with the default seed
        seed(clear=True)
        assert snapshot() == first
        seed(clear=True, seed=7)
        assert snapshot() != first

    def test_tells_the_catalogue_that_everything_changed(self, small_demo):
        assert current_version() != small_demo["catalogue_before"]

    def test_seeding_leaves_the_query_planner_statistics_fresh(self):
        from django.db import connection

        with connection.cursor() as cursor:
            # Both are transactional, so the class's own (rolled back) ANALYZE is visible.
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT count(*) FROM pg_stats WHERE tablename = 'deeds_deed_themes'"
                )
            else:
                cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'deeds_deed_themes'")
            assert cursor.fetchone()[0] > 0

    def test_galas_and_results_are_decided_through_the_recognition_services(self):
        # Every step a jury or staff member takes leaves its audit entry, as in the admin.
        actions = Counter(AuditEntry.objects.values_list("action", flat=True))
        assert actions["gala.shortlisted"] == Shortlisting.objects.count() > 0
        assert actions["award.decided"] == Award.objects.count() > 0
        assert actions["mention.added"] > 0 and actions["gala.category_added"] > 0
        assert actions["ranking.frozen"] == actions["ranking.published"] == 2
        # This year's gala is scheduled through the service for its start, under embargo.
        this_year = Gala.objects.get(year=timezone.localdate().year)
        assert actions["gala.scheduled"] == 1
        assert not this_year.results_are_public()
        assert this_year.results_public_at.astimezone(HELSINKI).time() == dt.time(18)
        # The sector categories keep their sector; the Swedish text names the winner.
        assert all(c.sector_id for c in this_year.categories.filter(kind="sector"))
        for ranking in MunicipalityRanking.objects.all():
            assert ranking.winners[0]["municipality"] in ranking.text_sv

    def test_campaigns_galas_and_highlights_are_seeded_through_the_recognition_services(self):
        actions = Counter(AuditEntry.objects.values_list("action", flat=True))
        assert actions["campaign.created"] == Campaign.objects.count() == 5
        assert actions["gala.created"] == Gala.objects.count() > 0
        assert actions["highlight.scheduled"] == Highlight.objects.count() > 0
        # The services' rules hold for what the demo shows: only published deeds.
        assert not Highlight.objects.exclude(deed__status=DeedStatus.PUBLISHED).exists()


@pytest.mark.usefixtures("default_size_demo")
class TestDefaultSizeDemo:
    """1,100 deeds from 140 organisations (the default size), seeded once for the class."""

    def test_deeds_grow_over_the_years_and_peak_in_september(self):
        by_year, by_month = Counter(), Counter()
        for moment in published().values_list("published_at", flat=True):
            local = moment.astimezone(HELSINKI)
            by_year[local.year] += 1
            by_month[local.year, local.month] += 1
        assert by_year[2015] < by_year[2018] < by_year[2020] < by_year[2021]
        for year in range(2021, 2026):
            assert 170 <= by_year[year] <= 210, year
        for year, count in by_year.items():
            if count >= 20:
                september = by_month[year, 9]
                assert all(september > by_month[year, m] for m in range(1, 13) if m != 9), year

    def test_campaign_history_is_exact_at_the_default_size(self, client):
        # The most inventive municipality reproduces the programme's 2021 and 2022 results.
        answer = client.get("/api/v1/rankings/municipalities?start=2021-09-01&end=2021-09-30")
        assert [(r["municipality"], r["count"]) for r in answer.json()[:3]] == [
            ("Liminka", 30),
            ("Kangasala", 20),
            ("Lempäälä", 11),
        ]
        published = client.get("/kekseliain-kunta/").context["results"]
        assert [(r.year, r.winners[0]["municipality"]) for r in published] == [
            (2022, "Liminka"),
            (2021, "Liminka"),
        ]
        september_2021 = in_window(dt.date(2021, 9, 1), dt.date(2021, 9, 30))
        assert september_2021.pop("425") == 30
        assert september_2021.pop("211") == 20
        assert september_2021.pop("418") == 11
        assert max(september_2021.values()) < 11
        autumn_2022 = in_window(dt.date(2022, 9, 1), dt.date(2022, 10, 31))
        assert autumn_2022.pop("425") == 68
        assert max(autumn_2022.values()) <= 34

    def test_leading_municipalities_in_order_and_big_cities_few(self):
        check_leading_municipalities(DEFAULT_SIZE)

    def test_kinds_and_project_details(self):
        kinds = Counter(Deed.objects.values_list("kind", flat=True))
        assert kinds == {"improvement": 660, "project": 275, "experiment": 165}
        assert not Deed.objects.exclude(kind="project").exclude(funding="").exists()
        projects = Deed.objects.filter(kind="project")
        assert not projects.filter(funding="").exists()
        assert not projects.filter(funding__in=["external", "both"], funder="").exists()
        assert not projects.filter(funding="own").exclude(funder="").exists()
        for start, end in projects.values_list("project_start", "project_end"):
            assert start < end

    def test_swedish_deeds_come_mainly_from_swedish_speaking_places(self):
        swedish = Deed.objects.filter(language="sv")
        assert 60 <= swedish.count() <= 90
        from_places = swedish.filter(
            organisation__municipality__code__in=list(SWEDISH_SHARE)
        ).count()
        from_counties = swedish.filter(organisation__type=OrganisationType.WELLBEING_COUNTY).count()
        assert from_places + from_counties >= 0.9 * swedish.count()
        texts = " ".join(swedish.values_list("summary", flat=True))
        assert " vi " in f" {texts.lower()} " or " och " in texts

    def test_partners_links_and_contacts_are_fictional(self):
        total = Deed.objects.count()
        with_partners = Deed.objects.filter(partners__isnull=False).distinct().count()
        with_links = Deed.objects.filter(links__isnull=False).distinct().count()
        assert 0.10 * total <= with_partners <= 0.20 * total
        assert 0.25 * total <= with_links <= 0.35 * total
        for url in DeedLink.objects.values_list("url", flat=True):
            assert url.startswith(("https://example.com/", "https://www.example.fi/"))
        assert all(
            e.endswith("@example.com") for e in DeedContact.objects.values_list("email", flat=True)
        )
        per_deed = Counter(DeedContact.objects.values_list("deed_id", flat=True))
        assert len(per_deed) == total and set(per_deed.values()) <= {1, 2}
        consent = (
            DeedContact.objects.filter(publish_consent=True).count() / DeedContact.objects.count()
        )
        assert 0.55 <= consent <= 0.75


def check_leading_municipalities(size):
    counts = by_home_municipality(published())
    leaders = [counts.pop(code) for code in LEADERS]
    assert leaders == sorted(leaders, reverse=True) and len(set(leaders)) == 5
    counts.pop(None, None)  # wellbeing services counties have no municipality
    assert leaders[-1] > max(counts.values())
    assert all(counts[code] <= 5 for code in BIG_CITIES)
    if size["deeds"] == 1100:
        assert 90 <= leaders[0] <= 115


# The command's options: each test seeds (or fails to) on its own.


def test_nothing_is_dated_after_now_even_when_now_is_earlier():
    with time_machine.travel(dt.datetime(2024, 3, 15, 12, tzinfo=dt.UTC), tick=False):
        seed()
        assert not published().filter(published_at__gt=timezone.now()).exists()


def test_refuses_to_seed_twice_without_clear():
    DeedFactory()
    with pytest.raises(CommandError, match="--clear"):
        seed()
    assert Deed.objects.count() == 1


def test_clear_replaces_deeds_and_demo_organisations_only():
    own = OrganisationFactory(name_fi="Testilän kunta")
    DeedFactory(organisation=own)
    output = seed(clear=True)
    assert "Deleted 1 deeds" in output
    seed(clear=True)
    assert Deed.objects.count() == 300
    assert Organisation.objects.filter(website__startswith=DEMO_WEBSITE).count() == 40
    assert Organisation.objects.filter(pk=own.pk).exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"deeds": 0}, "--deeds must be at least 1"),
        ({"deeds": -5}, "--deeds must be at least 1"),
        ({"organisations": 4}, "--organisations must be at least 5"),
        ({"organisations": 100_000}, "--organisations can be at most"),
    ],
)
def test_bad_sizes_give_a_clear_error(options, message):
    with pytest.raises(CommandError, match=message):
        seed(**options)
    assert not Deed.objects.exists()


def test_the_smallest_sizes_work():
    seed(deeds=1, organisations=5)
    assert Deed.objects.count() == 1
    assert Organisation.objects.count() == 5


def test_skipped_services_are_left_out():
    from events.models import Event
    from newsletter.models import Subscriber

    output = seed(deeds=1, organisations=5, skip=["newsletter", "coaching"])
    assert "events" in output and "newsletter" not in output and "coaching" not in output
    assert Event.objects.exists() and not Subscriber.objects.exists()


def test_place_forms_are_finnish():
    """Every genitive and locative the demo uses, checked with the Voikko analyser."""
    voikko = pytest.importorskip("pyvoikko")
    names = dict(Municipality.objects.values_list("code", "name_fi"))

    def base(form, cases):
        return {
            a.BASEFORM.replace("=", "").replace("--", "-").lower()
            for a in voikko.analyse(form.lower())
            if a.SIJAMUOTO in cases
        }

    for code, place in PLACES.items():
        assert names[code].lower() in base(place.gen, {"omanto"}), place.gen
        assert names[code].lower() in base(place.loc, {"sisaolento", "ulkoolento"}), place.loc
    for county in COUNTIES:
        for word in county.gen.split(" ja "):
            assert base(word, {"omanto"}), word

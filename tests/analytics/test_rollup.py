"""Daily totals equal what the raw hits say, however often they are rolled up, and raw
data goes after ANALYTICS_RAW_DAYS."""

import datetime as dt
import random
from collections import Counter, defaultdict

import pytest
from django.core.management import call_command

from analytics.models import (
    DailySalt,
    DeedDay,
    Hit,
    PageDay,
    ReferrerDay,
    SearchDay,
    SearchHit,
    SiteDay,
)
from analytics.services import analytics_prune, analytics_rollup
from tests.analytics.conftest import visitor
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db
HELSINKI = dt.timezone(dt.timedelta(hours=2))
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 15, tzinfo=HELSINKI))


def random_raw_data(days, per_day=120, seed=7):
    rng = random.Random(seed)
    deeds = [DeedFactory() for _ in range(4)]
    hits, searches = [], []
    for day in days:
        for _ in range(per_day):
            deed = rng.choice([None, *deeds])
            path = deed.get_absolute_url() if deed else rng.choice(["/", "/teot/", "/sv/"])
            hits.append(
                Hit(
                    day=day,
                    path=path,
                    deed=deed,
                    visitor=f"{rng.randrange(40):016x}",
                    referrer_host=rng.choice(["", "", "kunta.fi", "duckduckgo.com"]),
                )
            )
        for _ in range(per_day // 4):
            query = rng.choice(["kotihoito", "etätyö", "xyz"])
            results = 0 if query == "xyz" else rng.choice([0, 3, 12])
            searches.append(SearchHit(day=day, query=query, results=results))
    Hit.objects.bulk_create(hits)
    SearchHit.objects.bulk_create(searches)
    return hits, searches


def expected_totals(hits, searches):
    """The figures computed in Python, independently of the database's grouping."""
    views, visitors = Counter(), defaultdict(set)
    for hit in hits:
        for key in (
            [("site", hit.day), ("page", hit.day, hit.path)]
            + ([("deed", hit.day, hit.deed_id)] if hit.deed_id else [])
            + ([("referrer", hit.day, hit.referrer_host)] if hit.referrer_host else [])
        ):
            views[key] += 1
            visitors[key].add(hit.visitor)
    search_counts, zero = Counter(), Counter()
    for search in searches:
        search_counts[(search.day, search.query)] += 1
        zero[(search.day, search.query)] += search.results == 0
    return {
        "views": dict(views),
        "visitors": {key: len(value) for key, value in visitors.items()},
        "searches": dict(search_counts),
        "zero": dict(zero),
    }


def rolled_up_totals():
    views, visitors = {}, {}
    rows = [(("site", r.day), r) for r in SiteDay.objects.filter(views__gt=0)] + [
        (("page", r.day, r.path), r) for r in PageDay.objects.all()
    ]
    rows += [(("deed", r.day, r.deed_id), r) for r in DeedDay.objects.all()]
    rows += [(("referrer", r.day, r.host), r) for r in ReferrerDay.objects.all()]
    for key, row in rows:
        views[key], visitors[key] = row.views, row.visitors
    searches = SearchDay.objects.all()
    return {
        "views": views,
        "visitors": visitors,
        "searches": {(r.day, r.query): r.searches for r in searches},
        "zero": {(r.day, r.query): r.zero_results for r in searches},
    }


def test_every_rollup_equals_the_raw_hits(now):
    hits, searches = random_raw_data([TODAY - dt.timedelta(days=n) for n in range(3)])
    assert analytics_rollup() == [TODAY - dt.timedelta(days=n) for n in (2, 1, 0)]
    assert rolled_up_totals() == expected_totals(hits, searches)
    assert SiteDay.objects.get(day=TODAY).views == 120


def test_rolling_up_again_changes_nothing_and_new_hits_are_not_counted_twice(now):
    hits, searches = random_raw_data([TODAY])
    analytics_rollup()
    first = rolled_up_totals()
    analytics_rollup()
    analytics_rollup([TODAY])
    assert rolled_up_totals() == first
    more, more_searches = random_raw_data([TODAY], per_day=10, seed=8)
    analytics_rollup()
    assert rolled_up_totals() == expected_totals(hits + more, searches + more_searches)


def test_page_views_through_the_site_roll_up_per_page_and_deed(client, now):
    deed = DeedFactory()
    client.get(deed.get_absolute_url(), **visitor())
    client.get(deed.get_absolute_url(), **visitor())
    client.get(deed.get_absolute_url(), **visitor(address="198.51.100.9"))
    client.get("/", **visitor(Referer="https://www.kunta.fi/"))
    call_command("rollup_analytics", verbosity=0)
    assert (SiteDay.objects.get().views, SiteDay.objects.get().visitors) == (4, 2)
    assert (DeedDay.objects.get(deed=deed).views, DeedDay.objects.get().visitors) == (3, 2)
    assert PageDay.objects.get(path="/").views == 1
    assert ReferrerDay.objects.get().host == "kunta.fi"


def test_a_day_is_settled_once_rolled_up_after_it_ended(time_machine):
    yesterday = TODAY - dt.timedelta(days=1)
    random_raw_data([yesterday, TODAY], per_day=5)
    time_machine.move_to(dt.datetime(2026, 11, 23, 0, 5, tzinfo=HELSINKI))
    assert analytics_rollup() == [yesterday, TODAY]  # 00:05: yesterday may still get hits
    time_machine.move_to(dt.datetime(2026, 11, 23, 1, 0, tzinfo=HELSINKI))
    assert analytics_rollup() == [yesterday, TODAY]
    time_machine.move_to(dt.datetime(2026, 11, 23, 2, 0, tzinfo=HELSINKI))
    assert analytics_rollup() == [TODAY]


def test_the_command_recomputes_a_settled_day_when_asked(now, capsys):
    day = TODAY - dt.timedelta(days=3)
    random_raw_data([day], per_day=6)
    analytics_rollup()
    SiteDay.objects.filter(day=day).update(views=999)
    call_command("rollup_analytics")
    assert SiteDay.objects.get(day=day).views == 999  # settled: left alone
    call_command("rollup_analytics", day=[day.isoformat()])
    assert SiteDay.objects.get(day=day).views == 6
    assert "Rolled up 1 day(s)" in capsys.readouterr().out


def test_days_without_visits_are_rolled_up_as_zero(now):
    random_raw_data([TODAY - dt.timedelta(days=2)], per_day=3)
    analytics_rollup()
    assert SiteDay.objects.get(day=TODAY - dt.timedelta(days=1)).views == 0


def test_raw_data_older_than_the_setting_is_deleted_and_its_totals_kept(settings, now):
    settings.ANALYTICS_RAW_DAYS = 30
    old, kept = TODAY - dt.timedelta(days=31), TODAY - dt.timedelta(days=30)
    hits, searches = random_raw_data([old, kept], per_day=8)
    # Never rolled up before: pruning rolls the old day up first so nothing is lost.
    raw, _salts = analytics_prune()
    assert raw == 8 + 2
    assert set(Hit.objects.values_list("day", flat=True)) == {kept}
    assert set(SearchHit.objects.values_list("day", flat=True)) == {kept}
    assert SiteDay.objects.get(day=old).views == 8
    assert SearchDay.objects.filter(day=old).exists()


def test_the_command_deletes_old_raw_hits_and_past_days_salts(client, settings, time_machine):
    settings.ANALYTICS_RAW_DAYS = 2
    time_machine.move_to(dt.datetime(2026, 11, 20, 12, tzinfo=HELSINKI))
    client.get("/", **visitor())
    DailySalt.objects.create(day=dt.date(2026, 11, 19), salt="a" * 64)  # left by a crash
    time_machine.move_to(dt.datetime(2026, 11, 23, 12, tzinfo=HELSINKI))
    DailySalt.objects.create(day=TODAY, salt="b" * 64)
    call_command("rollup_analytics", verbosity=0)
    assert not Hit.objects.exists()
    assert list(DailySalt.objects.values_list("day", flat=True)) == [TODAY]
    assert SiteDay.objects.get(day=dt.date(2026, 11, 20)).views == 1


def test_a_bad_day_argument_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("rollup_analytics", day=["23.11.2026"])

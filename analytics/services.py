"""Recording hits, rolling them up into daily totals, and deleting what is no longer needed.

Recording is one INSERT per counted page view (a second one when it showed a search)
and never reads or updates a counter, so any number of app processes can record at
once without locks or lost updates; all counting happens afterwards in
``analytics_rollup``, which recomputes a day from its raw rows and is therefore exact
and safe to repeat.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F, Min, Q, Sum
from django.utils import timezone

from .models import (
    DailySalt,
    DeedDay,
    Hit,
    PageDay,
    ReferrerDay,
    SearchDay,
    SearchHit,
    SearchSource,
    SiteDay,
)

# A day counts as settled once rolled up this long after it ended, so that a request
# that began just before midnight has had time to write its hit.
SETTLE_AFTER = timedelta(minutes=10)
BATCH = 500

HIT_FIELDS = ["day", "path", "deed_id", "visitor", "referrer_host"]
# On PostgreSQL a page view does not wait for the disk: the INSERT commits with
# synchronous_commit off, for this one statement only (set_config(..., true) lasts until
# the end of its own transaction). A database crash can lose the last fraction of a
# second of page views; waiting for a disk flush on every page view could cost more than
# the 2 ms the whole recording may take. Only used outside any transaction, so that no
# one else's commit becomes asynchronous.
ASYNC_INSERT = f"""
    WITH async AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO "{Hit._meta.db_table}" ({", ".join(f'"{name}"' for name in HIT_FIELDS)})
    SELECT %s, %s, %s, %s, %s FROM async
"""

# Each process remembers today's key: one query per process and day, not per request.
_key = (None, b"")


def forget_salt():
    """Drop the process's remembered key (tests, or after salts were deleted by hand)."""
    global _key
    _key = (None, b"")


def daily_key(day):
    """The HMAC key of ``day``'s visitor hashes, shared by every process through the
    database. The first process to need it creates the salt and deletes older ones, so
    yesterday's hashes become unlinkable at midnight even if no rollup runs."""
    global _key
    cached_day, key = _key
    if cached_day == day:
        return key
    row, created = DailySalt.objects.get_or_create(
        day=day, defaults={"salt": secrets.token_hex(32)}
    )
    if created:
        DailySalt.objects.filter(day__lt=day).delete()
    # The secret key is mixed in so that a copy of the database alone (salt included)
    # is not enough to test guessed addresses against today's hashes.
    key = hashlib.sha256(f"{settings.SECRET_KEY}\n{row.salt}".encode()).digest()
    _key = (day, key)
    return key


def visitor_hash(day, address, user_agent):
    message = f"{address}\n{user_agent}".encode()
    return hmac.new(daily_key(day), message, hashlib.sha256).hexdigest()[:16]


def hit_record(*, address, user_agent, path, deed_id=None, referrer_host="", search=None):
    """Count one page view (and, with ``search=(query, results[, source])``, one search).

    The address and browser are used only to compute the day's hash, never stored.
    """
    day = timezone.localdate()
    values = [day, path, deed_id, visitor_hash(day, address, user_agent), referrer_host]
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(ASYNC_INSERT, values)
    else:
        Hit.objects.create(**dict(zip(HIT_FIELDS, values, strict=True)))
    if search:
        search_record(*search)


def search_record(query, results, source=SearchSource.SITE):
    """Count one submitted search: its normalised words, how many it found and where it
    was typed. Nothing about who searched."""
    SearchHit.objects.create(day=timezone.localdate(), query=query, results=results, source=source)


def _day_end(day):
    midnight = datetime.combine(day + timedelta(days=1), time.min)
    return timezone.make_aware(midnight)


def days_to_roll_up(now=None):
    """Days that still have raw hits and have not been rolled up since they ended."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    first = min(
        filter(
            None,
            [
                Hit.objects.aggregate(first=Min("day"))["first"],
                SearchHit.objects.aggregate(first=Min("day"))["first"],
            ],
        ),
        default=None,
    )
    if first is None:
        return []
    settled = {
        day
        for day, rolled_up_at in SiteDay.objects.filter(day__gte=first).values_list(
            "day", "rolled_up_at"
        )
        if rolled_up_at and rolled_up_at >= _day_end(day) + SETTLE_AFTER
    }
    days = [first + timedelta(days=n) for n in range((today - first).days + 1)]
    return [day for day in days if day not in settled]


def analytics_rollup(days=None, *, now=None):
    """Recompute the daily totals of ``days`` (default: every unsettled day) from the
    raw hits. Returns the days done. Repeating it gives the same totals."""
    now = now or timezone.now()
    days = days_to_roll_up(now) if days is None else sorted(set(days))
    for day in days:
        _rollup_day(day, now)
    return days


def _rollup_day(day, now):
    with transaction.atomic():
        # The day's row is the lock: two rollups of one day run one after the other.
        site, _ = SiteDay.objects.select_for_update().get_or_create(day=day)
        hits = Hit.objects.on(day)
        figures = hits.figures()
        site.views, site.visitors, site.rolled_up_at = figures["views"], figures["visitors"], now
        site.save()
        for model in (PageDay, DeedDay, ReferrerDay, SearchDay):
            model.objects.filter(day=day).delete()
        PageDay.objects.bulk_create(
            (PageDay(day=day, **row) for row in hits.grouped("path")), batch_size=BATCH
        )
        DeedDay.objects.bulk_create(
            (DeedDay(day=day, **row) for row in hits.filter(deed__isnull=False).grouped("deed_id")),
            batch_size=BATCH,
        )
        ReferrerDay.objects.bulk_create(
            (
                ReferrerDay(day=day, host=row.pop("referrer_host"), **row)
                for row in hits.exclude(referrer_host="").grouped("referrer_host")
            ),
            batch_size=BATCH,
        )
        searches = (
            SearchHit.objects.filter(day=day)
            .values("query", "source")
            .annotate(searches=Count("id"), zero_results=Count("id", filter=Q(results=0)))
            .order_by()
        )
        SearchDay.objects.bulk_create(
            (SearchDay(day=day, **row) for row in searches), batch_size=BATCH
        )


# Search words searched fewer times than this in all are not kept past the raw period:
# a name or other personal detail typed into the search box once or twice is exactly
# what this drops, while the topics many people look for stay in the statistics.
RARE_SEARCH_BELOW = 3
OTHER_SEARCHES = ""  # the day's row for the rare searches' counts, without their words


@transaction.atomic
def rare_searches_forget(cutoff=None):
    """Fold the daily totals of rare searches older than ``cutoff`` into each day's
    "other searches" row (query ""), so the day's counts stay right and the words go.
    Returns the number of rows folded."""
    if cutoff is None:
        cutoff = timezone.localdate() - timedelta(days=settings.ANALYTICS_RAW_DAYS)
    rare = (
        SearchDay.objects.exclude(query=OTHER_SEARCHES)
        .values("query")
        .annotate(total=Sum("searches"))
        .filter(total__lt=RARE_SEARCH_BELOW)
        .values("query")
    )
    old = SearchDay.objects.filter(day__lt=cutoff, query__in=rare)
    folded = old.values("day", "source").annotate(n=Sum("searches"), z=Sum("zero_results"))
    for row in folded:
        other, _created = SearchDay.objects.get_or_create(
            day=row["day"], query=OTHER_SEARCHES, source=row["source"]
        )
        SearchDay.objects.filter(pk=other.pk).update(
            searches=F("searches") + row["n"], zero_results=F("zero_results") + row["z"]
        )
    return old.delete()[0]


def analytics_prune(*, now=None):
    """Delete raw hits and searches older than ANALYTICS_RAW_DAYS days and every salt
    of a past day. Days about to go are rolled up first, so no figure is lost.
    Returns (raw rows deleted, salts deleted)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cutoff = today - timedelta(days=settings.ANALYTICS_RAW_DAYS)
    analytics_rollup([day for day in days_to_roll_up(now) if day < cutoff], now=now)
    hits = Hit.objects.filter(day__lt=cutoff).delete()[0]
    searches = SearchHit.objects.filter(day__lt=cutoff).delete()[0]
    salts = DailySalt.objects.filter(day__lt=today).delete()[0]
    return hits + searches, salts

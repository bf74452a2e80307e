"""Counting visitors stores no address, browser or cookie, and nothing that links days."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from analytics.models import DailySalt, Hit, SearchHit
from analytics.services import forget_salt
from tests.analytics.conftest import ADDRESS, visitor
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db
HELSINKI = dt.timezone(dt.timedelta(hours=2))


def every_stored_value():
    """Every value of every table in the database, as text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            values.extend(str(value) for row in cursor.fetchall() for value in row)
    return values


def test_no_address_or_browser_is_stored_anywhere_in_the_database(client):
    deed = DeedFactory()
    for path in ["/", deed.get_absolute_url(), "/teot/?q=kokeilu", "/organisaatiot/"]:
        client.get(path, **visitor(Referer="https://kunta.fi/sivu"))
    call_command("rollup_analytics", verbosity=0)
    assert Hit.objects.count() == 4
    stored = every_stored_value()
    assert not [value for value in stored if ADDRESS in value]
    assert not [value for value in stored if "Firefox" in value or "Gecko" in value]
    assert not [value for value in stored if "kunta.fi/sivu" in value]
    hit_columns = {field.column for field in Hit._meta.get_fields() if hasattr(field, "column")}
    assert hit_columns == {"id", "day", "path", "deed_id", "visitor", "referrer_host"}
    search_columns = {f.column for f in SearchHit._meta.get_fields() if hasattr(f, "column")}
    # Where a search was typed (header box, list, API) says nothing about who typed it.
    assert search_columns == {"id", "day", "query", "results", "source"}


def test_public_pages_set_no_cookies_while_counting(client):
    deed = DeedFactory()
    for path in ["/", "/teot/", "/teot/?q=kokeilu", deed.get_absolute_url(), "/sv/teot/"]:
        response = client.get(path, **visitor())
        assert response.status_code == 200
        assert not response.cookies, path
        assert "Set-Cookie" not in response.headers, path
    assert Hit.objects.count() == 5


def test_the_same_visitor_gets_an_unrelated_hash_the_next_day(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 12, tzinfo=HELSINKI))
    client.get("/", **visitor())
    client.get("/teot/", **visitor())
    time_machine.move_to(dt.datetime(2026, 11, 24, 0, 0, 1, tzinfo=HELSINKI))
    client.get("/", **visitor())
    first, again, next_day = Hit.objects.order_by("id")
    assert first.visitor == again.visitor
    assert next_day.visitor != first.visitor
    assert (first.day, next_day.day) == (dt.date(2026, 11, 23), dt.date(2026, 11, 24))


def test_a_past_days_salt_is_deleted_by_the_first_visit_of_a_new_day(client, time_machine):
    """So yesterday's hashes cannot be recomputed even if the nightly rollup never runs."""
    time_machine.move_to(dt.datetime(2026, 11, 23, 23, 59, tzinfo=HELSINKI))
    client.get("/", **visitor())
    assert list(DailySalt.objects.values_list("day", flat=True)) == [dt.date(2026, 11, 23)]
    time_machine.move_to(dt.datetime(2026, 11, 24, 0, 1, tzinfo=HELSINKI))
    client.get("/", **visitor())
    assert list(DailySalt.objects.values_list("day", flat=True)) == [dt.date(2026, 11, 24)]


def test_the_day_follows_finnish_time_not_utc(client, time_machine):
    # 23:30 UTC on 23 November is already 24 November in Helsinki.
    time_machine.move_to(dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC))
    client.get("/", **visitor())
    assert Hit.objects.get().day == dt.date(2026, 11, 24)


def test_the_hash_is_keyed_by_the_days_salt(client):
    """Without the salt (deleted when the day ends) the hash cannot be recomputed."""
    client.get("/", **visitor())
    first = Hit.objects.get().visitor
    DailySalt.objects.update(salt="0" * 64)
    forget_salt()
    client.get("/", **visitor())
    assert Hit.objects.order_by("-id").first().visitor != first

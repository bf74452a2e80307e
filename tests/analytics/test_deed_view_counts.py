"""The read function for organisation editors' pages: views of their own deeds."""

import datetime as dt

import pytest

from analytics.models import DeedDay
from tests.analytics.conftest import visitor
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


def test_views_are_summed_per_deed_and_unviewed_deeds_are_left_out(django_assert_num_queries):
    viewed, also, never = DeedFactory(), DeedFactory(), DeedFactory()
    other_organisations = DeedFactory()
    for n, views in enumerate([3, 4, 5]):
        DeedDay.objects.create(day=dt.date(2026, 11, 20 + n), deed=viewed, views=views, visitors=1)
    DeedDay.objects.create(day=dt.date(2026, 11, 21), deed=also, views=2, visitors=2)
    DeedDay.objects.create(day=dt.date(2026, 11, 21), deed=other_organisations, views=9, visitors=9)
    with django_assert_num_queries(1):
        counts = DeedDay.objects.views_by_deed([viewed.pk, also.pk, never.pk])
    assert counts == {viewed.pk: 12, also.pk: 2}
    assert counts.get(never.pk, 0) == 0


def test_views_can_be_limited_to_a_period():
    deed = DeedFactory()
    for n in range(5):
        DeedDay.objects.create(day=dt.date(2026, 11, 20 + n), deed=deed, views=1, visitors=1)
    since = DeedDay.objects.views_by_deed([deed.pk], start=dt.date(2026, 11, 22))
    assert since == {deed.pk: 3}
    window = DeedDay.objects.views_by_deed(
        [deed.pk], start=dt.date(2026, 11, 21), end=dt.date(2026, 11, 22)
    )
    assert window == {deed.pk: 2}


def test_views_through_the_site_reach_the_count_after_a_rollup(client):
    from django.core.management import call_command

    deed = DeedFactory()
    for address in ["198.51.100.1", "198.51.100.2", "198.51.100.2"]:
        client.get(deed.get_absolute_url(), **visitor(address=address))
    call_command("rollup_analytics", verbosity=0)
    assert DeedDay.objects.views_by_deed([deed.pk]) == {deed.pk: 3}

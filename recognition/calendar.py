"""The December advent calendar: 24 doors, each opening on its own day in Finnish time
to one awarded deed. What a door holds is looked up only once it is open, so neither an
edited address nor the page source shows a door early.

Stability: the calendar of year Y shows the latest gala of Y or before whose results
were public when December of Y began. A gala created, edited or published later (next
year's, or this year's announced in December) changes no door of Y. Within the gala the
doors follow the order staff give (``Award.door``), then the order the awards were
decided in, so an award decided later goes behind the doors already filled."""

import datetime as dt

from django.db.models import F
from django.utils import timezone

from .awards import Award, Gala

DOORS = 24


def opened_on(year, number):
    return dt.date(year, 12, number)


def is_open(year, number, today=None):
    return (today or timezone.localdate()) >= opened_on(year, number)


def door_awards(gala):
    """The awards behind the doors, in a fixed order: door 1 gets the first."""
    return list(
        Award.objects.public()
        .filter(category__gala=gala)
        .select_related("deed__organisation", "category__gala")
        .order_by(F("door").asc(nulls_last=True), "decided_at", "pk")[:DOORS]
    )


def calendar_starts(year):
    return dt.datetime.combine(
        opened_on(year, 1), dt.time.min, tzinfo=timezone.get_default_timezone()
    )


def calendar_gala(year):
    """The gala whose awards fill the calendar of ``year`` (see the module's comment)."""
    return (
        Gala.objects.results_public(now=min(calendar_starts(year), timezone.now()))
        .filter(year__lte=year)
        .order_by("-year")
        .first()
    )

"""The December advent calendar: 24 doors, each opening on its own day in Finnish time
to one awarded deed. What a door holds is looked up only once it is open, so neither an
edited address nor the page source shows a door early."""

import datetime as dt

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
        .select_related("deed__organisation", "category")
        .order_by("category__position", "pk")[:DOORS]
    )


def calendar_gala(year):
    """The gala whose awards fill the calendar of ``year``: that year's, else the latest
    before it (the gala may be held after December)."""
    return Gala.objects.filter(year__lte=year).order_by("-year").first()

"""The public event list: filters from the query string, their counts, and one page of
upcoming events (soonest first) followed by past ones (newest first).

A constant number of queries whatever the number of events: one count per filter
group, two totals and the page's rows (with their registration counts in the same
query, ``Event.objects.with_counts()``).
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Region
from taxonomy.models import Sector, Theme

from .models import Event, EventKind, Series

EVENTS_PER_PAGE = 20
FORMATS = {"online": True, "in_person": False}
VALUE_MAX = 100  # a value longer than any slug or code is not one


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""


@dataclass
class Facet:
    name: str
    label: str
    all_label: str
    options: list = field(default_factory=list)
    selected: str = ""


def _kind_options():
    return [(value, str(label), "") for value, label in EventKind.choices]


def _format_options():
    return [("online", _("Online"), ""), ("in_person", _("In person"), "")]


def _named(queryset, key):
    from core.i18n import localized_with_language

    options = []
    for obj in queryset:
        name, lang = localized_with_language(obj)
        options.append((getattr(obj, key), name, lang))
    return options


# name, label, "all" label, the lookup it filters on, the value its counts group by,
# where its options come from, whether options without events are listed.
FACETS = [
    (
        "kind",
        gettext_lazy("Kind"),
        gettext_lazy("All kinds"),
        "kind",
        _kind_options,
        True,
    ),
    (
        "series",
        gettext_lazy("Series"),
        gettext_lazy("All series"),
        "series__slug",
        lambda: _named(Series.objects.all(), "slug"),
        False,
    ),
    (
        "theme",
        gettext_lazy("Theme"),
        gettext_lazy("All themes"),
        "themes__slug",
        lambda: _named(Theme.objects.all(), "slug"),
        False,
    ),
    (
        "sector",
        gettext_lazy("Sector"),
        gettext_lazy("All sectors"),
        "sectors__slug",
        lambda: _named(Sector.objects.all(), "slug"),
        False,
    ),
    (
        "format",
        gettext_lazy("Online or in person"),
        gettext_lazy("Online and in person"),
        None,
        _format_options,
        True,
    ),
    (
        "region",
        gettext_lazy("Region"),
        gettext_lazy("All regions"),
        "region__code",
        lambda: _named(Region.objects.order_by("name_fi"), "code"),
        False,
    ),
]


def _condition(name, lookup, value):
    if name == "format":
        return Q(online=FORMATS[value])
    return Q(**{lookup: value})


class TwoPartList:
    """Upcoming events then past ones, sliced across the seam for the paginator.

    A page's events are picked by id first and only then get their registration counts
    (``with_counts()`` over those ids): counting before the LIMIT would aggregate the
    registrations of every event in the list for each page."""

    def __init__(self, upcoming, past, *, upcoming_total, past_total):
        self.upcoming, self.past = upcoming, past
        self.upcoming_total, self.past_total = upcoming_total, past_total

    def count(self):
        return self.upcoming_total + self.past_total

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        start, stop = index.start or 0, index.stop
        seam = self.upcoming_total
        ids = []
        if start < seam:
            ids += list(self.upcoming.values_list("pk", flat=True)[start : min(stop, seam)])
        if stop > seam:
            ids += list(self.past.values_list("pk", flat=True)[max(start - seam, 0) : stop - seam])
        if not ids:
            return []
        rows = Event.objects.filter(pk__in=ids).select_related("series", "municipality")
        by_id = rows.with_counts().in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]


class Chosen(dict):
    """The chosen filters; ``query_string`` is what the shared pagination links call."""

    def query_string(self, **changes):
        params = {**self, **{k: v for k, v in changes.items() if v not in (None, "")}}
        if params.get("page") == 1:
            del params["page"]
        return "?" + urlencode(params) if params else "?"


def parse(query):
    """The chosen filters and, for values that name nothing, the notices to show."""
    chosen, problems = Chosen(), []
    for name, label, _all, _lookup, options, _always in FACETS:
        value = query.get(name, "")
        if not value:
            continue
        if name == "kind":
            valid = value in EventKind.values
        elif name == "format":
            valid = value in FORMATS
        else:
            valid = len(value) <= VALUE_MAX and value in {key for key, *_rest in options()}
        if valid:
            chosen[name] = value
        else:
            problems.append(
                _("%(filter)s: “%(value)s” was not recognised.")
                % {"filter": label, "value": value[:VALUE_MAX]}
            )
    return chosen, problems


def _counts(base, name, lookup, chosen):
    others = Q()
    for other, _label, _all, other_lookup, *_rest in FACETS:
        if other != name and other in chosen:
            others &= _condition(other, other_lookup, chosen[other])
    queryset = base.filter(others)
    if name == "format":
        rows = queryset.values_list("online").annotate(n=Count("pk", distinct=True))
        by_bool = dict(rows)
        return {key: by_bool.get(flag, 0) for key, flag in FORMATS.items()}
    rows = queryset.values_list(lookup).annotate(n=Count("pk", distinct=True)).order_by()
    return {key: n for key, n in rows if key is not None}


def facets(chosen):
    base = Event.objects.public()
    groups = []
    for name, label, all_label, lookup, options, always in FACETS:
        counts = _counts(base, name, lookup, chosen)
        facet = Facet(name=name, label=label, all_label=all_label, selected=chosen.get(name, ""))
        for value, text, lang in options():
            count = counts.get(value, 0)
            if count or always or value == facet.selected:
                facet.options.append(Option(value, text, count, value == facet.selected, lang))
        groups.append(facet)
    return groups


def events(chosen, now=None):
    now = now or timezone.now()
    queryset = Event.objects.public()
    for name, _label, _all, lookup, *_rest in FACETS:
        if name in chosen:
            queryset = queryset.filter(_condition(name, lookup, chosen[name]))
    totals = {"upcoming_total": queryset.upcoming(now).count()}
    totals["past_total"] = queryset.past(now).count()
    upcoming = queryset.upcoming(now).order_by("starts_at", "pk")
    past = queryset.past(now).order_by("-starts_at", "-pk")
    return TwoPartList(upcoming, past, **totals)

"""Filter parameters of the deed list, shared by the list page, organisation pages and the API.

Parameters (repeatable; OR within one, AND across them): ``organisation`` (slug),
``municipality`` (code), ``region`` (code), ``sector``, ``theme``, ``subtheme``,
``customer_group`` (slugs), ``kind``, ``year``, ``language`` (of the deed's text: fi, sv,
en); ``start`` and ``end`` (publication dates, YYYY-MM-DD, both included); plus ``sort``
and ``page``.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

import numpy as np
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from .index import FACETS, get_catalogue

FACET_LABELS = {
    "organisation": _("Organisation"),
    "municipality": _("Municipality"),
    "region": _("Region"),
    "sector": _("Sector"),
    "theme": _("Theme"),
    "subtheme": _("Subtheme"),
    "customer_group": _("Customer group"),
    "kind": _("Kind"),
    "year": _("Year"),
    "language": _("Language"),
}
SORTS = {
    "relevance": _("Best match"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title A–Ö"),
}
DEFAULT_SORT = "newest"
SEARCH_SORT = "relevance"  # the default, and only possible, relevance order: with a query
MAX_QUERY = 1000
MAX_VALUES = 50  # per parameter; more is not a real use and only costs
# Long facets show their biggest choices first and the rest on request.
SHORT_LIST = {"organisation": 10, "municipality": 10}
# Long facets with a text box that narrows their choices (organisations.finder):
# the parameter is the facet's name + "_q" (organisation_q=Liminka).
FILTERABLE = ("organisation", "municipality")
NOTHING = -1  # a valid value with no deeds (e.g. a year before the first deed)
# Dates of the years deeds can have been published in. Others are refused, not counted:
# a period's months and days cost rows (stats/figures.py), so 0001–9999 would cost
# 120,000 of them.
FIRST_YEAR, LAST_YEAR = 1900, 2100


class InvalidFilterError(ValueError):
    pass


@dataclass
class Listing:
    selections: dict  # facet -> [code]
    keys: dict  # facet -> [key] as given, normalised
    sort: str = DEFAULT_SORT
    problems: list = field(default_factory=list)
    # Problems that pages counting by period answer with 400 (a date outside the years):
    # the page still shows all deeds, and says why.
    refused: list = field(default_factory=list)
    catalogue: object = None
    q: str = ""
    search: object = None  # search.services.SearchResult, once run() has searched
    start: dt.date | None = None  # published on or after
    end: dt.date | None = None  # published on or before
    awarded: bool = False  # only deeds with a gala award
    fixed: tuple = ()  # facets the page pins (an organisation page): not the person's choice

    @property
    def default_sort(self):
        return SEARCH_SORT if self.q else DEFAULT_SORT

    @property
    def sorts(self):
        return [(key, label) for key, label in SORTS.items() if key != SEARCH_SORT or self.q]

    @property
    def is_filtered(self):
        chosen = any(keys for name, keys in self.keys.items() if name not in self.fixed)
        return chosen or bool(self.start or self.end or self.awarded)

    @property
    def is_narrowed(self):
        return self.is_filtered or bool(self.q)

    def params(self, **changes):
        """Query parameters of this listing with some replaced (None removes)."""
        # A pinned facet is in the page's path, not in its parameters.
        items = [
            (name, key)
            for name in FACETS
            if name not in self.fixed
            for key in self.keys.get(name, [])
        ]
        data = {"q": [self.q] if self.q else []}
        data.update({name: [k for n, k in items if n == name] for name in FACETS})
        data["start"] = [self.start.isoformat()] if self.start else []
        data["end"] = [self.end.isoformat()] if self.end else []
        data["awarded"] = ["true"] if self.awarded else []
        if self.sort != self.default_sort:
            data["sort"] = [self.sort]
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value if isinstance(value, list) else [value]
        return [(name, v) for name, values in data.items() for v in values]

    def query_string(self, **changes):
        params = self.params(**changes)
        return "?" + urlencode(params) if params else "?"

    def run(self, language=None):
        restrict = None
        if self.start or self.end:
            restrict = self.catalogue.published_between(self.start, self.end)
        if self.awarded:
            from recognition.awards import Award

            rows, _found = self.catalogue.rows_of(
                # public(): awards under a gala's embargo neither filter nor count.
                list(Award.objects.public().values_list("deed_id", flat=True))
            )
            awarded = np.zeros(self.catalogue.size, dtype=bool)
            awarded[rows] = True
            restrict = awarded if restrict is None else restrict & awarded
        if not self.q:
            return self.catalogue.query(self.selections, self.sort, restrict=restrict)
        from search.services import deed_search

        self.search = deed_search(self.q, self.catalogue, language or get_language())
        mask = self.search.mask if restrict is None else self.search.mask & restrict
        return self.catalogue.query(
            self.selections, self.sort, restrict=mask, scores=self.search.scores
        )


def parse_listing(params, *, strict=False, catalogue=None, fixed=None):
    """Read filters from a QueryDict.

    ``strict`` (the API) raises InvalidFilterError on the first bad value; otherwise bad
    values are dropped and described in ``problems`` so the page can say so.
    ``fixed`` pins facets (an organisation page always filters by its organisation).
    """
    catalogue = catalogue or get_catalogue()
    selections, keys, problems, refused = {}, {}, [], []

    def problem(message):
        if strict:
            raise InvalidFilterError(message)
        problems.append(message)

    def refuse(message):
        problem(message)
        refused.append(message)

    for name in FACETS:
        column = catalogue.columns[name]
        raw = [v.strip() for v in params.getlist(name) if v.strip()]
        if fixed and name in fixed:
            raw = list(fixed[name])
        values = list(dict.fromkeys(raw))
        if len(values) > MAX_VALUES:
            problem(
                _("Too many values for %(name)s (at most %(max)d).")
                % {"name": FACET_LABELS[name], "max": MAX_VALUES}
            )
            values = values[:MAX_VALUES]
        codes, good = [], []
        for value in values:
            key = normalise(name, value)
            code = column.key_to_code.get(key)
            if code is None and name == "year" and valid_year(key):
                code = NOTHING
            if code is None:
                problem(
                    _("Unknown %(name)s: “%(value)s”.")
                    % {"name": FACET_LABELS[name], "value": value[:80]}
                )
                continue
            codes.append(code)
            good.append(key)
        selections[name], keys[name] = codes, good
    q = " ".join(params.get("q", "")[:MAX_QUERY].split())
    default = SEARCH_SORT if q else DEFAULT_SORT
    sort = params.get("sort", default) or default
    if sort not in SORTS:
        problem(_("Unknown sort order: “%(value)s”.") % {"value": sort[:40]})
        sort = default
    elif sort == SEARCH_SORT and not q:
        sort = DEFAULT_SORT  # nothing to be relevant to
    start, end = (parse_date(params, name, problem, refuse) for name in ("start", "end"))
    if start and end and end < start:
        problem(_("The period ends before it starts."))
        start = end = None
    awarded = params.get("awarded", "").strip().lower()
    if awarded not in ("", "true", "false"):
        problem(_("awarded must be true or false."))
    return Listing(
        selections,
        keys,
        sort,
        problems,
        refused,
        catalogue,
        q,
        start=start,
        end=end,
        awarded=awarded == "true",
        fixed=tuple(fixed or ()),
    )


def parse_date(params, name, problem, refuse=None):
    """A date YYYY-MM-DD of FIRST_YEAR–LAST_YEAR, or None; a date of other years goes to
    ``refuse`` (or ``problem``) and is left out."""
    value = params.get(name, "").strip()
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(value[:10]) if len(value) == 10 else None
    except ValueError:
        date = None
    if date is None:
        problem(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value[:40]})
    elif not FIRST_YEAR <= date.year <= LAST_YEAR:
        (refuse or problem)(
            _("Choose dates from the years %(first)s–%(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
        return None
    return date


def normalise(name, value):
    if name in ("municipality", "region") and value.isdigit():
        return value.zfill(3 if name == "municipality" else 2)
    return value.lower()


def valid_year(value):
    return value.isdigit() and len(value) == 4 and FIRST_YEAR <= int(value) <= LAST_YEAR


@dataclass
class Option:
    key: str
    label: str
    count: int
    selected: bool
    group: str = ""
    inactive: bool = False

    @property
    def count_text(self):
        # Read out after the count ("12 deeds"), hidden from sight.
        return ngettext("deed", "deeds", self.count)


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list
    hidden: int = 0  # options left out of a short list
    more_url: str = ""
    filterable: bool = False  # has a text box that narrows its choices (long facets)
    filter_text: str = ""  # what was typed in it

    @property
    def selected(self):
        return [o for o in self.options if o.selected]


@dataclass
class ActiveFilter:
    label: str
    url: str


def active_filters(listing, groups):
    """The search and the chosen values, each with the address of the list without it."""
    chips = []
    if listing.q:
        chips.append(
            ActiveFilter(
                _("Search: %(q)s") % {"q": listing.q},
                listing.query_string(q=None, page=None, sort=None),
            )
        )
    if listing.start or listing.end:
        chips.append(
            ActiveFilter(
                _("Published: %(period)s") % {"period": period_label(listing.start, listing.end)},
                listing.query_string(start=None, end=None, page=None),
            )
        )
    if listing.awarded:
        chips.append(
            ActiveFilter(_("Awarded deeds"), listing.query_string(awarded=None, page=None))
        )
    for group in groups:
        if group.name in listing.fixed:
            continue  # removing it would do nothing: the page itself is the filter
        keys = listing.keys.get(group.name, [])
        for option in group.selected:
            rest = [k for k in keys if k != option.key]
            chips.append(
                ActiveFilter(
                    f"{group.label}: {option.label}",
                    listing.query_string(**{group.name: rest, "page": None}),
                )
            )
    return chips


def period_label(start, end):
    from django.utils.formats import date_format

    def show(day):
        return date_format(day, "SHORT_DATE_FORMAT") if day else ""

    return f"{show(start)}–{show(end)}"


def facet_groups(listing, result, *, show_all=(), language=None, narrow=None):
    """Choices with counts, in the order people look for them, for templates and the API.

    ``narrow`` maps a facet in FILTERABLE to (typed text, matching keys best first): only
    those choices are shown (and the chosen ones), all of them, in the finder's order.
    """
    language = language or get_language()
    narrow = narrow or {}
    groups = []
    for name in FACETS:
        column = listing.catalogue.columns[name]
        counts = result.counts[name].tolist()
        choices = column.choices
        chosen = {code for code in listing.selections.get(name, []) if code >= 0}
        # Only choices with deeds (or chosen): at 1,000 organisations most have none.
        codes = sorted({code for code, n in enumerate(counts) if n} | chosen)
        filter_text, matching = narrow.get(name, ("", None))
        if matching is not None:
            codes_of = column.key_to_code
            rank = {codes_of[key]: i for i, key in enumerate(matching) if key in codes_of}
            codes = [code for code in codes if code in rank or code in chosen]
            codes.sort(key=lambda code: (rank.get(code, -1), choices[code].order))
        elif name in SHORT_LIST:
            codes.sort(key=lambda code: (-counts[code], choices[code].order))
        else:
            codes.sort(key=lambda code: choices[code].order)
        hidden = 0
        limit = SHORT_LIST.get(name)
        if limit and matching is None and name not in show_all and len(codes) > limit:
            keep = codes[:limit] + [code for code in codes[limit:] if code in chosen]
            hidden = len(codes) - len(keep)
            codes = keep
        options = [
            Option(
                choices[code].key,
                choices[code].label(language),
                counts[code],
                code in chosen,
                choices[code].group,
                not choices[code].active,
            )
            for code in codes
        ]
        if name == "subtheme":
            themes = listing.catalogue.columns["theme"]
            for option in options:
                theme = themes.choices[themes.key_to_code[option.group]]
                option.group = theme.label(language)
        more_url = listing.query_string(more=[*show_all, name]) if hidden else ""
        groups.append(
            FacetGroup(
                name,
                str(FACET_LABELS[name]),
                options,
                hidden,
                more_url,
                filterable=name in FILTERABLE,
                filter_text=filter_text,
            )
        )
    return groups


TITLE_LENGTH = 150  # browsers cut tab titles much earlier; history lists show more


def listing_title(listing, groups, base, page_number=1):
    """The page's title: what the list is (its h1), then the search words and every
    chosen filter, so that history entries and bookmarks say which list they are."""
    details = []
    if listing.q:
        details.append(_("“%(q)s”") % {"q": listing.q})
    for group in groups:
        if group.name not in listing.fixed:
            details.extend(option.label for option in group.selected)
    if listing.start or listing.end:
        details.append(period_label(listing.start, listing.end))
    if listing.awarded:
        details.append(str(_("Awarded deeds")))
    title = str(base)
    if details:
        title = _("%(list)s: %(details)s") % {"list": title, "details": ", ".join(details)}
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1].rstrip() + "…"
    if page_number > 1:
        title = _("%(title)s, page %(number)d") % {"title": title, "number": page_number}
    return title

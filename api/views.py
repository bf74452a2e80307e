"""Open data API, version 1: read-only JSON over published deeds and reference data.

Every answer is public (only published deeds are visible), cacheable and open to
other origins. Bad parameters get HTTP 400 with a message, never a 500.
"""

from functools import wraps

from django.conf import settings
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_safe

from catalogue.index import get_catalogue
from catalogue.listing import (
    FACET_LABELS,
    InvalidFilterError,
    facet_groups,
    parse_date,
    parse_listing,
)
from deeds.models import Deed, DeedContact
from organisations.finder import MAX_QUERY as FINDER_MAX_QUERY
from organisations.finder import clean_query, find_organisations
from organisations.models import Municipality, Organisation, Region
from recognition.models import Award, RankingRule, in_language
from recognition.rankings import municipality_ranking, organisation_ranking
from stats.figures import DIMENSIONS, Figures
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from . import representations as rep
from .openapi import FINDER_MAX_LIMIT, LICENCE, openapi_document

API_LANGUAGES = ("fi", "sv", "en")
DEFAULT_PAGE_SIZE = 20


class BadRequestError(ValueError):
    pass


def api_view(view):
    """GET/HEAD only, JSON errors, the label language from ?lang=, CORS and caching."""

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request.GET.get("lang", "fi")
        with override(language if language in API_LANGUAGES else "fi"):
            try:
                if language not in API_LANGUAGES:
                    raise BadRequestError(_("lang must be one of: fi, sv, en."))
                response = view(request, *args, language=language, **kwargs)
            except (BadRequestError, InvalidFilterError) as error:
                response = error_response(str(error), 400)
        response["Access-Control-Allow-Origin"] = "*"
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response

    return wrapper


def json(data, status=200):
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def error_response(message, status):
    return json({"error": message, "status": status}, status=status)


def positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequestError(_("%(name)s must be a positive whole number.") % {"name": name})
    value = int(raw)
    if maximum is not None and value > maximum:
        raise BadRequestError(
            _("%(name)s can be at most %(max)d.") % {"name": name, "max": maximum}
        )
    return value


def page_url(request, page):
    query = request.GET.copy()
    query["page"] = page
    return settings.SITE_URL + request.path + "?" + query.urlencode()


@api_view
def deed_list(request, language):
    page_size = positive_int(request, "page_size", DEFAULT_PAGE_SIZE, settings.API_MAX_PAGE_SIZE)
    page = positive_int(request, "page", 1, maximum=10**6)
    listing = parse_listing(request.GET, strict=True)
    result = listing.run(language)
    pages = max(1, -(-result.total // page_size))
    if page > pages:
        raise BadRequestError(
            _("Page %(page)d does not exist: there are %(pages)d pages.")
            % {"page": page, "pages": pages}
        )
    start = (page - 1) * page_size
    ids = result.ids(start, start + page_size)
    fields = rep.SUMMARY_FIELDS + (rep.SNIPPET_FIELDS if listing.search else ())
    deeds = {v["id"]: v for v in Deed.objects.filter(pk__in=ids).values(*fields)}
    groups = facet_groups(
        listing, result, show_all=("organisation", "municipality"), language=language
    )
    results = [
        rep.deed_summary(deeds[pk], listing.catalogue, language) for pk in ids if pk in deeds
    ]
    extra = {}
    if listing.search:
        # Counted in visitor analytics as the API's search (its first page only).
        request.search_query = (listing.q, result.total)
        extra["query"] = rep.search_info(listing.search)
        for item in results:
            item["snippet"] = rep.snippet_of(deeds[item["id"]], listing.search)
    return json(
        {
            "count": result.total,
            "next": page_url(request, page + 1) if page < pages else None,
            "previous": page_url(request, page - 1) if page > 1 else None,
            **extra,
            "results": results,
            "facets": {
                group.name: [
                    {"value": o.key, "label": o.label, "count": o.count} for o in group.options
                ]
                for group in groups
            },
        }
    )


@api_view
def deed_detail(request, pk, language):
    catalogue = get_catalogue()
    deed = (
        Deed.objects.published()
        .prefetch_related(
            "partners",
            "links",
            "images",
            Prefetch("contacts", DeedContact.objects.filter(publish_consent=True)),
        )
        .filter(pk=pk)
        .first()
    )
    if deed is None or catalogue.row_of(deed.pk) is None:
        return error_response(_("No published deed with this id."), 404)
    return json(rep.deed_full(deed, catalogue, language))


def term_rows(model):
    return [
        {
            "slug": t.slug,
            **{f"name_{k}": v for k, v in rep.names(t).items()},
            "position": t.position,
            "active": t.is_active,
        }
        for t in model.objects.all()
    ]


@api_view
def sector_list(request, language):
    return json(term_rows(Sector))


@api_view
def customer_group_list(request, language):
    return json(term_rows(CustomerGroup))


@api_view
def theme_list(request, language):
    subthemes = {}
    for sub in Subtheme.objects.all():
        subthemes.setdefault(sub.theme_id, []).append(
            {
                "slug": sub.slug,
                **{f"name_{k}": v for k, v in rep.names(sub).items()},
                "position": sub.position,
                "active": sub.is_active,
            }
        )
    return json(
        [
            {
                "slug": t.slug,
                **{f"name_{k}": v for k, v in rep.names(t).items()},
                "position": t.position,
                "active": t.is_active,
                "subthemes": subthemes.get(t.pk, []),
            }
            for t in Theme.objects.all()
        ]
    )


@api_view
def organisation_list(request, language):
    q = request.GET.get("q")
    if q is not None and q.strip():
        return organisation_search(request, q, language)
    counts = get_catalogue().totals("organisation")
    rows = Organisation.objects.public().select_related("municipality", "region")
    return json(
        [
            {
                "slug": o.slug,
                **{f"name_{k}": v for k, v in rep.names(o).items()},
                "type": o.type,
                "municipality": o.municipality.code if o.municipality else None,
                "region": o.region.code if o.region else None,
                "deed_count": counts.get(o.slug, 0),
                "url": rep.absolute(o.get_absolute_url()),
            }
            for o in rows
        ]
    )


def organisation_search(request, q, language):
    """The share form's organisation finder: ranked, compact rows."""
    if len(q) > FINDER_MAX_QUERY:
        raise BadRequestError(_("q can be at most %(max)d characters.") % {"max": FINDER_MAX_QUERY})
    limit = positive_int(request, "limit", DEFAULT_PAGE_SIZE, FINDER_MAX_LIMIT)
    return json(
        [
            {
                "slug": found.slug,
                "name": found.name(language),
                "type": found.type,
                "municipality": found.municipality,
                "url": rep.absolute(reverse("organisations:detail", kwargs={"slug": found.slug})),
            }
            for found in find_organisations(clean_query(q), limit)
        ]
    )


@api_view
def municipality_list(request, language):
    return json(
        [
            {
                "code": m.code,
                "name_fi": m.name_fi,
                "name_sv": m.name_sv,
                "region": m.region.code,
                "active": m.is_active,
            }
            for m in Municipality.objects.select_related("region")
        ]
    )


@api_view
def region_list(request, language):
    return json(
        [
            {"code": r.code, **{f"name_{k}": v for k, v in rep.names(r).items()}}
            for r in Region.objects.all()
        ]
    )


@api_view
def openapi(request, language):
    return json(openapi_document(FACET_LABELS))


ENDPOINTS = {
    "deeds": "api:deed_list",
    "deed_stats": "api:deed_stats",
    "awards": "api:award_list",
    "sectors": "api:sector_list",
    "themes": "api:theme_list",
    "customer_groups": "api:customer_group_list",
    "organisations": "api:organisation_list",
    "municipalities": "api:municipality_list",
    "regions": "api:region_list",
    "events": "api:event_list",
    "event_stats": "api:event_stats",
    "newsletter_stats": "api:newsletter_stats",
    "coaching_stats": "api:coaching_stats",
}


@api_view
def index(request, language):
    """What the API offers, where its description is, and under what licence."""
    return json(
        {
            "name": "Tekojen tori open data API",
            "version": "1",
            "description": _(
                "Published development deeds of Finnish municipal-sector workplaces, "
                "as JSON. No registration."
            ),
            "openapi": rep.absolute(reverse("api:openapi")),
            "licence": {
                **LICENCE,
                "statement": _(
                    "The deeds are published under the Creative Commons Attribution 4.0 "
                    "International licence (CC BY 4.0)."
                ),
            },
            "endpoints": {
                name: rep.absolute(reverse(view_name)) for name, view_name in ENDPOINTS.items()
            }
            | {
                "deed": rep.absolute(
                    reverse("api:deed_detail", kwargs={"pk": 1}).replace("/1/", "/{id}/")
                ),
                "rankings_municipalities": rep.absolute(
                    reverse("api:ranking", kwargs={"kind": "municipalities"})
                ),
                "rankings_organisations": rep.absolute(
                    reverse("api:ranking", kwargs={"kind": "organisations"})
                ),
            },
        }
    )


@api_view
def not_found(request, path, language):
    return error_response(_("No such API address."), 404)


@api_view
def deed_stats(request, language):
    """Published deeds counted by one dimension, with the deed list's filters and period."""
    by = request.GET.get("by", "")
    if by not in DIMENSIONS:
        raise BadRequestError(
            _("by must be one of: %(choices)s.") % {"choices": ", ".join(DIMENSIONS)}
        )
    figures = Figures.of(parse_listing(request.GET, strict=True), language)
    rows = figures.rows(by, language)
    return json(
        {
            "by": by,
            "count": figures.total,
            "rows": [{"key": r.key, "label": r.label, "count": r.count} for r in rows],
        }
    )


def ranking_period(request):
    problems = []
    start, end = (parse_date(request.GET, name, problems.append) for name in ("start", "end"))
    if not problems and not (start and end):
        problems.append(_("Give both start and end (YYYY-MM-DD)."))
    if not problems and end < start:
        problems.append(_("The period ends before it starts."))
    rule = request.GET.get("rule", RankingRule.HOME)
    if rule not in RankingRule.values:
        problems.append(
            _("rule must be one of: %(choices)s.") % {"choices": ", ".join(RankingRule.values)}
        )
    if problems:
        raise BadRequestError(" ".join(str(p) for p in problems))
    return start, end, rule


RANKINGS = {
    # kind: (ranking function, field of the name, field of the key)
    "municipalities": (municipality_ranking, "municipality", "code"),
    "organisations": (organisation_ranking, "organisation", "slug"),
}


@api_view
def ranking_view(request, kind, language):
    """Municipalities or organisations by deeds published in a window (Finnish dates,
    both included); ties share a place."""
    rank, name, key = RANKINGS[kind]
    start, end, rule = ranking_period(request)
    return json(
        [
            {"place": p.place, name: p.name, key: p.key, "count": p.count}
            for p in rank(start, end, rule)
        ]
    )


@api_view
def award_list(request, language):
    """Awards of published deeds, optionally of one gala year."""
    awards = Award.objects.public().select_related("category__gala", "deed__organisation")
    year = request.GET.get("year", "")
    if year:
        if not (year.isdecimal() and len(year) == 4):
            raise BadRequestError(_("year must be a year such as 2024."))
        awards = awards.of_year(int(year))
    return json(
        [
            {
                "year": award.category.gala.year,
                "gala": in_language(award.category.gala, "name", language),
                "category": award.category.label(language),
                "deed": {
                    "id": award.deed_id,
                    "title": award.deed.title,
                    "url": settings.SITE_URL + award.deed.get_absolute_url(),
                },
                "organisation": {
                    "slug": award.deed.organisation.slug,
                    "name": award.deed.organisation.name,
                },
            }
            for award in awards.order_by("-category__gala__year", "category__position", "pk")
        ]
    )

"""The public statistics page and its downloads."""

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from catalogue.listing import parse_listing
from organisations.models import Region
from taxonomy.models import Sector

from . import maps
from .downloads import csv_response, xlsx_response
from .figures import DIMENSIONS, Figures
from .sections import row_params, section

SECTIONS = (
    ("sector", _("Deeds by sector")),
    ("theme", _("Deeds by theme")),
    ("kind", _("Deeds by kind")),
    ("region", _("Deeds by region")),
    ("customer_group", _("Deeds by customer group")),
    ("subtheme", _("Deeds by subtheme")),
)
LEADERBOARD = 20
RANKED = {"organisation", "municipality"}  # downloads carry the place, as the table does
MONTHS_AT_MOST = 48  # a longer period is drawn by year


def stats_page(request):
    language = get_language()
    listing = parse_listing(request.GET)
    figures = Figures.of(listing, language)
    months = figures.rows("month", language)
    over_time = "month" if len(months) <= MONTHS_AT_MOST else "year"
    sections = [section(listing, figures, by, title, language) for by, title in SECTIONS]
    leaders = section(listing, figures, "organisation", _("Organisations"), language, LEADERBOARD)
    leaders.ranked = True
    context = {
        "listing": listing,
        "figures": figures,
        "organisations": figures.distinct("organisation"),
        "municipalities": figures.distinct("municipality"),
        "timeline": section(
            listing,
            figures,
            over_time,
            _("Deeds by month") if over_time == "month" else _("Deeds by year"),
            language,
        ),
        "sections": sections,
        "leaders": leaders,
        "standing": standing(figures, request.GET.get("sija", ""), language),
        "all_organisations": figures.rows("organisation", language),
        "regions": Region.objects.order_by("code"),
        "sectors": Sector.objects.active(),
        "list_url": reverse("deeds:list") + listing.query_string(page=None),
    }
    return render(request, "stats/stats_page.html", context, status=status_of(listing))


def map_page(request):
    language = get_language()
    layer = request.GET.get("taso", "kunnat")
    if layer not in maps.LAYERS:
        layer = "kunnat"
    listing = parse_listing(request.GET)
    figures = Figures.of(listing, language)
    areas, legend = maps.areas(figures, layer, language)
    facet = maps.LAYERS[layer][0]
    for area in areas:
        params = row_params(listing, facet, area.code)
        area.url = reverse("deeds:list") + params if params else ""
    context = {
        "listing": listing,
        "figures": figures,
        "layer": layer,
        "areas": areas,
        "drawn": [a for a in areas if a.path],
        "gaps": [a for a in areas if not a.count],
        "legend": legend,
        "viewbox": maps.VIEWBOX,
        "layer_urls": {
            name: reverse("stats:map") + listing.query_string(taso=name, page=None)
            for name in maps.LAYERS
        },
    }
    return render(request, "stats/map_page.html", context, status=status_of(listing))


def status_of(listing):
    """400 for a period outside the years deeds can have: the page shows every deed
    instead, and its notice says why (other bad values are left out with a notice)."""
    return 400 if listing.refused else 200


def standing(figures, slug, language):
    """Where one organisation stands in the ranking (ties share a place)."""
    if not slug:
        return None
    ranking = figures.rows("organisation", language)
    found = next((row for row in ranking if row.key == slug), None)
    return {"row": found, "of": len(ranking), "slug": slug}


def stats_download(request, by, fmt):
    if by not in DIMENSIONS or fmt not in ("csv", "xlsx"):
        raise Http404
    language = get_language()
    listing = parse_listing(request.GET)
    if listing.problems:
        # A file cannot show a notice: other figures than those asked for would pass
        # for the right ones.
        return refusal(listing.problems)
    rows = Figures.of(listing, language).rows(by, language)
    top = request.GET.get("top", "")
    if top.isascii() and top.isdecimal() and 0 < int(top) < len(rows):
        rows = rows[: int(top)]  # the leaderboard's download: the rows it shows
    most = settings.STATS_DOWNLOAD_MAX_ROWS
    if len(rows) > most:
        return refusal(
            [
                ngettext(
                    "A download holds at most %(most)d row; narrow the filters.",
                    "A download holds at most %(most)d rows; narrow the filters.",
                    most,
                )
                % {"most": most}
            ]
        )
    title = str(DIMENSIONS[by])
    name = f"tekojen-tori-{by}"
    ranked = by in RANKED
    if fmt == "csv":
        return csv_response(rows, title, name, ranked=ranked)
    return xlsx_response(rows, title, name, ranked=ranked)


def refusal(problems):
    text = "\n".join(str(problem) for problem in problems)
    return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")

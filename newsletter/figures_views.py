"""The staff's newsletter figures: /uutiskirje/hallinta/luvut/ (mounted in tori/urls.py,
before the newsletter's other pages), with the year's months as CSV or XLSX."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.downloads import csv_table, xlsx_table

from .figures import by_language, by_topic, counted_years, issue_visits, year_figures


def chosen_year(request, *, warn=True):
    """The year asked for (?vuosi=), or this year when it has nothing to count."""
    years = counted_years()
    chosen = request.GET.get("vuosi", "")
    year = timezone.localdate().year
    if chosen.isascii() and chosen.isdecimal() and int(chosen) in years:
        year = int(chosen)
    elif chosen and warn:
        messages.warning(request, _("No figures for that year; showing %(year)s.") % {"year": year})
    return year, years


@staff_member_required
def figures_page(request):
    year, years = chosen_year(request)
    context = {
        "year": year,
        "years": years,
        "figures": year_figures(year),
        "issues": issue_visits(year),
        "languages": by_language(),
        "topics": by_topic(),
    }
    return render(request, "newsletter/staff/figures.html", context)


@staff_member_required
def figures_download(request, fmt):
    """The year's months as a table: what staff take into a report."""
    year, _years = chosen_year(request, warn=False)
    header = [
        pgettext("newsletter figures", "Month"),
        pgettext("newsletter figures", "Joined"),
        pgettext("newsletter figures", "Left"),
        pgettext("newsletter figures", "Subscribers at the month's end"),
    ]
    rows = [
        [f"{m.month:%Y-%m}", m.joined, m.left, m.subscribers_at_end]
        for m in year_figures(year).months
    ]
    name = f"uutiskirje-{year}"
    if fmt == "csv":
        return csv_table(header, rows, name)
    title = _("Newsletter %(year)s") % {"year": year}
    return xlsx_table(header, rows, title, name, widths={"D": 28})

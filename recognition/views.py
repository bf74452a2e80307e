"""Public pages: campaigns with live figures, the most inventive municipality, awarded
deeds, highlights, the advent calendar and share cards."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.cards import card_response
from deeds.models import DeedContact

from .awards import Award, Gala
from .calendar import DOORS, calendar_gala, door_awards, is_open, opened_on
from .forms import RankingForm
from .highlights import Highlight
from .models import (
    FIRST_YEAR,
    LAST_YEAR,
    MunicipalityRanking,
    RankingRule,
)
from .rankings import municipality_ranking

RANKING_ON_CAMPAIGN = 10


def most_inventive(request):
    """Published results per year, and a live ranking for any dates."""
    form = RankingForm(request.GET or None)
    live = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        live = municipality_ranking(data["start"], data["end"], data["rule"] or RankingRule.HOME)
    results = MunicipalityRanking.objects.published().select_related("campaign")
    context = {"results": results, "form": form, "live": live}
    return render(
        request, "recognition/most_inventive.html", context, status=400 if form.errors else 200
    )


def awarded_latest(request):
    gala = Gala.objects.results_public().order_by("-year").first()
    if gala is None:
        return render(request, "recognition/awarded.html", {"gala": None, "galas": []})
    return redirect("recognition:awarded", year=gala.year)


def awarded(request, year):
    # Under embargo the page does not exist: its existence alone would say the year's
    # results have been decided.
    gala = get_object_or_404(Gala.objects.results_public(), year=year)
    language = get_language()
    awards = (
        Award.objects.public()
        .filter(category__gala=gala)
        .select_related("category", "deed__organisation", "deed__municipality")
        .prefetch_related(
            Prefetch(
                "deed__contacts",
                queryset=DeedContact.objects.filter(publish_consent=True),
                to_attr="public_contacts",
            )
        )
    )
    categories = list(gala.categories.order_by("position", "name"))
    chosen = request.GET.get("kategoria", "")
    if chosen.isascii() and chosen.isdecimal() and len(chosen) <= 18:  # fits a 64-bit id
        awards = awards.filter(category_id=int(chosen))
    groups = {}
    for award in awards:
        groups.setdefault(award.category, []).append(award)
    context = {
        "gala": gala,
        "galas": Gala.objects.results_public(),
        "groups": [(c, c.label(language), groups[c]) for c in categories if c in groups],
        "categories": [(c, c.label(language)) for c in categories],
        "chosen": chosen,
        "mentions": gala.mentions.public().select_related("organisation"),
        "total": sum(len(v) for v in groups.values()),
    }
    return render(request, "recognition/awarded.html", context)


def advent_calendar_latest(request):
    """The calendar of this year from December on, before that last year's."""
    today = timezone.localdate()
    return redirect(
        "recognition:calendar", year=today.year if today.month == 12 else today.year - 1
    )


def calendar_year(year):
    # Any other year is not found (a year 0 or 10000 would not even make a date).
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404


def advent_calendar(request, year):
    calendar_year(year)
    today = timezone.localdate()
    gala = calendar_gala(year)
    doors = [
        {"number": n, "open": is_open(year, n, today), "day": opened_on(year, n)}
        for n in range(1, DOORS + 1)
    ]
    context = {"year": year, "doors": doors, "gala": gala, "today": today}
    return render(request, "recognition/advent_calendar.html", context)


def advent_door(request, year, number):
    calendar_year(year)
    if not 1 <= number <= DOORS:
        raise Http404
    today = timezone.localdate()
    if not is_open(year, number, today):
        # The same answer for every closed door: nothing to learn from trying.
        context = {"year": year, "number": number, "day": opened_on(year, number)}
        return render(request, "recognition/advent_closed.html", context, status=403)
    gala = calendar_gala(year)
    awards = door_awards(gala) if gala else []
    award = awards[number - 1] if number <= len(awards) else None
    following = number + 1 if number < DOORS and is_open(year, number + 1, today) else None
    context = {
        "year": year,
        "number": number,
        "award": award,
        "gala": gala,
        "previous": number - 1 or None,
        "next": following,
    }
    return render(request, "recognition/advent_door.html", context)


def highlights(request):
    today = timezone.localdate()
    current = Highlight.objects.current(today).select_related("deed__organisation")
    past = Highlight.objects.past(today).select_related("deed__organisation")
    page = Paginator(past, 30).get_page(request.GET.get("sivu"))
    return render(
        request, "recognition/highlights.html", {"current": current, "page": page, "today": today}
    )


def awarded_card(request, year):
    gala = get_object_or_404(Gala.objects.results_public(), year=year)
    total = Award.objects.public().filter(category__gala=gala).count()
    subtitle = ngettext("%(count)d awarded deed", "%(count)d awarded deeds", total) % {
        "count": total
    }
    return card_response(_("Awarded deeds %(year)s") % {"year": year}, subtitle)

"""Public pages: campaigns with live figures, the most inventive municipality, awarded
deeds, highlights, the advent calendar and share cards."""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from deeds.listing import parse_listing
from deeds.models import Deed, DeedContact
from stats.figures import Figures, Row
from stats.sections import section
from tori import charts

from .awards import Award, Gala
from .calendar import DOORS, calendar_gala, door_awards, is_open, opened_on
from .cards import card_response
from .forms import RankingForm
from .highlights import Highlight
from .models import (
    FIRST_YEAR,
    LAST_YEAR,
    Campaign,
    MunicipalityRanking,
    RankingRule,
    in_language,
)
from .rankings import municipality_ranking

RANKING_ON_CAMPAIGN = 10


def campaign_figures(campaign, language, *, until=None):
    """The campaign's published deeds as stats Figures (up to ``until``, if given)."""
    params = QueryDict(mutable=True)
    params.update({"start": campaign.starts_on.isoformat(), "end": campaign.ends_on.isoformat()})
    listing = parse_listing(params)
    if until is not None and until < campaign.ends_on:
        # Set after parsing: before the campaign starts this is an empty window (the
        # day before its first), which the list's own parameters would refuse.
        listing.end = max(until, campaign.starts_on - dt.timedelta(days=1))
    return Figures.of(listing, language)


def campaign_days_to_come(campaign, today):
    first = max(campaign.starts_on, today + dt.timedelta(days=1))
    return [
        Row(day.isoformat(), date_format(day, "j.n."), 0)
        for day in (
            first + dt.timedelta(days=n) for n in range((campaign.ends_on - first).days + 1)
        )
    ]


def municipality_deeds_url(code, campaign, today):
    """The deed list of a municipality in the campaign's days so far."""
    query = urlencode(
        {
            "municipality": code,
            "start": campaign.starts_on.isoformat(),
            "end": min(campaign.ends_on, today).isoformat(),
        }
    )
    return f"{reverse('deeds:list')}?{query}"


def campaign_list(request):
    today = timezone.localdate()
    campaigns = Campaign.objects.all()
    return render(
        request, "recognition/campaign_list.html", {"campaigns": campaigns, "today": today}
    )


def campaign_detail(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    language = get_language()
    today = timezone.localdate()
    figures = campaign_figures(campaign, language, until=today)
    days = figures.days() if campaign.has_started(today) else []
    # The chart spans the whole campaign: the days still to come are empty columns, so
    # the progress so far is seen against the campaign's length.
    chart = charts.timeline(
        days + campaign_days_to_come(campaign, today), every=7, labelled=campaign.days <= 31
    )
    previous = Campaign.objects.before(campaign).first()
    comparison = None
    if previous:
        # Like for like: the previous campaign's first as many days as this one has had.
        so_far = min(campaign.days_so_far(today), previous.days)
        same_point = previous.starts_on + dt.timedelta(days=max(so_far, 1) - 1)
        comparison = {
            "campaign": previous,
            "total": campaign_figures(previous, language).total,
            "same_point": campaign_figures(previous, language, until=same_point).total,
            "days": so_far,
            "whole": so_far >= previous.days,
        }
    listing = figures.listing
    context = {
        "campaign": campaign,
        "today": today,
        "figures": figures,
        "organisations": figures.distinct("organisation"),
        "timeline": {"rows": days, "chart": chart},
        "sectors": section(listing, figures, "sector", _("New deeds by sector"), language),
        "ranking": [
            (place, municipality_deeds_url(place.key, campaign, today))
            for place in municipality_ranking(campaign.starts_on, min(campaign.ends_on, today))[
                :RANKING_ON_CAMPAIGN
            ]
        ],
        "comparison": comparison,
    }
    return render(request, "recognition/campaign_detail.html", context)


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


def deed_card(request, pk):
    deed = get_object_or_404(Deed.objects.published().select_related("organisation"), pk=pk)
    return card_response(deed.title, deed.organisation.name)


def campaign_card(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    total = campaign_figures(campaign, get_language()).total
    subtitle = ngettext("%(count)d new deed", "%(count)d new deeds", total) % {"count": total}
    return card_response(in_language(campaign, "name"), subtitle)


def awarded_card(request, year):
    gala = get_object_or_404(Gala.objects.results_public(), year=year)
    total = Award.objects.public().filter(category__gala=gala).count()
    subtitle = ngettext("%(count)d awarded deed", "%(count)d awarded deeds", total) % {
        "count": total
    }
    return card_response(_("Awarded deeds %(year)s") % {"year": year}, subtitle)

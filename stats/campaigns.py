"""Campaign pages: a campaign's live figures for everyone, in full for staff with its
"most inventive municipality" result frozen and published from the same place, and its
share card. Counted from the catalogue like the statistics page, so they live here;
the campaigns themselves and the rankings' rules are ``recognition``'s."""

import datetime as dt

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from catalogue.listing import parse_listing
from core import charts
from core.cards import card_response
from recognition.forms import FreezeResultForm
from recognition.models import MAX_CAMPAIGN_DAYS, Campaign, MunicipalityRanking, in_language
from recognition.rankings import municipality_ranking
from recognition.services import TRANSLATIONS, RankingError, ranking_freeze, ranking_publish

from .figures import Figures, Row
from .sections import section

RANKING_ON_CAMPAIGN = 10


def campaign_last_day(campaign):
    """The campaign's last day, at most MAX_CAMPAIGN_DAYS from its first: the admin
    refuses longer campaigns, and a row stored before that rule costs no more."""
    return min(campaign.ends_on, campaign.starts_on + dt.timedelta(days=MAX_CAMPAIGN_DAYS - 1))


def campaign_figures(campaign, language, *, until=None):
    """The campaign's published deeds as stats Figures (up to ``until``, if given)."""
    listing = parse_listing(QueryDict())
    # Set, not parsed: the dates are the staff's, and before the campaign starts this
    # is an empty window (the day before its first), which the list's parameters refuse.
    listing.start, listing.end = campaign.starts_on, campaign_last_day(campaign)
    if until is not None and until < listing.end:
        listing.end = max(until, campaign.starts_on - dt.timedelta(days=1))
    return Figures.of(listing, language)


def campaign_days_to_come(campaign, today):
    first = max(campaign.starts_on, today + dt.timedelta(days=1))
    last = campaign_last_day(campaign)
    return [
        Row(day.isoformat(), date_format(day, "j.n."), 0)
        for day in (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
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
    return render(request, "stats/campaign_list.html", {"campaigns": campaigns, "today": today})


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
    return render(request, "stats/campaign_detail.html", context)


def campaign_card(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    total = campaign_figures(campaign, get_language()).total
    subtitle = ngettext("%(count)d new deed", "%(count)d new deeds", total) % {"count": total}
    return card_response(in_language(campaign, "name"), subtitle)


# The campaign's page for staff: its figures in full, and its "most inventive
# municipality" result frozen and published from the same place.

ORGANISATIONS_FOR_STAFF = 30


def campaign_staff_context(campaign, form=None):
    language = get_language()
    today = timezone.localdate()
    figures = campaign_figures(campaign, language, until=today)
    until = min(campaign.ends_on, today)
    ranking = municipality_ranking(campaign.starts_on, until) if campaign.has_started(today) else []
    return {
        "campaign": campaign,
        "figures": figures,
        "organisations": figures.distinct("organisation"),
        "municipalities": figures.distinct("municipality"),
        "days": campaign.days_so_far(today),
        "leaders": figures.rows("organisation", language)[:ORGANISATIONS_FOR_STAFF],
        "ranking": [(p, municipality_deeds_url(p.key, campaign, today)) for p in ranking],
        "results": MunicipalityRanking.objects.filter(campaign=campaign),
        "form": form or FreezeResultForm(initial={"title": campaign.name}),
        "list_url": reverse("deeds:list") + figures.listing.query_string(page=None),
    }


@staff_member_required
def campaign_staff(request, slug):
    campaign = get_object_or_404(Campaign, slug=slug)
    if request.method != "POST":
        return render(request, "stats/campaign_staff.html", campaign_staff_context(campaign))
    form = FreezeResultForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        ranking_freeze(
            title=data["title"],
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
            rule=data["rule"],
            campaign=campaign,
            text=data["text"],
            translations={name: data[name] for name in TRANSLATIONS},
            actor=request.user,
        )
        messages.success(request, _("The result was frozen as it stands now."))
        return redirect("campaigns:staff", slug=slug)
    context = campaign_staff_context(campaign, form)
    return render(request, "stats/campaign_staff.html", context, status=400)


@staff_member_required
@require_POST
def result_publish(request, slug, pk):
    ranking = get_object_or_404(MunicipalityRanking, pk=pk, campaign__slug=slug)
    try:
        ranking_publish(ranking, actor=request.user)
    except RankingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The result is on the public page."))
    return redirect("campaigns:staff", slug=slug)

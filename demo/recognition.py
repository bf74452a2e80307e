"""The programme's campaign history for the demo: the campaigns of 2021–2025 and the
published "most inventive municipality" results of 2021 and 2022, computed from the
demo deeds (demo/plan.py makes those counts exact at the default size)."""

import datetime as dt

from django.utils import timezone

from deeds.models import Deed
from recognition.awards import CategoryKind, Gala
from recognition.highlights import Highlight, monday_of
from recognition.models import Campaign, MunicipalityRanking, RankingRule
from recognition.rankings import municipality_ranking
from recognition.services import (
    award_decide,
    campaign_change,
    campaign_create,
    category_add,
    gala_create,
    gala_schedule,
    highlight_cancel,
    highlight_schedule,
    honourable_mention_add,
    ranking_freeze,
    ranking_publish,
    shortlist_add,
)
from taxonomy.models import Sector

CAMPAIGNS = [
    ("Syyskampanja 2021", "syyskampanja-2021", dt.date(2021, 9, 1), dt.date(2021, 9, 30), 150),
    (
        "Syys–lokakuun kampanja 2022",
        "kampanja-2022",
        dt.date(2022, 9, 1),
        dt.date(2022, 10, 31),
        200,
    ),
    ("Syyskampanja 2023", "syyskampanja-2023", dt.date(2023, 9, 1), dt.date(2023, 9, 30), 150),
    ("Syyskampanja 2024", "syyskampanja-2024", dt.date(2024, 9, 1), dt.date(2024, 9, 30), 150),
    ("Syyskampanja 2025", "syyskampanja-2025", dt.date(2025, 9, 1), dt.date(2025, 9, 30), 150),
]
RESULTS = {
    "syyskampanja-2021": "Kekseliäin kunta 2021",
    "kampanja-2022": "Kekseliäin kunta 2022",
}
DESCRIPTION = (
    "Kerro, miten teidän työpaikallanne on kehitetty työtä. Kampanjan aikana eniten "
    "tekoja jakanut kunta on Suomen kekseliäin kunta."
)
DESCRIPTION_SV = (
    "Berätta hur arbetet har utvecklats på er arbetsplats. Den kommun som delar flest "
    "insatser under kampanjen är Finlands mest innovativa kommun."
)
DESCRIPTION_EN = (
    "Tell how work has been developed at your workplace. The municipality that shares "
    "the most deeds during the campaign is Finland's most inventive municipality."
)


def campaign_name(name, language):
    """The demo campaigns' Finnish names in Swedish or English."""
    year = name.split()[-1]
    if "lokakuun" in name:
        return {
            "sv": f"Kampanjen september–oktober {year}",
            "en": f"September–October campaign {year}",
        }[language]
    return {"sv": f"Höstkampanjen {year}", "en": f"Autumn campaign {year}"}[language]


def seed_recognition():
    """Create (or refresh) the demo campaigns and results; safe to run again."""
    campaigns = {}
    for name, slug, starts_on, ends_on, target in CAMPAIGNS:
        fields = {
            "name": name,
            "name_sv": campaign_name(name, "sv"),
            "name_en": campaign_name(name, "en"),
            "description": DESCRIPTION,
            "description_sv": DESCRIPTION_SV,
            "description_en": DESCRIPTION_EN,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "target": target,
        }
        existing = Campaign.objects.filter(slug=slug).first()
        if existing:  # seeded before: brought back to the demo's values
            campaigns[slug] = campaign_change(existing, actor=None, **fields)
        else:
            campaigns[slug] = campaign_create(slug=slug, actor=None, **fields)
    # Frozen results have no removal service (staff never remove one); the demo's own
    # are cleared here so that running the seeding again freezes them afresh.
    MunicipalityRanking.objects.filter(title__in=RESULTS.values()).delete()
    for slug, title in RESULTS.items():
        campaign = campaigns[slug]
        # The texts name the winner, so the ranking is read once before it is frozen:
        # the services then write the whole result, texts included.
        places = municipality_ranking(campaign.starts_on, campaign.ends_on, RankingRule.HOME)
        winner = next((p for p in places if p.place == 1), None)
        texts = {}
        if winner:
            texts = {
                "fi": f"{winner.name} jakoi kampanjan aikana {winner.count} "
                f"kehittämistekoa ja on vuoden {campaign.ends_on.year} kekseliäin kunta.",
                "sv": f"{winner.name} delade {winner.count} utvecklingsinsatser "
                f"under kampanjen och är årets mest innovativa kommun {campaign.ends_on.year}.",
            }
        ranking = ranking_freeze(
            title=title,
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
            rule=RankingRule.HOME,
            campaign=campaign,
            actor=None,
            translations={
                "title_sv": f"Den mest innovativa kommunen {campaign.ends_on.year}",
                "title_en": f"The most inventive municipality {campaign.ends_on.year}",
                **({"text_sv": texts["sv"]} if texts else {}),
            },
        )
        if texts:
            ranking_publish(ranking, actor=None, text=texts["fi"])
    seed_galas()
    seed_highlights()
    return campaigns


GALA_YEARS = (2023, 2024, 2025)
AWARDS_PER_GALA = 48


def gala_years():
    """The past galas' years and this year's (whose gala is a week ahead)."""
    return sorted({*GALA_YEARS, timezone.localdate().year})


def clear_galas():
    """The demo's galas go before its deeds do (an awarded deed cannot be deleted).
    Directly: no service removes a gala, whose results staff never take back."""
    Gala.objects.filter(year__in=gala_years()).delete()


def gala_start(day):
    return dt.datetime.combine(day, dt.time(18), tzinfo=timezone.get_default_timezone())


def seed_galas():
    """Galas of recent years, each awarding about 48 of its year's published deeds in a
    category per sector plus a special award, with honourable mentions; the choice is
    fixed (every n-th deed by id), so the demo is the same on every run.

    This year's gala is a week from the seeding day, its awards decided but under
    embargo until its start, so a fresh demo shows the embargo at work."""
    clear_galas()
    sectors = list(Sector.objects.active().order_by("position"))
    today = timezone.localdate()
    for year in gala_years():
        day = today + dt.timedelta(weeks=1) if year == today.year else dt.date(year, 11, 20)
        starts = gala_start(day)
        # A past gala is recorded with its results public from its start (gala_create
        # takes a past moment for a gala already held); a future one is scheduled for
        # its start through gala_schedule, as staff would.
        gala = gala_create(
            year=year,
            name=f"Tekojen tori -gaala {year}",
            name_sv=f"Tekojen tori-galan {year}",
            name_en=f"Tekojen tori gala {year}",
            date=day,
            place="Helsinki",
            results_public_at=starts if starts <= timezone.now() else None,
            actor=None,
        )
        categories = {
            sector.pk: category_add(
                gala,
                name=sector.name_fi,
                name_sv=sector.name_sv,
                name_en=sector.name_en,
                kind=CategoryKind.SECTOR,
                sector=sector,
                position=position,
                actor=None,
            )
            for position, sector in enumerate(sectors)
        }
        special = category_add(
            gala,
            name="Vuoden innostavin teko",
            name_sv="Årets mest inspirerande insats",
            name_en="The most inspiring deed of the year",
            kind=CategoryKind.SPECIAL,
            position=len(sectors),
            actor=None,
        )
        deeds = list(
            Deed.objects.published()
            .filter(published_at__year=year)
            .select_related("organisation")
            .prefetch_related("sectors")
            .order_by("pk")
        )
        step = max(1, len(deeds) // AWARDS_PER_GALA)
        chosen = deeds[::step][:AWARDS_PER_GALA]
        for deed in chosen:
            first = next(iter(deed.sectors.all()), None)
            category = categories.get(first.pk if first else None, special)
            # The jury's way: shortlisted (with a private note) first, then awarded.
            shortlist_add(category, deed, jury_notes="Tuomariston muistiinpano.", actor=None)
            award_decide(category, deed, actor=None)
        organisations = {deed.organisation_id: deed.organisation for deed in chosen}
        for organisation in list(organisations.values())[:3]:
            honourable_mention_add(
                gala,
                organisation,
                text="Laaja ja näkyvä kehittämistyö koko organisaatiossa.",
                text_sv="Omfattande och synligt utvecklingsarbete i hela organisationen.",
                text_en="Broad and visible development work across the organisation.",
                actor=None,
            )
        if gala.results_public_at is None:
            gala_schedule(gala, at=starts, actor=None)


def seed_highlights(weeks=12, per_week=2):
    """Two highlighted deeds a week for the last twelve weeks and this one."""
    this_week = monday_of(timezone.localdate())
    for highlight in Highlight.objects.filter(week__gte=this_week - dt.timedelta(weeks=weeks)):
        highlight_cancel(highlight, actor=None)
    deeds = list(Deed.objects.published().order_by("-published_at", "pk")[: (weeks + 1) * per_week])
    for index, deed in enumerate(deeds):
        highlight_schedule(
            deed,
            actor=None,
            week=this_week - dt.timedelta(weeks=index // per_week),
            position=index % per_week,
            note="Viikon nosto: hyvä esimerkki arjen kehittämisestä.",
            note_sv="Veckans lyft: ett bra exempel på utveckling i vardagen.",
            note_en="Highlight of the week: a good example of everyday development.",
        )

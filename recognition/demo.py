"""The programme's campaign history for the demo: the campaigns of 2021–2025 and the
published "most inventive municipality" results of 2021 and 2022, computed from the
demo deeds (deeds/demo/plan.py makes those counts exact at the default size)."""

import datetime as dt

from .models import Campaign, MunicipalityRanking, RankingRule
from .services import ranking_freeze, ranking_publish

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


def seed_recognition():
    """Create (or refresh) the demo campaigns and results; safe to run again."""
    campaigns = {}
    for name, slug, starts_on, ends_on, target in CAMPAIGNS:
        campaigns[slug], _ = Campaign.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": DESCRIPTION,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "target": target,
            },
        )
    MunicipalityRanking.objects.filter(title__in=RESULTS.values()).delete()
    for slug, title in RESULTS.items():
        campaign = campaigns[slug]
        ranking = ranking_freeze(
            title=title,
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
            rule=RankingRule.HOME,
            campaign=campaign,
            actor=None,
        )
        winner = ranking.winners[0] if ranking.winners else None
        if winner:
            text = (
                f"{winner['municipality']} jakoi kampanjan aikana {winner['count']} "
                f"kehittämistekoa ja on vuoden {campaign.ends_on.year} kekseliäin kunta."
            )
            ranking_publish(ranking, actor=None, text=text)
    return campaigns

"""Every state change of recognition (STYLE.md: ``<noun>_<verb>``): each runs in one
transaction, checks the state (an existing row read again under a lock) and writes an
audit entry; a refusal is a RecognitionError with a translated message. Rankings and
campaigns are here; galas and their categories in gala_services.py, the jury's
shortlist, awards and mentions in jury_services.py, highlights in
highlight_services.py, all imported from here. The admin, the staff pages and the demo
call these, never the models' save() or delete().
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .gala_services import (
    CATEGORY_FIELDS,
    GALA_FIELDS,
    category_add,
    category_change,
    category_remove,
    gala_change,
    gala_create,
    gala_publish,
    gala_schedule,
)
from .highlight_services import (
    HIGHLIGHT_FIELDS,
    highlight_cancel,
    highlight_change,
    highlight_schedule,
)
from .jury_services import (
    MENTION_FIELDS,
    award_decide,
    award_door_set,
    award_withdraw,
    honourable_mention_add,
    honourable_mention_change,
    honourable_mention_remove,
    shortlist_add,
    shortlist_change,
    shortlist_remove,
)
from .models import Campaign, MunicipalityRanking
from .rankings import municipality_ranking
from .service_common import (
    CampaignError,
    GalaError,
    HighlightError,
    RankingError,
    RecognitionError,
    apply_changes,
    locked,
)

__all__ = [
    "CAMPAIGN_FIELDS",
    "CATEGORY_FIELDS",
    "GALA_FIELDS",
    "HIGHLIGHT_FIELDS",
    "MENTION_FIELDS",
    "RANKING_FIELDS",
    "TRANSLATIONS",
    "CampaignError",
    "GalaError",
    "HighlightError",
    "RankingError",
    "RecognitionError",
    "award_decide",
    "award_door_set",
    "award_withdraw",
    "campaign_change",
    "campaign_create",
    "category_add",
    "category_change",
    "category_remove",
    "gala_change",
    "gala_create",
    "gala_publish",
    "gala_schedule",
    "highlight_cancel",
    "highlight_change",
    "highlight_schedule",
    "honourable_mention_add",
    "honourable_mention_change",
    "honourable_mention_remove",
    "ranking_change",
    "ranking_freeze",
    "ranking_publish",
    "ranking_unpublish",
    "shortlist_add",
    "shortlist_change",
    "shortlist_remove",
]

TRANSLATIONS = ("title_sv", "title_en", "text_sv", "text_en")
# What staff may change of a frozen result: its words, not its period, rule or rows.
RANKING_FIELDS = ("title", "title_sv", "title_en", "year", "text", "text_sv", "text_en")


@transaction.atomic
def ranking_freeze(
    *, title, starts_on, ends_on, rule, actor, campaign=None, text="", translations=None
):
    """Compute the ranking now and keep it as it stands: later changes to deeds (a late
    edit, an unpublished deed) do not move a result already announced.
    ``translations``: the title's and the text's Swedish and English (TRANSLATIONS)."""
    translations = {k: v for k, v in (translations or {}).items() if k in TRANSLATIONS}
    if ends_on < starts_on:
        raise RankingError(_("The period ends before it starts."))
    rows = [
        {"place": p.place, "municipality": p.name, "code": p.key, "count": p.count}
        for p in municipality_ranking(starts_on, ends_on, rule)
    ]
    ranking = MunicipalityRanking.objects.create(
        title=title,
        year=ends_on.year,
        campaign=campaign,
        starts_on=starts_on,
        ends_on=ends_on,
        rule=rule,
        rows=rows,
        text=text,
        **translations,
        frozen_by=actor if actor and actor.is_authenticated else None,
    )
    ranking.log_action(
        "ranking.frozen", actor=actor, data={"winners": [r["code"] for r in ranking.winners]}
    )
    return ranking


@transaction.atomic
def ranking_publish(ranking, *, actor, text=None):
    ranking = locked(MunicipalityRanking, ranking)
    if text is not None:
        ranking.text = text
    if not ranking.text.strip():
        raise RankingError(_("Write a short text for the public page first."))
    ranking.published_at = ranking.published_at or timezone.now()
    ranking.save(update_fields=["text", "published_at"])
    ranking.log_action("ranking.published", actor=actor)
    return ranking


@transaction.atomic
def ranking_unpublish(ranking, *, actor):
    ranking = locked(MunicipalityRanking, ranking)
    ranking.published_at = None
    ranking.save(update_fields=["published_at"])
    ranking.log_action("ranking.unpublished", actor=actor)
    return ranking


@transaction.atomic
def ranking_change(ranking, *, actor, **changes):
    """A frozen result's title, year and texts (RANKING_FIELDS). A published one keeps a
    text for its public page, as ranking_publish requires."""
    ranking = locked(MunicipalityRanking, ranking, RankingError)
    changed = apply_changes(ranking, RANKING_FIELDS, changes)
    if ranking.published_at and not ranking.text.strip():
        raise RankingError(_("Write a short text for the public page first."))
    if changed:
        ranking.save(update_fields=changed)
        ranking.log_action("ranking.changed", actor=actor, data={"fields": changed})
    return ranking


CAMPAIGN_FIELDS = (
    "name",
    "name_sv",
    "name_en",
    "slug",
    "description",
    "description_sv",
    "description_en",
    "starts_on",
    "ends_on",
    "target",
)


def _check_campaign(campaign):
    if campaign.ends_on < campaign.starts_on:
        raise CampaignError(_("The period ends before it starts."))
    if Campaign.objects.filter(slug=campaign.slug).exclude(pk=campaign.pk).exists():
        raise CampaignError(_("Another campaign already has this address name."))


@transaction.atomic
def campaign_create(*, name, slug, starts_on, ends_on, actor, **details):
    """``details``: the other CAMPAIGN_FIELDS (names and descriptions in Swedish and
    English, the target)."""
    campaign = Campaign(name=name, slug=slug, starts_on=starts_on, ends_on=ends_on)
    apply_changes(campaign, CAMPAIGN_FIELDS, details)
    _check_campaign(campaign)
    campaign.save()
    campaign.log_action("campaign.created", actor=actor)
    return campaign


@transaction.atomic
def campaign_change(campaign, *, actor, **changes):
    """Its dates too: results already frozen keep the period they were frozen for."""
    campaign = locked(Campaign, campaign, CampaignError)
    changed = apply_changes(campaign, CAMPAIGN_FIELDS, changes)
    _check_campaign(campaign)
    if changed:
        campaign.save(update_fields=changed)
        campaign.log_action("campaign.changed", actor=actor, data={"fields": changed})
    return campaign

"""State changes of rankings (STYLE.md: ``<noun>_<verb>``)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MunicipalityRanking
from .rankings import municipality_ranking


class RankingError(Exception):
    pass


@transaction.atomic
def ranking_freeze(*, title, starts_on, ends_on, rule, actor, campaign=None, text=""):
    """Compute the ranking now and keep it as it stands: later changes to deeds (a late
    edit, an unpublished deed) do not move a result already announced."""
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
        frozen_by=actor if actor and actor.is_authenticated else None,
    )
    ranking.log_action(
        "ranking.frozen", actor=actor, data={"winners": [r["code"] for r in ranking.winners]}
    )
    return ranking


@transaction.atomic
def ranking_publish(ranking, *, actor, text=None):
    ranking = MunicipalityRanking.objects.select_for_update().get(pk=ranking.pk)
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
    ranking = MunicipalityRanking.objects.select_for_update().get(pk=ranking.pk)
    ranking.published_at = None
    ranking.save(update_fields=["published_at"])
    ranking.log_action("ranking.unpublished", actor=actor)
    return ranking

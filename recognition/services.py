"""State changes of rankings (STYLE.md: ``<noun>_<verb>``)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MunicipalityRanking
from .rankings import municipality_ranking


class RankingError(Exception):
    pass


TRANSLATIONS = ("title_sv", "title_en", "text_sv", "text_en")


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


class GalaError(Exception):
    pass


@transaction.atomic
def gala_publish(gala, *, actor):
    """Publish a gala's results now: its awards and honourable mentions become public
    everywhere (the awarded pages, badges, the list filter, the API, the calendar)."""
    from .awards import Award, Gala

    gala = Gala.objects.select_for_update().get(pk=gala.pk)
    if gala.results_are_public():
        raise GalaError(_("The results of this gala are already public."))
    if not Award.objects.filter(category__gala=gala).exists():
        raise GalaError(_("Decide the awards first: this gala has none."))
    scheduled = gala.results_public_at
    gala.results_public_at = timezone.now()
    gala.save(update_fields=["results_public_at"])
    gala.log_action(
        "gala.published",
        actor=actor,
        data={"scheduled": scheduled.isoformat() if scheduled else None},
    )
    return gala


@transaction.atomic
def gala_schedule(gala, *, at, actor):
    """Set (or clear, with ``at=None``) the moment the results become public by
    themselves, e.g. the gala's start. Results already out stay out: taking them back
    would not unsay what was announced, so that is refused."""
    from .awards import Gala

    gala = Gala.objects.select_for_update().get(pk=gala.pk)
    if gala.results_are_public():
        raise GalaError(_("The results of this gala are already public."))
    if at is not None and at <= timezone.now():
        raise GalaError(_("Choose a moment in the future, or publish the results now."))
    gala.results_public_at = at
    gala.save(update_fields=["results_public_at"])
    gala.log_action("gala.scheduled", actor=actor, data={"at": at.isoformat() if at else None})
    return gala

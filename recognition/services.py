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


# The gala's steps: categories -> shortlist (private jury notes) -> awards and honourable
# mentions -> certificates -> publish. The staff's gala page and the admin both call these.


@transaction.atomic
def category_add(
    gala, *, name, kind, actor, name_sv="", name_en="", position=None, sector=None, theme=None
):
    """``sector`` or ``theme``: the term a sector or theme category is for."""
    from .awards import AwardCategory

    if not name.strip():
        raise GalaError(_("Give the category a name."))
    if position is None:
        position = gala.categories.count()
    category = AwardCategory.objects.create(
        gala=gala,
        name=name,
        name_sv=name_sv,
        name_en=name_en,
        kind=kind,
        position=position,
        sector=sector,
        theme=theme,
    )
    gala.log_action("gala.category_added", actor=actor, data={"category": category.pk})
    return category


@transaction.atomic
def shortlist_add(category, deed, *, actor, jury_notes=""):
    """Put a deed on a category's shortlist; the notes are the jury's and never public."""
    from .awards import Shortlisting

    if deed.status != "published":
        raise GalaError(_("Only published deeds can be shortlisted."))
    if category.shortlist.filter(deed=deed).exists():
        raise GalaError(_("The deed is already on this category's shortlist."))
    shortlisting = Shortlisting.objects.create(
        category=category,
        deed=deed,
        jury_notes=jury_notes,
        added_by=actor if actor and actor.is_authenticated else None,
    )
    category.gala.log_action(
        "gala.shortlisted", actor=actor, data={"category": category.pk, "deed": deed.pk}
    )
    return shortlisting


@transaction.atomic
def award_decide(category, deed, *, actor):
    """The jury decides among the shortlist: an award goes to a shortlisted, published
    deed, once per category."""
    from .awards import Award

    if deed.status != "published":
        raise GalaError(_("Only published deeds can be awarded."))
    if not category.shortlist.filter(deed=deed).exists():
        raise GalaError(_("Shortlist the deed in this category first."))
    if category.awards.filter(deed=deed).exists():
        raise GalaError(_("The deed already has this award."))
    award = Award.objects.create(category=category, deed=deed)
    award.log_action("award.decided", actor=actor, data={"deed": deed.pk})
    return award


@transaction.atomic
def honourable_mention_add(gala, organisation, *, actor, unit="", text="", text_sv="", text_en=""):
    from .awards import HonourableMention

    mention = HonourableMention.objects.create(
        gala=gala, organisation=organisation, unit=unit, text=text, text_sv=text_sv, text_en=text_en
    )
    mention.log_action("mention.added", actor=actor, data={"organisation": organisation.pk})
    return mention

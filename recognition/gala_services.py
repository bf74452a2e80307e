"""State changes of a gala and its award categories (imported through services.py).

The gala's steps: categories -> shortlist (private jury notes) -> awards and honourable
mentions (jury_services.py) -> certificates -> publish. The staff's gala page, the
admin and the demo all call these.

Embargo: results already public stay public. Taking them back would not unsay what was
announced, so a new moment for them, and withdrawing what they announced (an award, a
mention, a category with awards), is refused once they are out.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .awards import Award, AwardCategory, Gala
from .service_common import GalaError, apply_changes, locked

GALA_FIELDS = ("year", "name", "name_sv", "name_en", "date", "place", "stream_url")
CATEGORY_FIELDS = ("name", "name_sv", "name_en", "kind", "sector", "theme", "position")


def _check_year(gala):
    if Gala.objects.filter(year=gala.year).exclude(pk=gala.pk).exists():
        raise GalaError(_("There is already a gala in %(year)s.") % {"year": gala.year})


@transaction.atomic
def gala_create(
    *,
    year,
    name,
    date,
    actor,
    name_sv="",
    name_en="",
    place="",
    stream_url="",
    results_public_at=None,
):
    """A gala whose results are under embargo until ``results_public_at`` (a moment to
    come; None: until gala_publish). A gala already held may be recorded with the moment
    its results went public, e.g. the programme's past galas (the demo's)."""
    gala = Gala(
        year=year,
        name=name,
        name_sv=name_sv,
        name_en=name_en,
        date=date,
        place=place,
        stream_url=stream_url,
        results_public_at=results_public_at,
    )
    _check_year(gala)
    past = results_public_at is not None and results_public_at <= timezone.now()
    if past and date >= timezone.localdate():
        raise GalaError(_("Choose a moment in the future, or publish the results now."))
    gala.save()
    gala.log_action(
        "gala.created",
        actor=actor,
        data={"results_public_at": results_public_at.isoformat() if results_public_at else None},
    )
    return gala


@transaction.atomic
def gala_change(gala, *, actor, **changes):
    """The gala's own details (GALA_FIELDS); the moment of its results changes only
    through gala_schedule and gala_publish."""
    gala = locked(Gala, gala)
    changed = apply_changes(gala, GALA_FIELDS, changes)
    _check_year(gala)
    if changed:
        gala.save(update_fields=changed)
        gala.log_action("gala.changed", actor=actor, data={"fields": changed})
    return gala


@transaction.atomic
def gala_publish(gala, *, actor):
    """Publish a gala's results now: its awards and honourable mentions become public
    everywhere (the awarded pages, badges, the list filter, the API, the calendar)."""
    gala = locked(Gala, gala)
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
    themselves, e.g. the gala's start. Results already out stay out (see above)."""
    gala = locked(Gala, gala)
    if gala.results_are_public():
        raise GalaError(_("The results of this gala are already public."))
    if at is not None and at <= timezone.now():
        raise GalaError(_("Choose a moment in the future, or publish the results now."))
    gala.results_public_at = at
    gala.save(update_fields=["results_public_at"])
    gala.log_action("gala.scheduled", actor=actor, data={"at": at.isoformat() if at else None})
    return gala


def refuse_once_public(gala_id):
    """Lock the gala (a publication waits for the change, and the other way round) and
    refuse if its results are out: what was announced is not withdrawn."""
    gala = Gala.objects.select_for_update().get(pk=gala_id)
    if gala.results_are_public():
        raise GalaError(
            _(
                "The results of this gala are already public, and what was announced "
                "stays. To take a deed off the public pages, unpublish the deed."
            )
        )
    return gala


@transaction.atomic
def category_add(
    gala, *, name, kind, actor, name_sv="", name_en="", position=None, sector=None, theme=None
):
    """``sector`` or ``theme``: the term a sector or theme category is for."""
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
def category_change(category, *, actor, **changes):
    """Its names, kind, term and position (CATEGORY_FIELDS); a category stays at its
    gala."""
    category = locked(AwardCategory, category, GalaError)
    changed = apply_changes(category, CATEGORY_FIELDS, changes)
    if not category.name.strip():
        raise GalaError(_("Give the category a name."))
    if changed:
        category.save(update_fields=changed)
        category.gala.log_action(
            "gala.category_changed", actor=actor, data={"category": category.pk, "fields": changed}
        )
    return category


@transaction.atomic
def category_remove(category, *, actor):
    """Refused while the category has awards: removing it would withdraw them unseen
    (award_withdraw first, with its rules). Its shortlist goes with it, named in the
    audit entry."""
    category = locked(AwardCategory, category, GalaError)
    if category.awards.exists():
        raise GalaError(_("Withdraw the category's awards first."))
    gala = category.gala
    data = {
        "category": category.pk,
        "name": category.name,
        "shortlisted": sorted(category.shortlist.values_list("deed_id", flat=True)),
    }
    category.delete()
    gala.log_action("gala.category_removed", actor=actor, data=data)

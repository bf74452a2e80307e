"""Weekly highlights (imported through services.py): staff schedule a published deed
for a week; any day of the week means that week (its Monday is kept), and a deed is
highlighted at most once a week."""

from django.db import transaction
from django.utils.translation import gettext as _

from deeds.models import Deed

from .highlights import Highlight, monday_of
from .service_common import HighlightError, apply_changes, locked

HIGHLIGHT_FIELDS = ("deed", "week", "note", "note_sv", "note_en", "position")


def _check_deed(deed):
    # Locked, so that the deed is published when the highlight is saved.
    status = Deed.objects.select_for_update().values_list("status", flat=True).get(pk=deed.pk)
    if status != "published":
        raise HighlightError(_("Only published deeds can be highlighted."))


def _check_week(highlight):
    twice = Highlight.objects.filter(deed_id=highlight.deed_id, week=highlight.week)
    if twice.exclude(pk=highlight.pk).exists():
        raise HighlightError(_("The deed is already highlighted that week."))


def _about(highlight):
    return {"deed": highlight.deed_id, "week": highlight.week.isoformat()}


@transaction.atomic
def highlight_schedule(deed, *, week, actor, note="", note_sv="", note_en="", position=0):
    """``note``…``note_en``: why this deed, shown with it."""
    _check_deed(deed)
    highlight = Highlight(
        deed=deed,
        week=monday_of(week),
        note=note,
        note_sv=note_sv,
        note_en=note_en,
        position=position,
    )
    _check_week(highlight)
    highlight.save()
    highlight.log_action("highlight.scheduled", actor=actor, data=_about(highlight))
    return highlight


@transaction.atomic
def highlight_change(highlight, *, actor, **changes):
    """Its deed, week, notes or position (HIGHLIGHT_FIELDS). A highlight whose deed was
    unpublished later keeps it (its notes can still be corrected); a new deed must be
    published."""
    highlight = locked(Highlight, highlight, HighlightError)
    if "week" in changes:
        changes["week"] = monday_of(changes["week"])
    changed = apply_changes(highlight, HIGHLIGHT_FIELDS, changes)
    if "deed" in changed:
        _check_deed(highlight.deed)
    _check_week(highlight)
    if changed:
        highlight.save(update_fields=changed)
        highlight.log_action(
            "highlight.changed", actor=actor, data={**_about(highlight), "fields": changed}
        )
    return highlight


@transaction.atomic
def highlight_cancel(highlight, *, actor):
    highlight = locked(Highlight, highlight, HighlightError)
    highlight.log_action("highlight.cancelled", actor=actor, data=_about(highlight))
    highlight.delete()

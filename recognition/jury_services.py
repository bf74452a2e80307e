"""The jury's decisions (imported through services.py): the shortlist with its private
notes, the awards and their advent calendar doors, and honourable mentions. Once the
gala's results are public, nothing they announced is withdrawn (gala_services.py)."""

from django.db import transaction
from django.utils.translation import gettext as _

from .awards import Award, HonourableMention, Shortlisting
from .calendar import DOORS
from .gala_services import refuse_once_public
from .service_common import GalaError, apply_changes, locked

MENTION_FIELDS = ("organisation", "unit", "text", "text_sv", "text_en")


@transaction.atomic
def shortlist_add(category, deed, *, actor, jury_notes=""):
    """Put a deed on a category's shortlist; the notes are the jury's and never public."""
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


def _about(shortlisting):
    return {"category": shortlisting.category_id, "deed": shortlisting.deed_id}


@transaction.atomic
def shortlist_change(shortlisting, *, jury_notes, actor):
    """The jury's notes; the audit entry says that they changed, not what they say."""
    shortlisting = locked(Shortlisting, shortlisting, GalaError)
    if shortlisting.jury_notes != jury_notes:
        shortlisting.jury_notes = jury_notes
        shortlisting.save(update_fields=["jury_notes"])
        shortlisting.category.gala.log_action(
            "gala.shortlist_changed", actor=actor, data=_about(shortlisting)
        )
    return shortlisting


@transaction.atomic
def shortlist_remove(shortlisting, *, actor):
    """Refused while the deed has the category's award: an award is for a shortlisted
    deed (award_decide, Award.clean), so the award is withdrawn first."""
    shortlisting = locked(Shortlisting, shortlisting, GalaError)
    if Award.objects.filter(
        category_id=shortlisting.category_id, deed_id=shortlisting.deed_id
    ).exists():
        raise GalaError(_("Withdraw the deed's award in this category first."))
    gala, data = shortlisting.category.gala, _about(shortlisting)
    shortlisting.delete()
    gala.log_action("gala.shortlist_removed", actor=actor, data=data)


def _check_door(door):
    if door is not None and not 1 <= door <= DOORS:
        raise GalaError(_("Choose a door from 1 to %(last)s.") % {"last": DOORS})


@transaction.atomic
def award_decide(category, deed, *, actor, door=None):
    """The jury decides among the shortlist: an award goes to a shortlisted, published
    deed, once per category. ``door``: its advent calendar door, if staff choose one."""
    if deed.status != "published":
        raise GalaError(_("Only published deeds can be awarded."))
    if not category.shortlist.filter(deed=deed).exists():
        raise GalaError(_("Shortlist the deed in this category first."))
    if category.awards.filter(deed=deed).exists():
        raise GalaError(_("The deed already has this award."))
    _check_door(door)
    award = Award.objects.create(category=category, deed=deed, door=door)
    data = {"deed": deed.pk} if door is None else {"deed": deed.pk, "door": door}
    award.log_action("award.decided", actor=actor, data=data)
    return award


@transaction.atomic
def award_door_set(award, *, door, actor):
    """The advent calendar door (1–24) of an award, or None: after the numbered ones,
    in the order the awards were decided (calendar.door_awards)."""
    award = locked(Award, award, GalaError)
    _check_door(door)
    if award.door != door:
        previous, award.door = award.door, door
        award.save(update_fields=["door"])
        award.log_action("award.door_set", actor=actor, data={"door": door, "previous": previous})
    return award


@transaction.atomic
def award_withdraw(award, *, actor):
    """The jury changes its mind before the results are out; after that the award stays
    (refuse_once_public)."""
    award = locked(Award, award, GalaError)
    refuse_once_public(award.category.gala_id)
    award.log_action(
        "award.withdrawn", actor=actor, data={"category": award.category_id, "deed": award.deed_id}
    )
    award.delete()


@transaction.atomic
def honourable_mention_add(gala, organisation, *, actor, unit="", text="", text_sv="", text_en=""):
    mention = HonourableMention.objects.create(
        gala=gala, organisation=organisation, unit=unit, text=text, text_sv=text_sv, text_en=text_en
    )
    mention.log_action("mention.added", actor=actor, data={"organisation": organisation.pk})
    return mention


@transaction.atomic
def honourable_mention_change(mention, *, actor, **changes):
    """Its unit and grounds (MENTION_FIELDS) can be corrected at any time; whom it
    mentions only while the results are under embargo."""
    mention = locked(HonourableMention, mention, GalaError)
    changed = apply_changes(mention, MENTION_FIELDS, changes)
    if "organisation" in changed:
        refuse_once_public(mention.gala_id)
    if changed:
        mention.save(update_fields=changed)
        mention.log_action("mention.changed", actor=actor, data={"fields": changed})
    return mention


@transaction.atomic
def honourable_mention_remove(mention, *, actor):
    mention = locked(HonourableMention, mention, GalaError)
    refuse_once_public(mention.gala_id)
    mention.log_action(
        "mention.removed", actor=actor, data={"organisation": mention.organisation_id}
    )
    mention.delete()

"""State changes of deeds. Each checks the current state, runs in one transaction and
leaves an audit entry (STYLE.md: ``<noun>_<verb>`` service functions)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .contacts import deed_contact_set, deed_contacts_withdraw
from .images import store_derivatives
from .models import Deed, DeedImage, DeedStatus
from .writing import deed_apply, deed_tags_set

# Writing a deed and its parts lives in writing.py and contacts.py; other apps call
# them from here.
__all__ = [
    "DeedStateError",
    "deed_apply",
    "deed_change",
    "deed_contact_set",
    "deed_contacts_withdraw",
    "deed_create",
    "deed_publish",
    "deed_unpublish",
]


class DeedStateError(Exception):
    """The deed is not in a state that allows this change."""


PUBLISHABLE = {DeedStatus.IN_REVIEW, DeedStatus.ARCHIVED, DeedStatus.RETURNED, DeedStatus.DRAFT}
# Written only by deed_publish and deed_unpublish, which check the current state.
STATE_FIELDS = ("status", "published_at")


@transaction.atomic
def deed_create(deed, *, actor, tags, partners=(), parts=()):
    """Save a new ``deed`` that staff wrote by hand (the admin's add form) with its
    ``tags`` (``deed_tags_set``'s keyword arguments), ``partners`` and ``parts``, and
    record who created it.

    It starts as a draft whatever status the object carries: a deed becomes public only
    through ``deed_publish``. ``parts`` are the valid inline formsets of its images,
    attachments, links and contacts (anything with ``save()``, ``has_changed()`` and
    ``model``).
    """
    if deed.pk is not None:
        raise ValueError("deed_create saves a new deed; use deed_change for an existing one")
    deed.status = DeedStatus.DRAFT
    deed.published_at = None
    deed.save()
    _save_relations(deed, tags, partners, parts)
    deed.log_action("deed.created", actor=actor)
    return deed


@transaction.atomic
def deed_change(deed, *, actor, fields=(), tags=None, partners=None, parts=()):
    """Save staff's changes to an existing ``deed`` (the admin's change form) and record
    them in one audit entry: ``fields`` names the changed fields, and the parts that
    changed are named by model. ``tags`` and ``partners`` replace the old ones unless
    None; ``parts`` as for ``deed_create``.

    The status and publication date stay as the database has them: they change only
    through ``deed_publish`` and ``deed_unpublish``, and an object loaded before the
    deed was published must not unpublish it when saved.
    """
    current = Deed.objects.select_for_update().values(*STATE_FIELDS).get(pk=deed.pk)
    for name, value in current.items():
        setattr(deed, name, value)
    deed.save()
    related = _save_relations(deed, tags, partners, parts)
    data = {"fields": sorted(fields), "related": related}
    if any(data.values()):
        deed.log_action("deed.changed", actor=actor, data={k: v for k, v in data.items() if v})
    return deed


def _save_relations(deed, tags, partners, parts):
    """Write the tags, partners and parts; return the model names of the parts that changed."""
    if tags is not None:
        deed_tags_set(deed, **tags)
    if partners is not None:
        deed.partners.set(partners)
    changed = []
    for formset in parts:
        saved = formset.save()
        if formset.model is DeedImage:
            for image in saved:
                store_derivatives(image)
        if formset.has_changed():
            changed.append(formset.model._meta.model_name)
    return sorted(changed)


@transaction.atomic
def deed_publish(deed, *, actor, reason=""):
    deed = Deed.objects.select_for_update().get(pk=deed.pk)
    if deed.status not in PUBLISHABLE:
        raise DeedStateError(
            _("A deed that is “%(status)s” cannot be published.")
            % {"status": deed.get_status_display()}
        )
    previous = deed.status
    deed.status = DeedStatus.PUBLISHED
    # A deed published again keeps its original date, so it does not jump to the top.
    deed.published_at = deed.published_at or timezone.now()
    deed.save(update_fields=["status", "published_at", "updated_at"])
    deed.log_action(
        "deed.published", actor=actor, reason=reason, data={"from": previous, "to": deed.status}
    )
    return deed


@transaction.atomic
def deed_unpublish(deed, *, actor, reason=""):
    deed = Deed.objects.select_for_update().get(pk=deed.pk)
    if deed.status != DeedStatus.PUBLISHED:
        raise DeedStateError(_("Only a published deed can be unpublished."))
    deed.status = DeedStatus.ARCHIVED
    deed.save(update_fields=["status", "updated_at"])
    deed.log_action(
        "deed.unpublished",
        actor=actor,
        reason=reason,
        data={"from": DeedStatus.PUBLISHED, "to": deed.status},
    )
    return deed

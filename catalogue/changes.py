"""What changes what: the one place that keeps derived data in step with the models it
is derived from.

- a deed saved: the catalogue token moves; the deed is re-indexed for search at once;
- a deed deleted: the token moves; its search entry goes (before the cascade);
- a deed's sectors, themes, subthemes, customer groups or partners changed: the token
  moves; the deed(s) are re-indexed at once;
- a label changed (organisation, municipality, region, sector, theme, subtheme,
  customer group): the token moves; its published deeds are re-indexed in a
  background task;
- deeds written in bulk (``deeds.changes.deeds_written``): the token moves; those
  deeds are re-indexed at once.

Everything else derived from deeds in a process keys on the catalogue token and so
follows it without a listener of its own: the facet index (``index.py``), search's
match cache and names index (``search/services.py``) and related deeds
(``search/related.py``, in the shared cache). The organisation finder keeps a token of
its own because ``organisations`` sits below the catalogue (``organisations/finder.py``).

Signals are used here, and only here, because derived data must notice *every* change —
from services, the admin, commands or a shell — and a forgotten call would silently
show stale counts or miss a search. A renamed label can sit on thousands of deeds, so
re-analysing their text is a django-tasks job rather than part of the admin's request.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from deeds import changes
from deeds.models import Deed
from organisations.models import Municipality, Organisation, Region
from search.indexing import search_index_deeds
from search.tasks import search_index_label
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from .index import catalogue_changed

LABELS = (Organisation, Municipality, Region, Sector, Theme, Subtheme, CustomerGroup)
TAGS = ("sectors", "themes", "subthemes", "customer_groups", "partners")


def _active(kwargs):
    # loaddata sends raw saves and says itself when it is done.
    return not changes.is_quiet() and not kwargs.get("raw")


def _deed_saved(sender, instance, **kwargs):
    if _active(kwargs):
        catalogue_changed()
        search_index_deeds([instance.pk])


def _deed_deleting(sender, instance, **kwargs):
    # Before the cascade removes the entry, so the vocabulary counts go down too.
    if _active(kwargs):
        search_index_deeds([instance.pk], keep=False)


def _deed_deleted(sender, **kwargs):
    if _active(kwargs):
        catalogue_changed()


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or not _active(kwargs):
        return
    catalogue_changed()
    # term.deeds.add(...) gives the deeds in pk_set; deed.themes.add(...) the deed.
    search_index_deeds(list(pk_set or []) if reverse else [instance.pk])


def _label_saved(sender, instance, created, **kwargs):
    if not _active(kwargs):
        return
    catalogue_changed()
    if not created:  # a new label is on no deed yet
        search_index_label.enqueue(sender._meta.label, instance.pk)


def _label_deleted(sender, **kwargs):
    if _active(kwargs):
        catalogue_changed()


def _bulk_written(sender, ids, **kwargs):
    catalogue_changed()
    search_index_deeds(ids)


def connect():
    post_save.connect(_deed_saved, sender=Deed, dispatch_uid="changes-deed-saved")
    pre_delete.connect(_deed_deleting, sender=Deed, dispatch_uid="changes-deed-deleting")
    post_delete.connect(_deed_deleted, sender=Deed, dispatch_uid="changes-deed-deleted")
    for attr in TAGS:
        through = getattr(Deed, attr).through
        m2m_changed.connect(_tags_changed, sender=through, dispatch_uid=f"changes-tags-{attr}")
    for model in LABELS:
        name = model.__name__
        post_save.connect(_label_saved, sender=model, dispatch_uid=f"changes-label-saved-{name}")
        post_delete.connect(_label_deleted, sender=model, dispatch_uid=f"changes-label-gone-{name}")
    changes.bulk_written.connect(_bulk_written, dispatch_uid="changes-bulk-written")

"""Keep the search index in step with deeds, wherever they change.

As with the catalogue (deeds/signals.py), signals are the one place that hears of
every change — from services, the admin, commands or a shell. Bulk loaders pause
them with ``indexing_paused()`` and index what they wrote in one go.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_save, pre_delete

from deeds.models import Deed
from organisations.models import Municipality, Organisation, Region
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from .indexing import search_index_deeds

_paused = threading.local()
TAGS = ("sectors", "themes", "subthemes", "customer_groups", "partners")
# Labels that appear in indexed deeds' text, and how to find those deeds.
LABELS = {
    Organisation: lambda o: Deed.objects.filter(organisation=o) | Deed.objects.filter(partners=o),
    Municipality: lambda m: Deed.objects.filter(municipality=m),
    Region: lambda r: Deed.objects.filter(region=r),
    Sector: lambda t: Deed.objects.filter(sectors=t),
    Theme: lambda t: Deed.objects.filter(themes=t),
    Subtheme: lambda t: Deed.objects.filter(subthemes=t),
    CustomerGroup: lambda t: Deed.objects.filter(customer_groups=t),
}


@contextmanager
def indexing_paused():
    _paused.on = True
    try:
        yield
    finally:
        _paused.on = False


def _active(kwargs):
    return not getattr(_paused, "on", False) and not kwargs.get("raw")


def _deed_saved(sender, instance, **kwargs):
    if _active(kwargs):
        search_index_deeds([instance.pk])


def _deed_deleting(sender, instance, **kwargs):
    # Before the cascade removes the entry, so the vocabulary counts go down too.
    if _active(kwargs):
        search_index_deeds([instance.pk], keep=False)


def _tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or not _active(kwargs):
        return
    if reverse:  # term.deeds.add(...): the deeds are in pk_set
        search_index_deeds(list(pk_set or []))
    else:
        search_index_deeds([instance.pk])


def _label_saved(sender, instance, created, **kwargs):
    if created or not _active(kwargs):
        return  # a new label is on no deed yet
    ids = LABELS[sender](instance).published().values_list("pk", flat=True).distinct()
    search_index_deeds(list(ids))


def connect():
    post_save.connect(_deed_saved, sender=Deed, dispatch_uid="search-deed-saved")
    pre_delete.connect(_deed_deleting, sender=Deed, dispatch_uid="search-deed-deleting")
    for attr in TAGS:
        m2m_changed.connect(
            _tags_changed, sender=getattr(Deed, attr).through, dispatch_uid=f"search-tags-{attr}"
        )
    for model in LABELS:
        post_save.connect(_label_saved, sender=model, dispatch_uid=f"search-label-{model.__name__}")

"""Keep the in-memory catalogue index (catalogue.py) in step with the database.

Signals are used here, and only here, because the index must notice *every*
change to what a deed list shows — from services, the admin, commands or a shell —
and forgetting one call would silently show stale counts.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from deeds.models import Deed
from organisations.models import Municipality, Organisation, Region
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from .index import catalogue_changed

WATCHED = (Deed, Organisation, Municipality, Region, Sector, Theme, Subtheme, CustomerGroup)
WATCHED_TAGS = ("sectors", "themes", "subthemes", "customer_groups", "partners")


def _changed(sender, **kwargs):
    if kwargs.get("raw"):
        return  # loaddata: the loader says when it is done
    catalogue_changed()


def _tags_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        catalogue_changed()


def connect():
    for model in WATCHED:
        post_save.connect(_changed, sender=model, dispatch_uid=f"catalogue-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"catalogue-delete-{model.__name__}"
        )
    for attr in WATCHED_TAGS:
        m2m_changed.connect(
            _tags_changed, sender=getattr(Deed, attr).through, dispatch_uid=f"catalogue-tags-{attr}"
        )

"""State changes of deeds. Each checks the current state, runs in one transaction and
leaves an audit entry (STYLE.md: ``<noun>_<verb>`` service functions)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .contacts import deed_contact_set, deed_contacts_withdraw
from .models import Deed, DeedStatus
from .writing import deed_apply

# Writing a deed and its parts lives in writing.py and contacts.py; other apps call
# them from here.
__all__ = [
    "DeedStateError",
    "deed_apply",
    "deed_contact_set",
    "deed_contacts_withdraw",
    "deed_publish",
    "deed_unpublish",
]


class DeedStateError(Exception):
    """The deed is not in a state that allows this change."""


PUBLISHABLE = {DeedStatus.IN_REVIEW, DeedStatus.ARCHIVED, DeedStatus.RETURNED, DeedStatus.DRAFT}


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

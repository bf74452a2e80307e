"""State changes of event series (the staff's series form), beside events/services.py.

A series has no status: creating and changing it are plain writes, audited like the
rest of the app's changes so that the log shows who named or described a series.
"""

from django.db import transaction

from .models import Series

SERIES_FIELDS = (
    "name_fi",
    "name_sv",
    "name_en",
    "description_fi",
    "description_sv",
    "description_en",
    "partner",
)


def _unknown(fields):
    unknown = set(fields) - set(SERIES_FIELDS)
    if unknown:
        raise ValueError(f"Not a series field: {sorted(unknown)}")


@transaction.atomic
def series_create(*, actor, **fields):
    _unknown(fields)
    series = Series(**fields)
    series.full_clean()
    series.save()
    series.log_action("series.created", actor=actor)
    return series


@transaction.atomic
def series_change(series, *, actor, **fields):
    _unknown(fields)
    series = Series.objects.select_for_update().get(pk=series.pk)
    changed = sorted(key for key, value in fields.items() if getattr(series, key) != value)
    for key in changed:
        setattr(series, key, fields[key])
    if changed:
        series.full_clean()
        series.save()
        series.log_action("series.changed", actor=actor, data={"fields": changed})
    return series

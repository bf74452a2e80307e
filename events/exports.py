"""The staff's export of an event's registrants as CSV or XLSX.

The file holds personal data (names, addresses, needs, diets), so every export is
audited ("event.registrations_exported": who, when, which format, how many rows).
Text the registrants typed goes through core.downloads.safe_cell: a name such as
``=HYPERLINK(…)`` stays text in a spreadsheet.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.downloads import csv_table, safe_cell, xlsx_table

from .models import Registration, RegistrationStatus


def header():
    return [
        _("Name"),
        _("Email"),
        _("Organisation"),
        pgettext("events staff", "Role"),
        _("Language"),
        pgettext("events staff", "Accessibility needs"),
        pgettext("events staff", "Diet"),
        _("Status"),
        _("Position on the waiting list"),
        pgettext("events staff", "Registered at"),
        pgettext("events staff", "Attended"),
    ]


def ordered_registrations(event):
    """Registered people first, then the waiting list in its order, then cancellations."""
    registrations = Registration.objects.filter(event=event).select_related("organisation")
    waiting = list(registrations.waitlisted().in_queue_order())
    return (
        [(r, None) for r in registrations.confirmed().order_by("created_at", "pk")]
        + [(r, position) for position, r in enumerate(waiting, start=1)]
        + [
            (r, None)
            for r in registrations.filter(status=RegistrationStatus.CANCELLED).order_by(
                "created_at", "pk"
            )
        ]
    )


def _attended(value):
    return {True: pgettext("events staff", "yes"), False: pgettext("events staff", "no")}.get(
        value, ""
    )


def rows(event):
    for registration, position in ordered_registrations(event):
        registered = timezone.localtime(registration.created_at).replace(tzinfo=None)
        yield [
            safe_cell(registration.name),
            safe_cell(registration.email),
            safe_cell(registration.organisation_label or ""),
            registration.get_role_display(),
            registration.get_language_display(),
            safe_cell(registration.accessibility_needs),
            safe_cell(registration.diet),
            registration.get_status_display(),
            position,
            registered.replace(second=0, microsecond=0),
            _attended(registration.attended),
        ]


def registrations_export(event, fmt, *, actor):
    table = list(rows(event))
    name = f"ilmoittautuneet-{event.pk}-{event.slug or 'tapahtuma'}"
    event.log_action(
        "event.registrations_exported", actor=actor, data={"format": fmt, "rows": len(table)}
    )
    if fmt == "csv":
        return csv_table(header(), table, name)
    return xlsx_table(
        header(),
        table,
        pgettext("events staff", "Registrants"),
        name,
        widths={"A": 28, "B": 32, "C": 32, "F": 40, "G": 30, "J": 18},
    )

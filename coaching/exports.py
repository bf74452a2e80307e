"""The staff's export of a round's coaching applications as CSV or XLSX: one row per
application with its fields, its figures and the dates of its state changes (from the
model's dates and the audit log), for the programme's reports or an outside CRM.

The file holds contact persons' names and addresses, so every export is audited on
the round ("round.applications_exported": who, when, which format, how many rows).
Text typed by applicants goes through core.downloads.safe_cell: an organisation named
``=HYPERLINK(…)`` stays text in a spreadsheet.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from audit.models import AuditEntry
from core.downloads import csv_table, safe_cell, xlsx_table

from .feedback import feedback_summary
from .models import Application

# The state changes whose first date gets a column, in the order of the way.
STEPS = (
    ("application.submitted", pgettext_lazy("coaching export", "Sent")),
    ("application.assessing", pgettext_lazy("coaching export", "Assessment started")),
    ("application.accepted", pgettext_lazy("coaching export", "Accepted")),
    ("application.declined", pgettext_lazy("coaching export", "Declined")),
    ("application.scheduled", pgettext_lazy("coaching export", "Scheduled")),
    ("application.realised", pgettext_lazy("coaching export", "Realised")),
    ("application.feedback_opened", pgettext_lazy("coaching export", "Feedback opened")),
    ("application.closed", pgettext_lazy("coaching export", "Closed")),
    ("application.withdrawn", pgettext_lazy("coaching export", "Withdrawn")),
)


def header():
    return [
        _("Number"),
        _("State"),
        _("Organisation"),
        pgettext("coaching export", "Business ID"),
        pgettext("coaching export", "Contact person"),
        pgettext("coaching export", "Role"),
        _("Email"),
        pgettext("coaching export", "Phone"),
        _("Language"),
        pgettext("coaching export", "Themes"),
        pgettext("coaching export", "Goals"),
        pgettext("coaching export", "Employees in the group"),
        pgettext("coaching export", "Supervisors in the group"),
        pgettext("coaching export", "Days wished"),
        pgettext("coaching export", "Preferred timing"),
        pgettext("coaching export", "Preferred expert"),
        pgettext("coaching export", "Days granted"),
        pgettext("coaching export", "Expert"),
        pgettext("coaching export", "Past the budget"),
        pgettext("coaching export", "Reason for declining"),
        pgettext("coaching export", "Sessions held"),
        pgettext("coaching export", "Days used"),
        pgettext("coaching export", "Participants"),
        pgettext("coaching export", "Of whom employees"),
        pgettext("coaching export", "Feedback answers"),
        pgettext("coaching export", "Feedback mean"),
        pgettext("coaching export", "Deeds"),
        *(str(label) for _action, label in STEPS),
    ]


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None, second=0, microsecond=0)


def _step_dates(applications):
    """{application id: {action: first time}} from the audit log, in one query."""
    dates = defaultdict(dict)
    entries = (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            object_id__in=[a.pk for a in applications],
            action__in=[action for action, _label in STEPS],
        )
        .order_by("created_at", "pk")
        .values_list("object_id", "action", "created_at")
    )
    for object_id, action, created_at in entries:
        dates[object_id].setdefault(action, created_at)
    return dates


def _number(value):
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def _yes_no(value):
    return pgettext("coaching export", "yes") if value else pgettext("coaching export", "no")


def rows(round_):
    applications = list(
        Application.objects.sent()
        .filter(round=round_)
        .select_related("organisation", "expert", "preferred_expert")
        .prefetch_related("themes", "sessions", "deeds")
        .order_by("submitted_at", "pk")
    )
    steps = _step_dates(applications)
    for a in applications:
        group = a.group()
        feedback = feedback_summary(a.feedback_answers.all())
        model_dates = {
            "application.submitted": a.submitted_at,
            "application.realised": a.realised_at,
            "application.feedback_opened": a.feedback_opened_at,
            "application.closed": a.closed_at,
        }
        dates = [steps[a.pk].get(action) or model_dates.get(action) for action, _label in STEPS]
        yield [
            a.pk,
            a.get_status_display(),
            safe_cell(a.organisation_label),
            a.organisation.business_id if a.organisation_id else "",
            safe_cell(a.contact_name),
            safe_cell(a.contact_role),
            safe_cell(a.contact_email),
            safe_cell(a.contact_phone),
            a.get_language_display(),
            safe_cell(", ".join(theme.name for theme in a.themes.all())),
            safe_cell(a.goals),
            a.employees,
            a.supervisors,
            _number(a.days_requested),
            safe_cell(a.timing),
            safe_cell(a.preferred_expert.name) if a.preferred_expert_id else "",
            _number(a.days_granted),
            safe_cell(a.expert.name) if a.expert_id else "",
            _yes_no(a.budget_override),
            safe_cell(a.decline_reason),
            sum(1 for s in a.sessions.all() if s.held),
            _number(group["days"]),
            group["participants"],
            group["employees"],
            feedback["count"],
            feedback["mean"],
            len(a.deeds.all()),
            *(_local(moment) if moment else None for moment in dates),
        ]


def applications_export(round_, fmt, *, actor):
    table = list(rows(round_))
    name = f"sparraushakemukset-{round_.year}"
    round_.log_action(
        "round.applications_exported", actor=actor, data={"format": fmt, "rows": len(table)}
    )
    if fmt == "csv":
        return csv_table(header(), table, name)
    return xlsx_table(
        header(),
        table,
        pgettext("coaching export", "Coaching applications"),
        name,
        widths={"C": 32, "E": 24, "G": 30, "J": 36, "K": 50, "T": 40},
    )

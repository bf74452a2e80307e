"""Staff schedule highlights through the services, in the admin too: a published deed,
once a week (any day means its Monday), each change and cancellation audited."""

import datetime as dt

import pytest
from django.utils import translation

from audit.models import AuditEntry
from recognition.highlights import Highlight
from recognition.services import (
    HighlightError,
    highlight_cancel,
    highlight_change,
    highlight_schedule,
)
from tests.deeds.factories import DeedFactory
from tests.recognition.admin_forms import shown_messages

pytestmark = pytest.mark.django_db
WEDNESDAY, MONDAY = dt.date(2026, 11, 18), dt.date(2026, 11, 16)


def test_a_highlight_keeps_the_monday_of_its_week_and_a_deed_comes_once_a_week():
    deed = DeedFactory()
    highlight = highlight_schedule(deed, week=WEDNESDAY, note="Hieno!", actor=None)
    assert highlight.week == MONDAY
    entry = AuditEntry.objects.for_object(highlight).get(action="highlight.scheduled")
    assert entry.data == {"deed": deed.pk, "week": "2026-11-16"}
    with translation.override("en"), pytest.raises(HighlightError, match="already highlighted"):
        highlight_schedule(deed, week=dt.date(2026, 11, 22), actor=None)  # that Sunday
    highlight_schedule(deed, week=dt.date(2026, 11, 23), actor=None)  # the next week
    assert Highlight.objects.count() == 2


def test_only_a_published_deed_is_highlighted():
    draft = DeedFactory(status="in_review", published_at=None)
    with translation.override("en"), pytest.raises(HighlightError, match="Only published"):
        highlight_schedule(draft, week=MONDAY, actor=None)
    highlight = highlight_schedule(DeedFactory(), week=MONDAY, actor=None)
    with pytest.raises(HighlightError):
        highlight_change(highlight, deed=draft, actor=None)
    assert not Highlight.objects.filter(deed=draft).exists()


def test_a_highlight_is_moved_corrected_and_cancelled_with_audit_entries():
    deed = DeedFactory()
    highlight = highlight_schedule(deed, week=MONDAY, actor=None)
    highlight_change(highlight, week=dt.date(2026, 11, 26), note="Viikon teko", actor=None)
    highlight.refresh_from_db()
    assert (highlight.week, highlight.note) == (dt.date(2026, 11, 23), "Viikon teko")
    # Its deed unpublished since: the note can still be corrected.
    deed.status = "archived"
    deed.save()
    highlight_change(highlight, note="Korjattu", actor=None)
    highlight_cancel(highlight, actor=None)
    assert not Highlight.objects.exists()
    entries = AuditEntry.objects.for_object(highlight).order_by("pk")
    assert [(e.action, e.data.get("week"), e.data.get("fields")) for e in entries] == [
        ("highlight.scheduled", "2026-11-16", None),
        ("highlight.changed", "2026-11-23", ["note", "week"]),
        ("highlight.changed", "2026-11-23", ["note"]),
        ("highlight.cancelled", "2026-11-23", None),
    ]


def highlight_form(deed, week, **extra):
    return {"deed": deed.pk, "week": week.isoformat(), "position": 0, **extra}


def test_the_admin_schedules_through_the_service_and_shows_a_refusal(admin_client):
    draft = DeedFactory(title="Keskeneräinen", status="in_review", published_at=None)
    refused = admin_client.post(
        "/hallinta/recognition/highlight/add/", highlight_form(draft, WEDNESDAY), follow=True
    )
    assert refused.status_code == 200
    assert "Vain julkaistuja tekoja voi nostaa." in shown_messages(refused)
    assert not Highlight.objects.exists()

    deed = DeedFactory()
    done = admin_client.post(
        "/hallinta/recognition/highlight/add/", highlight_form(deed, WEDNESDAY, note="Hieno!")
    )
    assert done.status_code == 302
    highlight = Highlight.objects.get()
    assert (highlight.deed, highlight.week, highlight.note) == (deed, MONDAY, "Hieno!")
    assert AuditEntry.objects.for_object(highlight).get().action == "highlight.scheduled"


def test_highlights_deleted_in_the_admin_are_cancelled_through_the_service(admin_client):
    one, two, three = (highlight_schedule(DeedFactory(), week=MONDAY, actor=None) for _ in "123")
    deleted = admin_client.post(
        f"/hallinta/recognition/highlight/{one.pk}/delete/", {"post": "yes"}
    )
    assert deleted.status_code == 302
    admin_client.post(
        "/hallinta/recognition/highlight/",
        {"action": "delete_selected", "_selected_action": [two.pk, three.pk], "post": "yes"},
    )
    assert not Highlight.objects.exists()
    cancelled = AuditEntry.objects.filter(action="highlight.cancelled")
    assert sorted(cancelled.values_list("object_id", flat=True)) == [one.pk, two.pk, three.pk]

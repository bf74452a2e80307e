"""Feedback's email address is personal data: exported, erased and pruned like the rest."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback.models import Feedback

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def test_personal_data_export_and_erase_cover_feedback():
    FeedbackFactory(email="Palautteen.Antaja@example.fi", message="Oma viestini")
    FeedbackFactory(email="joku.muu@example.fi")
    out = StringIO()
    call_command("personal_data", "export", "palautteen.antaja@example.fi", stdout=out)
    exported = json.loads(out.getvalue())["feedback"]
    assert [item["message"] for item in exported] == ["Oma viestini"]

    out = StringIO()
    call_command("personal_data", "erase", "palautteen.antaja@example.fi", "--yes", stdout=out)
    assert "feedback 1" in out.getvalue()
    assert list(Feedback.objects.values_list("email", flat=True)) == ["joku.muu@example.fi"]


def test_prune_deletes_feedback_older_than_the_retention_setting(settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    now = timezone.now()
    FeedbackFactory(message="vanha", created_at=now - timedelta(days=31))
    FeedbackFactory(message="uusi", created_at=now - timedelta(days=29))
    out = StringIO()
    call_command("prune_feedback", stdout=out)
    assert "Deleted 1 feedback message(s) older than 30 days." in out.getvalue()
    assert list(Feedback.objects.values_list("message", flat=True)) == ["uusi"]

"""What the rate counters keep (core/ratelimit.py, core/privacy.py): a keyed hash of the
address, never the address, and only until the hour is over."""

import json
from datetime import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import RateCounter
from tests.feedback.factories import form_values
from tests.feedback.helpers import post_feedback

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
EMAIL = "Maija.Meikalainen@example.fi"


def sign_in_attempt(client, email=EMAIL):
    client.post("/tili/kirjaudu/", {"username": email, "password": "x"}, REMOTE_ADDR=ADDRESS)


def test_counters_keep_no_address(client):
    sign_in_attempt(client)
    client.post("/tili/salasana/", {"email": EMAIL}, REMOTE_ADDR=ADDRESS)
    post_feedback(client, form_values())
    rows = list(RateCounter.objects.values("bucket", "key", "count"))
    assert {row["bucket"] for row in rows} == {
        "sign-in",
        "sign-in-account",
        "password-reset",
        "feedback",
    }
    stored = json.dumps(rows).lower()
    assert ADDRESS not in stored and "maija" not in stored and "127.0.0.1" not in stored


def test_counters_of_hours_that_are_over_are_deleted(client, time_machine):
    time_machine.move_to(timezone.make_aware(datetime(2026, 3, 2, 10, 30)))
    sign_in_attempt(client)
    time_machine.move_to(timezone.make_aware(datetime(2026, 3, 2, 11, 5)))
    out = StringIO()
    call_command("prune", stdout=out)
    assert "core.privacy: deleted rate counters 2." in out.getvalue()
    assert not RateCounter.objects.exists()

    sign_in_attempt(client)
    time_machine.move_to(timezone.make_aware(datetime(2026, 3, 2, 12, 1)))
    sign_in_attempt(client, "toinen@example.fi")  # opening a new hour clears the old ones
    this_hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    assert {counter.hour for counter in RateCounter.objects.all()} == {this_hour}


def test_the_daily_prune_says_nothing_when_no_counter_was_left(client):
    sign_in_attempt(client)
    out = StringIO()
    call_command("prune", stdout=out)
    assert "rate counters" not in out.getvalue()
    assert RateCounter.objects.count() == 2


def test_a_persons_counters_are_exported_and_erased_with_their_address(client):
    sign_in_attempt(client)
    out = StringIO()
    call_command("personal_data", "export", EMAIL.lower(), stdout=out)
    exported = json.loads(out.getvalue())["rate_limits"]
    assert [(row["use"], row["count"]) for row in exported] == [("sign-in-account", 1)]
    call_command("personal_data", "erase", EMAIL, "--yes", stdout=out)
    assert list(RateCounter.objects.values_list("bucket", flat=True)) == ["sign-in"]


def test_the_privacy_notice_explains_the_counters(client):
    page = client.get("/en/tietosuoja/").content.decode()
    assert 'id="purpose-rate-limits"' in page
    assert "Each count is deleted after its hour, within a day at the latest." in page

"""``seed_demo``'s events: the programme's 2021 figures, exact at any demo size, made
through the events services and anonymised as the retention job leaves them."""

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from events.models import Event, EventKind, Registration, RegistrationStatus

SMALL = {"deeds": 300, "organisations": 40}
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="class")
def small_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out, no_search_index=True, **SMALL)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.mark.usefixtures("small_demo")
class TestTheWholeDemo:
    """seed_demo with every service, seeded once: each service's figures as reported."""

    def test_the_api_reports_the_programmes_2021_figures(self, client):
        kinds = {
            row["kind"]: row
            for row in client.get("/api/v1/stats/events", {"year": "2021"}).json()["kinds"]
        }
        assert kinds["webinar"]["events"] == 7
        assert kinds["webinar"]["registrants"] == 357
        assert kinds["webinar"]["organisations"] == 265
        assert kinds["workshop"]["events"] == 15
        assert kinds["workshop"]["attendees"] == 138
        assert kinds["gala"]["events"] == 1
        assert 0.3 * 357 < kinds["webinar"]["attendees"] < 0.9 * 357
        for row in kinds.values():
            assert 0.45 <= row["employee_share"] <= 0.6, row

    def test_the_series_is_one_with_its_partner(self, client):
        [series] = {e.series for e in Event.objects.filter(kind=EventKind.WEBINAR).in_year(2021)}
        assert series.slug == "kuntatyo-murroksessa" and "TV" in series.partner
        listed = client.get("/api/v1/events/", {"series": series.slug}).json()
        assert listed["count"] == 7
        assert sum(e["registrations"] for e in listed["results"]) == 357
        assert all(e["online"] for e in listed["results"])

    def test_registrations_were_made_before_their_event_and_are_anonymised(self):
        past = Registration.objects.filter(event__ends_at__lt=timezone.now())
        assert past.count() > 700
        assert not past.filter(anonymised_at=None).exists()
        assert not past.exclude(name="").exists() and not past.exclude(email="").exists()
        for created, starts in past.values_list("created_at", "event__starts_at"):
            assert created < starts
            assert timezone.localtime(created).time() == dt.time(0)  # cut to the day
        # Attendance was marked only for people who were registered.
        assert not past.filter(attended=True).exclude(status="confirmed").exists()

    def test_made_through_the_services(self):
        actions = Counter(AuditEntry.objects.values_list("action", flat=True))
        registrations = Registration.objects.all()
        assert actions["event.registered"] + actions["event.waitlisted"] == registrations.count()
        assert actions["event.attendance_marked"] == registrations.filter(attended=True).count()
        cancelled = registrations.filter(status=RegistrationStatus.CANCELLED)
        assert actions["event.registration_cancelled"] == cancelled.count() > 0
        assert actions["event.published"] == Event.objects.count()
        past = Event.objects.past()
        assert not past.filter(reminder_sent_at=None).exists()
        assert not past.filter(follow_up_sent_at=None).exists()
        assert not past.filter(kind=EventKind.WEBINAR, recording_url="").exists()

    def test_upcoming_events_show_each_state_of_registration(self):
        upcoming = list(Event.objects.upcoming().with_counts())
        states = Counter(e.registration_state() for e in upcoming)
        assert states == {"open": 3, "not_yet": 1}
        full = [e for e in upcoming if e.capacity and e.confirmed_count == e.capacity]
        assert len(full) == 1 and full[0].waitlisted_count > 0 and full[0].waitlist_peak > 0
        nearly = [e for e in upcoming if e.capacity and 0 < e.capacity - e.confirmed_count <= 5]
        assert len(nearly) == 1
        assert any(e.online and e.kind == EventKind.WEBINAR for e in upcoming)
        # Future registrations keep the person: the event has not happened yet.
        assert not Registration.objects.filter(event__in=upcoming, name="").exists()

    def test_some_events_present_deeds(self):
        assert Event.objects.filter(deeds__isnull=False).distinct().count() >= 5

    def test_no_mail_is_queued_for_the_fictional_registrants(self):
        assert not OutgoingEmail.objects.exists()

    def test_the_output_says_what_was_made(self, small_demo):
        assert "27 events" in small_demo
        assert "2384 newsletter subscribers" in small_demo

    # The same demo's coaching (demo/coaching.py; tests/demo/test_demo_coaching.py has
    # the rest): the programme's 2021 figures through the stats API after a fresh demo.
    def test_the_api_reports_the_programmes_2021_coaching(self, client, small_demo):
        assert "coaching experts" in small_demo
        figures = client.get("/api/v1/stats/coaching", {"year": "2021"}).json()
        assert {
            key: figures[key]
            for key in (
                *("experts", "expert_organisations", "applications", "organisations"),
                *("days_requested", "realised", "participants", "employees", "feedback_mean"),
            )
        } == {
            "experts": 11,
            "expert_organisations": 8,
            "applications": 26,
            "organisations": 17,
            "days_requested": 46,
            "realised": 7,
            "participants": 134,
            "employees": 75,
            "feedback_mean": 5.0,
        }
        assert [(row["theme"], row["applications"]) for row in figures["by_theme"]] == [
            ("tyoyhteiso-ja-kulttuuri", 11),
            ("yhteiskehittaminen-ja-osallisuus", 5),
            ("prosessit-palvelut-ja-asiakaslahtoisyys", 5),
            ("tyokuormitus-ja-hyvinvointi", 3),
            ("etatyo-ja-etapalvelut", 1),
        ]


def test_seeding_again_with_clear_replaces_the_events():
    options = {"no_search_index": True, "skip": ["newsletter", "coaching"], **SMALL}
    call_command("seed_demo", stdout=StringIO(), **options)
    first = Event.objects.count()
    call_command("seed_demo", stdout=StringIO(), clear=True, **options)
    assert Event.objects.count() == first
    assert Registration.objects.filter(event__series__slug="kuntatyo-murroksessa").count() > 357

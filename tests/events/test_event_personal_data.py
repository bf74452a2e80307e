"""Registrants' personal data: export and erasure by address, anonymisation after the
event that keeps every figure, and the privacy notice's matching retention."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from events.figures import event_figures
from events.models import Registration, RegistrationStatus
from events.privacy import personal_data_erase, personal_data_export, registrations_anonymise
from events.services import registration_mark_attendance
from tests.organisations.factories import OrganisationFactory

from .factories_core import published_event, register

pytestmark = pytest.mark.django_db


def test_export_lists_every_registration_of_the_address():
    event = published_event()
    register(event, email="Maija@example.fi", name="Maija", diet="vegaani")
    register(event, email="other@example.fi")
    exported = personal_data_export("maija@example.fi")["event_registrations"]
    assert [(r["name"], r["email"], r["diet"]) for r in exported] == [
        ("Maija", "Maija@example.fi", "vegaani")
    ]


def test_erasure_cancels_a_future_registration_and_gives_the_place_on():
    event = published_event(capacity=1)
    register(event, email="maija@example.fi", name="Maija")
    waiting = register(event)
    assert personal_data_erase("maija@example.fi") == {"event_registrations": 1}
    assert not Registration.objects.filter(name="Maija").exists()
    assert not Registration.objects.filter(email__iexact="maija@example.fi").exists()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert personal_data_export("maija@example.fi") == {"event_registrations": []}


def test_anonymisation_after_the_retention_keeps_the_figures(staff_user, settings):
    settings.EVENT_ANONYMISE_DAYS = 30
    city = OrganisationFactory(name_fi="Oulun kaupunki")
    event = published_event(capacity=10)
    people = [
        register(event, organisation=city, role="employee"),
        register(event, organisation=city, role="supervisor"),
        register(event, organisation=None, organisation_name="Pikku Oy", role="employee"),
    ]
    with time_machine.travel(event.starts_at + timedelta(minutes=5), tick=False):
        for person in people[:2]:
            registration_mark_attendance(person, attended=True, actor=staff_user)
    before = event_figures(event)
    assert (before.registrants, before.attendees, before.organisations) == (3, 2, 2)

    with time_machine.travel(event.ends_at + timedelta(days=29), tick=False):
        assert registrations_anonymise() == 0
    with time_machine.travel(event.ends_at + timedelta(days=31), tick=False):
        assert registrations_anonymise() == 3
        assert registrations_anonymise() == 0  # once

    rows = Registration.objects.filter(event=event)
    assert set(rows.values_list("name", "email", "diet", "link_salt").distinct()) == {
        ("", "", "", "")
    }
    assert all(
        r.created_at
        == timezone.localtime(r.created_at).replace(hour=0, minute=0, second=0, microsecond=0)
        for r in rows
    )
    assert event_figures(event) == before


def test_the_daily_prune_anonymises_and_the_notice_states_the_same_days(client, settings):
    settings.EVENT_ANONYMISE_DAYS = 12
    event = published_event()
    register(event, name="Maija")
    with time_machine.travel(event.ends_at + timedelta(days=13), tick=False):
        call_command("prune")
    assert not Registration.objects.filter(name="Maija").exists()
    page = client.get("/tietosuoja/").content.decode()
    assert "12 päivää" in page

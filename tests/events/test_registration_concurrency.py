"""People registering and cancelling at the same moment, on separate connections.

The invariants of the waiting list (events/services.py): confirmed ≤ capacity, the
first person waiting is promoted first, nobody twice, and no registration is lost.
Needs PostgreSQL: SQLite's test database lives in one connection's memory. (On SQLite
every write transaction is BEGIN IMMEDIATE, so writers queue one at a time; the same
services then cannot interleave at all.)
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from audit.models import AuditEntry
from emails.models import OutgoingEmail
from events.models import Registration, RegistrationStatus
from events.services import registration_cancel

from .factories_core import published_event, register

CAPACITY = 5


def at_once(jobs):
    """Run the callables in threads released together; returns their exceptions."""
    start = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            start.wait()
            job()
        except Exception as error:  # noqa: BLE001 - collected and asserted on
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.django_db(transaction=True)
def test_registering_and_cancelling_at_once_keeps_every_invariant():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): several connections at once")
    event = published_event(capacity=CAPACITY)

    # Round 1: 15 people register at the same moment for 5 places.
    assert at_once([lambda n=n: register(event, email=f"a{n}@example.fi") for n in range(15)]) == []
    assert event.registrations.confirmed().count() == CAPACITY
    assert event.registrations.waitlisted().count() == 10
    queue = list(event.registrations.waitlisted().in_queue_order())

    # Round 2: three registered people cancel while five more register, all at once.
    leaving = list(event.registrations.confirmed()[:3])
    jobs = [lambda r=r: registration_cancel(r) for r in leaving]
    jobs += [lambda n=n: register(event, email=f"b{n}@example.fi") for n in range(5)]
    assert at_once(jobs) == []

    confirmed = event.registrations.confirmed()
    assert confirmed.count() == CAPACITY
    # First come, first served: the three who waited longest got the places.
    promoted = {r.pk for r in confirmed}
    assert {r.pk for r in queue[:3]} <= promoted
    assert not {r.pk for r in queue[3:]} & promoted
    # Nobody promoted twice: one log entry and one email per promoted person.
    entries = AuditEntry.objects.filter(action="event.registration_promoted")
    assert sorted(e.data["registration"] for e in entries) == sorted(r.pk for r in queue[:3])
    for registration in queue[:3]:
        assert (
            OutgoingEmail.objects.filter(to=registration.email, purpose="event_promoted").count()
            == 1
        )
    # Nothing lost: 20 people, each with exactly one row.
    assert Registration.objects.filter(event=event).count() == 20
    assert (
        Registration.objects.filter(event=event, status=RegistrationStatus.CANCELLED).count() == 3
    )
    assert event.registrations.waitlisted().count() == 12


@pytest.mark.django_db(transaction=True)
def test_the_same_address_posted_five_times_at_once_registers_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): several connections at once")
    event = published_event(capacity=CAPACITY)
    assert at_once([lambda: register(event, email="sama@example.fi")] * 5) == []
    assert event.registrations.count() == 1


@pytest.mark.django_db(transaction=True)
def test_on_sqlite_racing_writers_queue_and_keep_every_invariant(tmp_path):
    """SQLite: the same race against a file copy of the test database, in a separate
    process whose threads each open their own connection (WAL, BEGIN IMMEDIATE)."""
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL race is the test above")
    event = published_event(capacity=CAPACITY)
    copy = tmp_path / "race.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    script = Path(__file__).with_name("sqlite_race.py")
    result = subprocess.run(
        [sys.executable, str(script), str(event.pk)],
        env={**os.environ, "DATABASE_URL": f"sqlite:///{copy}"},
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert len(outcome["confirmed"]) == CAPACITY
    assert set(outcome["queue"][:3]) <= set(outcome["confirmed"])
    assert not set(outcome["queue"][3:]) & set(outcome["confirmed"])
    assert outcome["total"] == 20
    assert outcome["waitlisted"] == 12

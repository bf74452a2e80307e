"""Run by test_registration_concurrency on SQLite, in its own process: registers and
cancels from many threads at once against a copy of the test database in a file (the
test database itself is in memory, where connections cannot race). Prints the outcome
as JSON. Usage: DATABASE_URL=sqlite:////path/db.sqlite3 python sqlite_race.py <event id>
"""

import json
import os
import sys
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tori.settings.test")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

import django  # noqa: E402

django.setup()

from django.db import connections  # noqa: E402

from events.models import Event, Registration  # noqa: E402
from events.services import registration_cancel, registration_create  # noqa: E402


def at_once(jobs):
    start = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        try:
            start.wait()
            job()
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def register(event, email):
    registration_create(
        event, name="X", email=email, role="employee", language="fi", consent_version="v"
    )


def main(event_id):
    event = Event.objects.get(pk=event_id)
    errors = at_once([lambda n=n: register(event, f"a{n}@example.fi") for n in range(15)])
    queue = [r.pk for r in Registration.objects.filter(event=event).waitlisted().in_queue_order()]
    leaving = list(Registration.objects.filter(event=event).confirmed()[:3])
    jobs = [lambda r=r: registration_cancel(r) for r in leaving]
    jobs += [lambda n=n: register(event, f"b{n}@example.fi") for n in range(5)]
    errors += at_once(jobs)
    rows = Registration.objects.filter(event=event)
    print(
        json.dumps(
            {
                "errors": errors,
                "queue": queue,
                "confirmed": sorted(rows.confirmed().values_list("pk", flat=True)),
                "waitlisted": rows.waitlisted().count(),
                "total": rows.count(),
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]))

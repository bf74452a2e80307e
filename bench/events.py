#!/usr/bin/env python3
"""Benchmark the events: the list's queryset, /api/v1/events/ and registering, with 1,000
events and 100,000 registrations.

    .venv/bin/python bench/events.py                       # SQLite and PostgreSQL
    .venv/bin/python bench/events.py --backends sqlite --rebuild

Databases: bench/out/bench-events.sqlite3 and $BENCH_EVENTS_PG_URL (default
$BENCH_PG_URL/tori_bench_events). The events and registrations are written with
``bulk_create`` (the services would take minutes for 100,000 registrations, each with
its lock, audit entry and email, and the figures measured here read rows, however they
were written); derived fields ``save()`` would set (slug) are set by hand. Prints
p50/p95 in-process time and SQL queries per request; the target is p95 under 100 ms on
both databases.

Cases, all through HTTP in-process (Django's test client: the whole middleware stack,
no network): /tapahtumat/ with pages and filters, an event's page, the API with several
filters, and the registration form's post (a place, and the waiting list of a full
event; the mail is queued through the outbox and the database task backend, as in
production).
"""

import datetime as dt
import json
import os
import random
import secrets
import statistics
import sys
import time

from common import OUT, PG_URL, arguments, percentile, setup_django

EVENTS = 1000
REGISTRATIONS = 100_000
ORGANISATIONS = 600
REQUESTS = 200
API = [
    "/api/v1/events/",
    "/api/v1/events/?upcoming=true",
    "/api/v1/events/?year=2025&kind=workshop",
    "/api/v1/events/?upcoming=false&page=10&page_size=50",
]


def database_url(backend):
    if backend == "sqlite":
        return f"sqlite:///{OUT / 'bench-events.sqlite3'}"
    return os.environ.get("BENCH_EVENTS_PG_URL", f"{PG_URL}/tori_bench_events")


def ensure_pg_database(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f"CREATE DATABASE {name}")


def seed(rebuild):
    """1,000 events over four years (a quarter still to come) and 100,000 registrations."""
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from core.db import refresh_statistics
    from events.models import Event, EventKind, EventStatus, Registration, RegistrationStatus
    from organisations.models import Organisation

    call_command("migrate", verbosity=0)
    if not rebuild and Registration.objects.count() >= REGISTRATIONS:
        return None
    started = time.perf_counter()
    rng = random.Random(1)
    now = timezone.now()
    with transaction.atomic():
        Event.objects.all().delete()
        Organisation.objects.filter(slug__startswith="bench-events-").delete()
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name_fi=f"Penkkiorganisaatio {n}",
                slug=f"bench-events-{n}",
                type="other",
            )
            for n in range(ORGANISATIONS)
        )
        events = []
        for n in range(EVENTS):
            starts = now + dt.timedelta(days=rng.uniform(-3 * 365, 365))
            status = rng.choices(
                [EventStatus.PUBLISHED, EventStatus.CANCELLED, EventStatus.DRAFT], [90, 4, 6]
            )[0]
            title = f"Penkkitapahtuma {n}"
            events.append(
                Event(
                    kind=rng.choice(EventKind.values),
                    status=status,
                    title_fi=title,
                    slug=slugify(title),
                    summary_fi="Suorituskykytestin tapahtuma.",
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=3),
                    capacity=rng.choice([None, 150, 200]),
                    online=rng.random() < 0.4,
                )
            )
        events = Event.objects.bulk_create(events)
        batch = []
        for n in range(REGISTRATIONS):
            event = events[n % EVENTS]
            status = rng.choices(list(RegistrationStatus.values), [88, 4, 8])[0]
            listed = rng.random() < 0.85
            batch.append(
                Registration(
                    event=event,
                    status=status,
                    name=f"Osallistuja {n}",
                    email=f"osallistuja{n}@example.com",
                    organisation=rng.choice(organisations) if listed else None,
                    organisation_name="" if listed else f"Muu työpaikka {rng.randrange(2000)}",
                    role=rng.choice(["employee", "employee", "supervisor", "management"]),
                    language="fi",
                    consent_version="bench",
                    link_salt=secrets.token_hex(16),
                    attended=rng.random() < 0.7 if event.ends_at < now else None,
                    created_at=event.starts_at - dt.timedelta(days=rng.uniform(1, 30)),
                    confirmed_at=event.starts_at - dt.timedelta(days=1),
                    waitlisted_at=event.starts_at - dt.timedelta(days=1)
                    if status == RegistrationStatus.WAITLISTED
                    else None,
                )
            )
            if len(batch) == 5000:
                Registration.objects.bulk_create(batch)
                batch = []
        Registration.objects.bulk_create(batch)
    refresh_statistics(Event, Registration, Organisation)
    return time.perf_counter() - started


def timed(function, requests):
    """p50/p95 ms and the distinct query counts of calling ``function``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function(0)  # warm up
    times = []
    for i in range(requests):
        started = time.perf_counter()
        function(i)
        times.append((time.perf_counter() - started) * 1000)
    queries = set()
    for i in range(3):
        with CaptureQueriesContext(connection) as captured:
            function(requests + i)
        queries.add(len(captured))
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "queries": sorted(queries),
    }


def worker(rebuild):
    setup_django()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse
    from django.utils import timezone

    from core.formguard import started_token
    from events.models import Event, Registration
    from events.services import event_create, event_publish
    from organisations.models import Organisation

    seed_seconds = seed(rebuild)
    client = Client()
    results = {}
    shown = list(Event.objects.public().upcoming().order_by("starts_at")[:50])
    pages = [
        "/tapahtumat/",
        "/tapahtumat/?page=3",
        "/tapahtumat/?kind=workshop",
        "/tapahtumat/?format=online&kind=webinar",
    ]

    def get(paths):
        def call(i):
            response = client.get(paths[i % len(paths)])
            assert response.status_code == 200, (paths[i % len(paths)], response.status_code)

        return call

    results["/tapahtumat/ (list, filters)"] = timed(get(pages), REQUESTS)
    results["an event's page"] = timed(get([e.get_absolute_url() for e in shown]), REQUESTS)
    results["API /api/v1/events/"] = timed(get(API), REQUESTS)

    # Registering through the form, as a browser posts it: a fresh event with places,
    # then one that is full (the waiting list). The database task backend, as in
    # production (the email is stored and its delivery queued, not sent in the request);
    # the per-client limit and the fill-time check are lifted, since every post here
    # comes from one address at once.
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    lifted = {"EVENT_REGISTRATIONS_PER_HOUR": 10**9, "SUBMISSION_MIN_FILL_SECONDS": 0}
    with override_settings(TASKS=tasks, **lifted):
        starts = timezone.now() + dt.timedelta(days=30)
        roomy, full = (
            event_publish(
                event_create(
                    actor=None,
                    kind="workshop",
                    title_fi=title,
                    summary_fi="Penkki.",
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(hours=3),
                    capacity=capacity,
                ),
                actor=None,
            )
            for title, capacity in (("Penkki: tilaa", None), ("Penkki: täynnä", 0))
        )
        run = secrets.token_hex(4)
        organisation = Organisation.objects.filter(slug__startswith="bench-events-").first()

        def register(event):
            url = reverse("events:register", args=[event.pk])

            def call(i):
                response = client.post(
                    url,
                    {
                        "name": "Penkki Osallistuja",
                        "email": f"penkki-{run}-{event.pk}-{i}@example.com",
                        "organisation_name": organisation.name_fi,
                        "role": "employee",
                        "language": "fi",
                        "consent": "on",
                        "started": started_token(),
                    },
                )
                assert response.status_code == 302, response.content[:2000]

            return call

        results["registration post, a place"] = timed(register(roomy), REQUESTS)
        results["registration post, waiting list"] = timed(register(full), REQUESTS)
        counts = {
            "confirmed": roomy.registrations.confirmed().count(),
            "waitlisted": full.registrations.waitlisted().count(),
        }
        # The warm-up posts the first address again: it registers once.
        assert counts == {"confirmed": REQUESTS + 3, "waitlisted": REQUESTS + 3}, counts
        roomy.delete()
        full.delete()
    print(
        json.dumps(
            {
                "events": Event.objects.count(),
                "registrations": Registration.objects.count(),
                "seed_seconds": seed_seconds,
                "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
                "results": results,
            }
        )
    )


def main():
    import subprocess

    args = arguments(__doc__, sizes=False)
    if args.worker:
        worker(args.rebuild)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    width = 34
    print(f"{'database':<10} {'case':<{width}} {'p50 ms':>7} {'p95 ms':>7}  queries")
    for backend in args.backends:
        url = database_url(backend)
        if backend == "postgres":
            ensure_pg_database(url)
        output = subprocess.run(
            [sys.executable, __file__, "--worker", "1", *(["--rebuild"] if args.rebuild else [])],
            env={**os.environ, "DATABASE_URL": url},
            capture_output=True,
            text=True,
        )
        if output.returncode:
            sys.exit(f"{backend} failed:\n{output.stderr[-3000:]}")
        data = json.loads(output.stdout.strip().splitlines()[-1])
        for name, figures in data["results"].items():
            print(
                f"{backend:<10} {name:<{width}} {figures['p50']:>7.1f} {figures['p95']:>7.1f}  "
                f"{','.join(map(str, figures['queries']))}"
            )
        seeded = f", seeded in {data['seed_seconds']:.0f} s" if data["seed_seconds"] else ""
        print(
            f"{backend:<10} ({data['events']} events, {data['registrations']} "
            f"registrations{seeded})",
            flush=True,
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark the newsletter: composing and queuing an issue with topic sections for
100,000 subscribers, and sending.

    .venv/bin/python bench/newsletter.py                      # SQLite and PostgreSQL
    BENCH_SUBSCRIBERS=20000 .venv/bin/python bench/newsletter.py --backends sqlite

Databases: bench/out/bench-newsletter.sqlite3 and $BENCH_PG_URL/tori_bench_newsletter,
seeded with the demo (1,000 deeds). The subscribers are written with ``bulk_create``
(the services would take an hour for 100,000, each with its audit entry; what is
measured here reads rows, however they were written): 70 % want the whole newsletter
only, the rest also or only new deeds of one to three sectors, themes or regions, so
the topic sections differ from subscriber to subscriber. The issue counts new deeds of
the last 180 days.

Measured: the whole queuing (``newsletter_tick`` without sending until every copy is
written: the content rendered once per language and topic, a copy per subscriber in the
outbox with its Delivery, in batches of NEWSLETTER_BATCH_SIZE), its peak memory (the
process's maximum resident set), the distinct shared texts stored; then sending 5,000
copies with the rate cap lifted and a mail server that accepts at once (Django's dummy
backend), to show what the sender costs per message, and one round under the default
cap of NEWSLETTER_RATE_PER_MINUTE. Targets: queuing under 2 minutes and 500 MB.
"""

import datetime as dt
import json
import os
import random
import resource
import sys
import time

from common import OUT, PG_URL, arguments, ensure_seeded, setup_django

SUBSCRIBERS = 100_000
SENT = 5000


def database_url(backend):
    if backend == "sqlite":
        return f"sqlite:///{OUT / 'bench-newsletter.sqlite3'}"
    return f"{PG_URL}/tori_bench_newsletter"


def ensure_pg_database(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f"CREATE DATABASE {name}")


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def subscribers(count):
    """``count`` confirmed subscribers with their topics, written in bulk."""
    from django.utils import timezone

    from newsletter.models import Subscriber
    from organisations.models import Region
    from taxonomy.models import Sector, Theme

    Subscriber.objects.filter(email__startswith="penkki-").delete()
    rng = random.Random(1)
    sectors = list(Sector.objects.values_list("pk", flat=True))
    themes = list(Theme.objects.values_list("pk", flat=True))
    regions = list(Region.objects.values_list("pk", flat=True))
    now = timezone.now()
    rows = []
    for n in range(count):
        roll = rng.random()
        rows.append(
            Subscriber(
                email=f"penkki-{n}@example.com",
                language=rng.choices(["fi", "sv", "en"], [88, 9, 3])[0],
                status="confirmed",
                wants_newsletter=roll < 0.9,
                consent="bench",
                created_at=now,
                confirmed_at=now,
                link_salt=f"{n:032x}",
                bounce_token=f"b{n:031x}",
            )
        )
    created = Subscriber.objects.bulk_create(rows, batch_size=2000)
    links = {"sectors": [], "themes": [], "regions": []}
    for subscriber in created:
        if subscriber.wants_newsletter and rng.random() < 0.7 / 0.9:
            continue
        for name, pool in (("sectors", sectors), ("themes", themes), ("regions", regions)):
            for pk in rng.sample(pool, rng.randint(0, 1 if name == "regions" else 2)):
                links[name].append((subscriber.pk, pk))
        if not any(links[name] and links[name][-1][0] == subscriber.pk for name in links):
            links["themes"].append((subscriber.pk, rng.choice(themes)))
    for name, pairs in links.items():
        through = getattr(Subscriber, name).through
        column = {"sectors": "sector_id", "themes": "theme_id", "regions": "region_id"}[name]
        through.objects.bulk_create(
            [through(subscriber_id=s, **{column: t}) for s, t in pairs], batch_size=5000
        )
    return len(created), sum(len(pairs) for pairs in links.values())


def worker(count, rebuild):
    setup_django()
    from django.db import connection
    from django.test.utils import override_settings
    from django.utils import timezone

    from emails.models import MessageBody, OutgoingEmail
    from newsletter.issue_services import issue_create, issue_schedule
    from newsletter.models import Delivery, Issue
    from newsletter.sending import issue_progress, newsletter_tick

    ensure_seeded(1000, rebuild)
    Issue.objects.filter(key__startswith="penkki-").delete()
    OutgoingEmail.objects.filter(bulk=True).delete()
    started = time.perf_counter()
    made, topics = subscribers(count)
    write_seconds = time.perf_counter() - started
    connection.close()  # the queuing below starts from a fresh connection and memory
    memory_before = peak_mb()

    issue = issue_create(
        actor=None,
        key=f"penkki-{int(time.time())}",
        subject_fi="Penkkinumero",
        intro_fi="Hei!\n\nTämä on penkkitesti.",
        deeds_since=timezone.now() - dt.timedelta(days=180),
    )
    issue_schedule(issue, actor=None)
    started = time.perf_counter()
    rounds = 0
    while True:
        rounds += 1
        report = newsletter_tick(deliver=False, seconds=3600)
        issue.refresh_from_db()
        if issue.queue_complete:
            break
        assert report.queued, "no progress"
    queue_seconds = time.perf_counter() - started
    progress = issue_progress(issue)
    bodies = MessageBody.objects.filter(
        pk__in=OutgoingEmail.objects.filter(bulk=True).values("shared_body")
    ).count()
    assert Delivery.objects.filter(issue=issue).count() == progress.recipients
    result = {
        "subscribers": made,
        "topic_choices": topics,
        "write_subscribers_s": round(write_seconds, 1),
        "queue_s": round(queue_seconds, 1),
        "copies": progress.recipients,
        "shared_texts": bodies,
        "peak_mb": round(peak_mb()),
        "peak_mb_before_queuing": round(memory_before),
        "ticks": rounds,
    }

    dummy = "django.core.mail.backends.dummy.EmailBackend"
    with override_settings(EMAIL_BACKEND=dummy, NEWSLETTER_RATE_PER_MINUTE=SENT):
        started = time.perf_counter()
        report = newsletter_tick(seconds=3600)
        seconds = time.perf_counter() - started
    result["sent"] = report.sent
    result["send_per_s"] = round(report.sent / seconds)
    with override_settings(EMAIL_BACKEND=dummy):
        from django.conf import settings

        OutgoingEmail.objects.filter(bulk=True).exclude(claimed_at=None).update(
            claimed_at=timezone.now() - dt.timedelta(minutes=5)
        )
        report = newsletter_tick(seconds=3600)
        result["one_round_under_cap"] = report.sent
        result["cap_per_minute"] = settings.NEWSLETTER_RATE_PER_MINUTE
    print(json.dumps(result))


def main():
    args = arguments(__doc__, sizes=False)
    if args.worker is not None:
        worker(args.worker, args.rebuild)
        return
    import subprocess

    count = int(os.environ.get("BENCH_SUBSCRIBERS", SUBSCRIBERS))
    OUT.mkdir(parents=True, exist_ok=True)
    print(
        f"{'database':<10} {'subscribers':>11} {'queue s':>8} {'peak MB':>8} {'texts':>6} "
        f"{'send/s':>7} {'per round':>9}"
    )
    for backend in args.backends:
        url = database_url(backend)
        if backend == "postgres":
            ensure_pg_database(url)
        output = subprocess.run(
            [sys.executable, __file__, "--worker", str(count), *(["--rebuild"] * args.rebuild)],
            env={**os.environ, "DATABASE_URL": url},
            capture_output=True,
            text=True,
        )
        if output.returncode:
            sys.exit(f"{backend} failed:\n{output.stderr[-3000:]}")
        data = json.loads(output.stdout.strip().splitlines()[-1])
        print(
            f"{backend:<10} {data['subscribers']:>11,} {data['queue_s']:>8.1f} "
            f"{data['peak_mb']:>8} {data['shared_texts']:>6} {data['send_per_s']:>7} "
            f"{data['one_round_under_cap']:>4}/{data['cap_per_minute']}"
        )
        print(f"  {json.dumps(data)}")


if __name__ == "__main__":
    main()

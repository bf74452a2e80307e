"""Shared by the benchmark scripts: databases at several sizes, timing, percentiles."""

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")


def database_url(backend, size):
    if backend == "sqlite":
        return f"sqlite:///{OUT / f'bench-{size}.sqlite3'}"
    return f"{PG_URL}/tori_bench_{size}"


def ensure_pg_database(size):
    import psycopg

    with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [f"tori_bench_{size}"]
        ).fetchone()
        if not exists:
            conn.execute(f"CREATE DATABASE tori_bench_{size}")


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tori.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_seeded(size, rebuild):
    """Migrate and seed the current database with about ``size`` deeds (reused if there)."""
    from django.core.management import call_command

    from deeds.models import Deed

    call_command("migrate", verbosity=0)
    seeded = Deed.objects.count()
    if rebuild or not (0.9 * size <= seeded <= 1.1 * size):
        started = time.perf_counter()
        call_command(
            "seed_demo",
            deeds=size,
            organisations=min(1000, max(140, size // 70)),
            seed=1,
            clear=True,
            no_search_index=True,
            verbosity=0,
        )
        return time.perf_counter() - started
    return None


def measure(client, urls, requests, headers=None):
    """p50/p95 server time in ms and the distinct query counts, for a rotation of urls."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    headers = headers or {}
    for url in urls:  # warm up
        assert client.get(url, headers=headers).status_code == 200, url
    times = []
    for i in range(requests):
        started = time.perf_counter()
        response = client.get(urls[i % len(urls)], headers=headers)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    queries = set()
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            client.get(url, headers=headers)
        queries.add(len(captured))
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "queries": sorted(queries),
    }


def run_workers(script, backends, sizes, extra_args=()):
    """Run ``script --worker SIZE`` once per database; yield (backend, its JSON output)."""
    import json

    OUT.mkdir(parents=True, exist_ok=True)
    for backend in backends:
        for size in sizes:
            if backend == "postgres":
                ensure_pg_database(size)
            env = {**os.environ, "DATABASE_URL": database_url(backend, size)}
            output = subprocess.run(
                [sys.executable, script, "--worker", str(size), *extra_args],
                env=env,
                capture_output=True,
                text=True,
            )
            if output.returncode:
                sys.exit(f"{backend} {size} failed:\n{output.stderr[-3000:]}")
            yield backend, json.loads(output.stdout.strip().splitlines()[-1])


def arguments(doc, *, sizes=True):
    """The options every benchmark takes; ``--worker`` is how run_workers calls it back."""
    import argparse

    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument(
        "--backends", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"]
    )
    if sizes:
        parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10_000, 100_000])
    parser.add_argument("--rebuild", action="store_true", help="Seed the databases again.")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def print_header(width):
    """The heading of a results table whose case names are up to ``width`` wide."""
    print(f"{'database':<10} {'deeds':>7}  {'case':<{width}} {'p50 ms':>7} {'p95 ms':>7}  queries")


def print_results(backend, data, width):
    """One line per case of a worker's ``results``: p50, p95 and queries per request."""
    for name, figures in data["results"].items():
        print(
            f"{backend:<10} {data['deeds']:>7}  {name:<{width}} {figures['p50']:>7.1f} "
            f"{figures['p95']:>7.1f}  {','.join(map(str, figures['queries']))}"
        )

#!/usr/bin/env python3
"""Benchmark the deed list page and the deeds API at 1,000 / 10,000 / 100,000 deeds.

    .venv/bin/python bench/catalogue.py                       # SQLite and PostgreSQL, all sizes
    .venv/bin/python bench/catalogue.py --backends sqlite --sizes 1000
    .venv/bin/python bench/catalogue.py --rebuild             # re-seed existing databases

For each database and size it builds a database with ``seed_demo`` (kept under
bench/out/ or as PostgreSQL database tori_bench_N, reused on later runs), then
measures in-process server time (Django test client, no network) over a rotation
of realistic three-filter lists, and counts SQL queries per request. The first
request after a change rebuilds the in-memory facet index; that cold time is
reported separately. PostgreSQL: $BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432).
"""

import json
import time

from common import (
    arguments,
    ensure_seeded,
    measure,
    print_header,
    print_results,
    run_workers,
    setup_django,
)

REQUESTS = 300
# Three filters each, as people combine them: place + sector + year, theme + kind + region …
THREE_FILTERS = [
    "region=06&sector=sosiaali-ja-terveys&year=2022",
    "theme=innovaatiot&kind=project&region=17",
    "sector=kasvatus-ja-opetus&customer_group=lapset-ja-nuoret&year=2024",
    "theme=tyohyvinvointi&sector=sosiaali-ja-terveys&kind=improvement",
    "region=01&theme=digitalisaatio&year=2023",
    "municipality=211&theme=luottamus&kind=experiment",
]


def worker(size, rebuild):
    setup_django()
    from django.test import Client

    from catalogue import index as catalogue
    from deeds.models import Deed
    from tori.runtime import freeze_startup_objects

    seed_seconds = ensure_seeded(size, rebuild)
    catalogue._current = None
    started = time.perf_counter()
    catalogue.get_catalogue()
    cold_ms = (time.perf_counter() - started) * 1000

    client = Client()
    client.get("/")
    freeze_startup_objects()  # as tori/wsgi.py does in production, after start-up
    cases = {
        "list, 3 filters": [f"/teot/?{q}" for q in THREE_FILTERS],
        "list, 3 filters (htmx)": [f"/teot/?{q}" for q in THREE_FILTERS],
        "list, no filters": ["/teot/"],
        "home page": ["/"],
        "API, 3 filters": [f"/api/v1/deeds/?{q}" for q in THREE_FILTERS],
        "API, 100 per page": [f"/api/v1/deeds/?{q}&page_size=100" for q in THREE_FILTERS],
    }
    headers = {"list, 3 filters (htmx)": {"HX-Request": "true"}}
    results = {
        name: measure(client, urls, REQUESTS, headers.get(name)) for name, urls in cases.items()
    }
    print(
        json.dumps(
            {
                "deeds": Deed.objects.published().count(),
                "cold_index_ms": cold_ms,
                "seed_seconds": seed_seconds,
                "results": results,
            }
        )
    )


def main():
    args = arguments(__doc__)
    if args.worker:
        worker(args.worker, args.rebuild)
        return
    print_header(24)
    extra = ["--rebuild"] if args.rebuild else []
    for backend, data in run_workers(__file__, args.backends, args.sizes, extra):
        print_results(backend, data, 24)
        seeded = f", seeded in {data['seed_seconds']:.0f} s" if data["seed_seconds"] else ""
        print(
            f"{backend:<10} {data['deeds']:>7}  index rebuild after a change: "
            f"{data['cold_index_ms']:.0f} ms{seeded}",
            flush=True,
        )


if __name__ == "__main__":
    main()

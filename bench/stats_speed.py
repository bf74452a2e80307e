#!/usr/bin/env python3
"""Benchmark the statistics page, the map and the stats API at 1,000 / 10,000 / 100,000 deeds.

    .venv/bin/python bench/stats_speed.py                     # SQLite and PostgreSQL, all sizes
    .venv/bin/python bench/stats_speed.py --backends sqlite --sizes 100000

Uses the same seeded databases as bench/catalogue.py (bench/out/, tori_bench_N). Prints
p50/p95 in-process server time and SQL queries per request; the target at 100,000 deeds
is p95 under 200 ms on both databases. Map borders come from ../shared/data when present.
"""

import json
import time
from pathlib import Path

from common import (
    ROOT,
    arguments,
    ensure_seeded,
    measure,
    print_header,
    print_results,
    run_workers,
    setup_django,
)

REQUESTS = 200
FILTERS = ["", "region=17", "sector=sosiaali-ja-terveys", "start=2022-01-01&end=2022-12-31"]


def worker(size, rebuild):
    setup_django()
    from django.core.management import call_command
    from django.test import Client

    from catalogue import index as catalogue
    from deeds.models import Deed
    from organisations.models import Municipality
    from tori.runtime import freeze_startup_objects

    seed_seconds = ensure_seeded(size, rebuild)
    borders = Path(ROOT).parent / "shared" / "data" / "kunnat-2023.geojson"
    if borders.exists() and not Municipality.objects.exclude(svg_path="").exists():
        call_command("load_geodata", str(borders), verbosity=0)
    catalogue._current = None
    client = Client()
    started = time.perf_counter()
    client.get("/tilastot/")
    cold_ms = (time.perf_counter() - started) * 1000
    freeze_startup_objects()
    cases = {
        "statistics page": [f"/tilastot/?{q}" for q in FILTERS],
        "map, municipalities": [f"/tilastot/kartta/?{q}" for q in FILTERS],
        "API by sector": [f"/api/v1/stats/deeds?by=sector&{q}" for q in FILTERS],
        "API by month": [f"/api/v1/stats/deeds?by=month&{q}" for q in FILTERS],
        "API by organisation": [f"/api/v1/stats/deeds?by=organisation&{q}" for q in FILTERS],
        "CSV download": [f"/tilastot/lataa/theme.csv?{q}" for q in FILTERS],
    }
    results = {name: measure(client, urls, REQUESTS) for name, urls in cases.items()}
    print(
        json.dumps(
            {
                "deeds": Deed.objects.published().count(),
                "cold_ms": cold_ms,
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
    print_header(22)
    extra = ["--rebuild"] if args.rebuild else []
    for backend, data in run_workers(__file__, args.backends, args.sizes, extra):
        print_results(backend, data, 22)
        print(
            f"{backend:<10} {data['deeds']:>7}  first statistics page after a change "
            f"(index rebuild included): {data['cold_ms']:.0f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark search at 1,000 / 10,000 / 100,000 deeds on SQLite and PostgreSQL.

    .venv/bin/python bench/search_speed.py [--backends sqlite postgres] [--sizes 1000 ...]

Per database: rebuilds the search index (deeds per second, with Voikko's word cache
cold as after a deploy), then measures in-process server time of one- and two-word
searches with facet counts on the list page and in the API, and SQL queries per
request: first with every search reaching the full-text index, then with the
per-process cache of recent searches (SEARCH_CACHE_SIZE) on. Databases are those of
bench/catalogue.py (seeded on first use).
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

# One- and two-word queries as people type them: base forms, inflected forms, names.
QUERIES = [
    "työhyvinvointi",
    "kotihoidon",
    "etätyö",
    "ruokapalveluiden",
    "Liminka",
    "asiakaspalaute",
    "varhaiskasvatus lapset",
    "kotihoito reitit",
    "sähköinen asiointi",
    "hemvård",
]
REQUESTS = 300


def worker(size, rebuild):
    setup_django()
    from urllib.parse import quote

    from django.conf import settings
    from django.http import QueryDict
    from django.test import Client

    from catalogue.index import get_catalogue
    from catalogue.listing import parse_listing
    from search.indexing import search_rebuild
    from tori.runtime import freeze_startup_objects

    ensure_seeded(size, rebuild)
    started = time.perf_counter()
    indexed = search_rebuild()
    rate = indexed / (time.perf_counter() - started)
    get_catalogue()
    client = Client()
    client.get("/")
    freeze_startup_objects()  # as tori/wsgi.py does in production
    cases = {
        "list page, search + facets": [f"/teot/?q={quote(q)}" for q in QUERIES],
        "list page (htmx)": [f"/teot/?q={quote(q)}" for q in QUERIES],
        "API, search + facets": [f"/api/v1/deeds/?q={quote(q)}" for q in QUERIES],
        "API, search + 2 filters": [
            f"/api/v1/deeds/?q={quote(q)}&region=06&kind=improvement" for q in QUERIES
        ],
    }
    headers = {"list page (htmx)": {"HX-Request": "true"}}

    # Every request reaches the full-text index (the cache off); then the same with the
    # per-process cache of recent searches on, as in production.
    settings.SEARCH_CACHE_SIZE = 0
    results = {
        name: measure(client, urls, REQUESTS, headers.get(name)) for name, urls in cases.items()
    }
    settings.SEARCH_CACHE_SIZE = 512
    for name in ("list page, search + facets", "API, search + facets"):
        results[f"{name}, cached"] = measure(client, cases[name], REQUESTS)
    hits = {q: parse_listing(QueryDict(f"q={quote(q)}")).run().total for q in QUERIES}
    print(
        json.dumps(
            {
                "deeds": get_catalogue().size,
                "indexed_per_second": rate,
                "results": results,
                "hits": hits,
            }
        )
    )


def main():
    args = arguments(__doc__)
    if args.worker:
        worker(args.worker, args.rebuild)
        return
    print_header(36)
    extra = ["--rebuild"] if args.rebuild else []
    for backend, data in run_workers(__file__, args.backends, args.sizes, extra):
        print_results(backend, data, 36)
        print(
            f"{backend:<10} {data['deeds']:>7}  index rebuild: "
            f"{data['indexed_per_second']:.0f} deeds/s; hits per query: "
            + ", ".join(f"{q} {n}" for q, n in data["hits"].items()),
            flush=True,
        )


if __name__ == "__main__":
    main()

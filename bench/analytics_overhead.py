#!/usr/bin/env python3
"""What visitor analytics adds to a request, on SQLite and PostgreSQL.

    .venv/bin/python bench/analytics_overhead.py                  # both databases
    .venv/bin/python bench/analytics_overhead.py --backends sqlite

Uses the 1,000-deed databases of bench/catalogue.py (built on first use). Three figures:
the middleware alone on a counted page view (rules, hash, one INSERT) and on a skipped
one (a bot), timed around the middleware with the page already rendered and with a
pause between requests as in real traffic; and whole
deed-page requests through the Django test client with and without the middleware,
interleaved so that both see the same conditions. The target is under 2 ms (p95) for
the middleware alone. PostgreSQL: $BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432).
"""

import json
import statistics
import time

from common import arguments, ensure_seeded, percentile, run_workers, setup_django

SIZE = 1000
REPEATS = 500
# Requests come some milliseconds apart, not back to back: a database that has gone idle
# between two commits takes longer to flush one (about 0.8 ms instead of 0.35 ms on
# PostgreSQL here), so the loop pauses as a real process would between page views.
PAUSE_SECONDS = 0.01
PAGE_REQUESTS = 400
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def figures(times):
    return {"p50": statistics.median(times), "p95": percentile(times, 95)}


def time_middleware(url, user_agent):
    """Milliseconds the middleware spends after the view answered, per request."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.urls import resolve

    from analytics.middleware import VisitorAnalyticsMiddleware

    response = HttpResponse("<!DOCTYPE html><p>deed</p>")
    middleware = VisitorAnalyticsMiddleware(lambda request: response)
    factory = RequestFactory()
    times = []
    for n in range(REPEATS):
        request = factory.get(
            url,
            REMOTE_ADDR=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
            headers={"User-Agent": user_agent, "Referer": "https://www.kunta.fi/uutiset"},
        )
        request.user = AnonymousUser()
        request.resolver_match = resolve(url)
        started = time.perf_counter()
        middleware(request)
        times.append((time.perf_counter() - started) * 1000)
        time.sleep(PAUSE_SECONDS)
    return figures(times[len(times) // 10 :])  # the first calls warm caches and the salt


def time_pages(url):
    """Whole requests with and without the middleware, alternating."""
    from django.conf import settings
    from django.test import Client, override_settings

    without = [m for m in settings.MIDDLEWARE if not m.startswith("analytics.")]
    plain, counted = Client(), Client()
    with override_settings(MIDDLEWARE=without):
        plain.get(url)  # the client's handler keeps the middleware it loaded first
    counted.get(url)
    times = {"without": [], "with": []}
    for n in range(PAGE_REQUESTS):
        for name, client in (("without", plain), ("with", counted)):
            started = time.perf_counter()
            response = client.get(
                url, REMOTE_ADDR=f"10.9.{n // 256}.{n % 256}", headers={"User-Agent": BROWSER}
            )
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    return {name: figures(values[20:]) for name, values in times.items()}


def worker(size, rebuild):
    setup_django()
    from django.db import connection
    from django.utils import translation

    from analytics.models import Hit
    from deeds.models import Deed

    ensure_seeded(size, rebuild)
    translation.activate("fi")
    deed = Deed.objects.published().order_by("pk").first()
    url = deed.get_absolute_url()
    before = Hit.objects.count()
    results = {
        "middleware, counted view": time_middleware(url, BROWSER),
        "middleware, skipped bot": time_middleware(url, BOT),
        **{f"deed page, {k} analytics": v for k, v in time_pages(url).items()},
    }
    recorded = Hit.objects.count() - before
    Hit.objects.filter(pk__gt=0).delete()  # leave the benchmark database as it was
    print(json.dumps({"vendor": connection.vendor, "recorded": recorded, "results": results}))


def main():
    args = arguments(__doc__, sizes=False)
    if args.worker:
        worker(args.worker, args.rebuild)
        return
    print(f"{'database':<10} {'case':<32} {'p50 ms':>7} {'p95 ms':>7}")
    extra = ["--rebuild"] if args.rebuild else []
    for backend, data in run_workers(__file__, args.backends, [SIZE], extra):
        for name, result in data["results"].items():
            print(f"{backend:<10} {name:<32} {result['p50']:>7.2f} {result['p95']:>7.2f}")
        pages = data["results"]
        extra_ms = (
            pages["deed page, with analytics"]["p50"] - pages["deed page, without analytics"]["p50"]
        )
        print(
            f"{backend:<10} {'whole request, extra (p50)':<32} {extra_ms:>7.2f}"
            f"   ({data['recorded']} hits recorded and removed)",
            flush=True,
        )


if __name__ == "__main__":
    main()

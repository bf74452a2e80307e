#!/usr/bin/env python3
"""Time from a new app process to its first answers (issue 19): Django set up, the first
page, the first search — cold, and after ``tori.runtime.warm_up`` (what the WSGI entry
point runs before gunicorn takes traffic). Each figure is a fresh process, median of 3.

    .venv/bin/python bench/start_up.py [DATABASE_URL]

The database must hold deeds (a dev database after ``dev.py start``, or a bench one);
default: the dev database, db.sqlite3.
"""

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, os, sys, time
started = time.perf_counter()
os.environ["DJANGO_SETTINGS_MODULE"] = "tori.settings.test"
import django
django.setup()
times = {"django set up": time.perf_counter() - started}
if sys.argv[1] == "warm":
    from tori.runtime import warm_up
    warm_up()
    times["warm-up"] = time.perf_counter() - started
from django.test import Client
client = Client()
mark = time.perf_counter()
assert client.get("/teot/").status_code == 200
times["first page (/teot/)"] = time.perf_counter() - mark
mark = time.perf_counter()
assert client.get("/teot/?q=kehittamisen+tyopajat").status_code == 200
times["first search"] = time.perf_counter() - mark
times["to the first search"] = time.perf_counter() - started
print(json.dumps(times))
"""


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{ROOT / 'db.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url}
    print(f"{'start':<6} {'step':<24} {'seconds':>8}")
    for mode in ("cold", "warm"):
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, "-c", PROBE, mode],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                .stdout.strip()
                .splitlines()[-1]
            )
            for _ in range(3)
        ]
        for step in runs[0]:
            print(f"{mode:<6} {step:<24} {statistics.median(r[step] for r in runs):>8.2f}")


if __name__ == "__main__":
    main()

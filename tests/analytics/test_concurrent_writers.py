"""Several app processes recording at once: every page view counted, visitors counted once.

Two real processes with their own database connections request deed pages at the same
moment, as two gunicorn workers would, while this process rolls up. Needs PostgreSQL:
the SQLite test database lives in this process's memory and no other process can open it.
These tests run outside a transaction, as requests do, so they also cover the
PostgreSQL INSERT that commits without waiting for the disk (analytics/services.py).
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from analytics.models import DailySalt, DeedDay, Hit, SiteDay
from analytics.services import analytics_rollup, hit_record
from organisations.models import Municipality, Region
from organisations.reference import load_reference_data
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db(transaction=True)
REQUESTS = 150  # per process
VISITORS = 30

CHILD = """
import sys
import django

django.setup()
from django.test import Client

url, requests, visitors = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
agent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
client = Client()
print("ready", flush=True)
sys.stdin.readline()  # wait until both processes are ready, then go at once
for n in range(requests):
    address = f"198.51.100.{n % visitors}"
    response = client.get(url, REMOTE_ADDR=address, headers={"User-Agent": agent})
    assert response.status_code == 200, response.status_code
print("done", flush=True)
"""


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): SQLite's test database is in memory")


def test_a_hit_commits_without_waiting_for_the_disk_and_nothing_else_does():
    needs_postgresql()
    hit_record(address="198.51.100.1", user_agent="Mozilla/5.0", path="/", referrer_host="a.fi")
    hit = Hit.objects.get()
    assert (hit.path, hit.deed_id, hit.referrer_host, len(hit.visitor)) == ("/", None, "a.fi", 16)
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"  # the setting lasted one statement only


def test_two_processes_recording_at_once_are_counted_exactly():
    needs_postgresql()
    if not Municipality.objects.exists():  # an earlier transactional test emptied the tables
        load_reference_data(Region, Municipality)
    deed = DeedFactory()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "tori.settings.test",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, deed.get_absolute_url(), str(REQUESTS), str(VISITORS)],
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
        for child in children:
            child.stdin.write("go\n")
            child.stdin.flush()
        # Roll up while they write: a rollup in the middle must not disturb the result.
        while any(child.poll() is None for child in children):
            analytics_rollup()
            time.sleep(0.05)
        for child in children:
            out, err = child.communicate(timeout=120)
            assert child.returncode == 0, err
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    assert Hit.objects.count() == 2 * REQUESTS
    assert DailySalt.objects.count() == 1  # both processes hashed with the same salt
    analytics_rollup()
    site = SiteDay.objects.get()
    assert (site.views, site.visitors) == (2 * REQUESTS, VISITORS)
    deed_day = DeedDay.objects.get(deed=deed)
    assert (deed_day.views, deed_day.visitors) == (2 * REQUESTS, VISITORS)

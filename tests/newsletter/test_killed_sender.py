"""Killing the sender in the middle of an issue, in a real separate process, and
starting it again: everyone gets the issue, nobody gets it twice."""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from newsletter.issue_services import issue_schedule
from tests.newsletter.factories import draft_issue, subscribed

ROOT = Path(settings.BASE_DIR)


def database_url(tmp_path):
    """The test database for another process: PostgreSQL's as it is (the test's rows are
    committed); SQLite's in-memory one copied to a file."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    copy = tmp_path / "db.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(copy)])
    return f"sqlite:///{copy}"


def manage(url, maildir, *args, die_after=0, check=True):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.newsletter.killed_sender_settings",
        "TORI_TEST_MAILDIR": str(maildir),
        "TORI_DIE_AFTER": str(die_after),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


STATUSES = (
    "import json; from emails.models import OutgoingEmail as E; "
    "print(json.dumps(sorted(E.objects.filter(bulk=True).values_list('to', 'status'))))"
)
TIME_PASSES = (
    "import datetime as dt; from django.utils import timezone; "
    "from emails.models import OutgoingEmail as E; "
    "E.objects.filter(bulk=True).update(claimed_at=timezone.now() - dt.timedelta(hours=1))"
)


@pytest.mark.django_db(transaction=True)
def test_a_sender_killed_mid_issue_resumes_without_sending_anyone_twice(tmp_path, settings):
    addresses = [f"lukija{n}@example.com" for n in range(8)]
    for address in addresses:
        subscribed(address)
    issue_schedule(draft_issue(), actor=None)
    url, maildir = database_url(tmp_path), tmp_path / "mail"
    maildir.mkdir()

    killed = manage(url, maildir, "send_newsletter", die_after=3, check=False)
    assert killed.returncode == 9, killed.stderr
    assert len(list(maildir.iterdir())) == 3
    # The batch's other messages were only reserved: once the reservation lapses (time
    # is moved on), a new sender takes them; the one being handed over is given up.
    manage(url, maildir, "shell", "-v", "0", "-c", TIME_PASSES)
    resumed = manage(url, maildir, "send_newsletter")

    received = Counter(path.name.split("-", 2)[2] for path in maildir.iterdir())
    assert sorted(received) == sorted(addresses)
    assert set(received.values()) == {1}, resumed.stdout
    statuses = json.loads(manage(url, maildir, "shell", "-v", "0", "-c", STATUSES).stdout)
    assert Counter(status for _, status in statuses) == {"sent": 7, "failed": 1}
    assert "finished 1" in resumed.stdout

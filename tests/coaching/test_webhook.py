"""The CRM webhook (coaching/webhooks.py): a real HTTP receiver on 127.0.0.1 gets each
state change once it commits, signed with HMAC-SHA256, without personal data; a
failing receiver is tried again on the schedule and then given up."""

import datetime as dt
import hashlib
import hmac
import json
import os
import subprocess
import sys
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from coaching.models import ApplicationStatus as S
from coaching.models import WebhookDelivery
from coaching.services import application_accept, application_assess
from coaching.tasks import deliver_webhook
from coaching.webhooks import RETRY_AFTER, webhooks_retry_due

from .factories import expert, open_round, sent

pytestmark = pytest.mark.django_db
SECRET = "crm-shared-secret-for-tests"
T0 = dt.datetime(2031, 5, 4, 10, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
ROOT = Path(settings.BASE_DIR)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.posts.append((dict(self.headers), body))
        self.send_response(self.server.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def crm(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.posts, server.status = [], 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.COACHING_WEBHOOK_URL = f"http://127.0.0.1:{server.server_address[1]}/hook"
    settings.COACHING_WEBHOOK_SECRET = SECRET
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def application(settings):
    """A sent application, made before the receiver is configured."""
    url, settings.COACHING_WEBHOOK_URL = settings.COACHING_WEBHOOK_URL, ""
    with time_machine.travel(T0 - dt.timedelta(hours=1), tick=False):
        open_round(year=2031)
        made = sent(
            contact_name="Salainen Henkilö",
            contact_email="salainen@example.fi",
            contact_phone="040 765 4321",
        )
    settings.COACHING_WEBHOOK_URL = url
    return made


def verify(headers, body, secret=SECRET):
    fields = dict(part.split("=", 1) for part in headers["X-Tori-Signature"].split(","))
    expected = hmac.new(
        secret.encode(), f"{fields['t']}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, fields["v1"]), int(fields["t"])


def test_a_state_change_is_posted_signed_and_without_personal_data(
    crm, application, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel(T0, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        application_assess(application, actor=None)
        # Nothing leaves before the change commits.
        assert crm.posts == []
    [(headers, body)] = crm.posts
    valid, timestamp = verify(headers, body)
    assert valid and timestamp == int(T0.timestamp())
    assert not verify(headers, body.replace(b"assessing", b"accepted "))[0]
    assert not verify(headers, body, secret="another secret")[0]
    assert headers["X-Tori-Event"] == "application.assessing"
    payload = json.loads(body)
    assert payload["application"] == application.pk and payload["status"] == S.ASSESSING
    assert payload["round"] == 2031
    assert payload["organisation"]["id"] == application.organisation_id
    assert payload["url"].endswith(f"/sparraus/hallinta/{application.pk}/")
    text = body.decode()
    for personal in ("Salainen", "salainen@example.fi", "040 765 4321", "Yhteys", "040"):
        assert personal not in text
    delivery = WebhookDelivery.objects.get()
    assert (delivery.attempts, delivery.next_attempt_at) == (1, None)
    assert delivery.delivered_at is not None


def test_a_failing_receiver_is_tried_on_the_schedule_then_given_up(
    crm, application, django_capture_on_commit_callbacks
):
    crm.status = 500
    with (
        time_machine.travel(T0, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        application_assess(application, actor=None)
    assert len(crm.posts) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_error == "HTTP 500" and delivery.delivered_at is None
    moment = T0
    for n, wait in enumerate(RETRY_AFTER, start=2):
        with time_machine.travel(moment + wait - dt.timedelta(seconds=1), tick=False):
            assert webhooks_retry_due() == 0
            deliver_webhook.enqueue(delivery.pk)  # a task that comes early posts nothing
        assert len(crm.posts) == n - 1
        moment += wait
        with time_machine.travel(moment, tick=False):
            out = StringIO()
            call_command("send_coaching_mail", stdout=out)
        assert "delivered 0 webhook announcement(s)" in out.getvalue()
        assert len(crm.posts) == n
    delivery.refresh_from_db()
    assert delivery.attempts == len(RETRY_AFTER) + 1
    assert delivery.given_up_at is not None and delivery.next_attempt_at is None
    with time_machine.travel(moment + dt.timedelta(days=3), tick=False):
        assert webhooks_retry_due() == 0
    assert len(crm.posts) == len(RETRY_AFTER) + 1
    # Every try carried the same body, each freshly signed.
    assert len({body for _headers, body in crm.posts}) == 1
    assert all(verify(headers, body)[0] for headers, body in crm.posts)


def test_a_receiver_that_recovers_gets_the_announcement_once(
    crm, application, django_capture_on_commit_callbacks
):
    crm.status = 503
    with (
        time_machine.travel(T0, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        application_assess(application, actor=None)
    crm.status = 204
    with time_machine.travel(T0 + RETRY_AFTER[0], tick=False):
        out = StringIO()
        call_command("send_coaching_mail", stdout=out)
    assert "delivered 1 webhook announcement(s)" in out.getvalue()
    with time_machine.travel(T0 + dt.timedelta(days=1), tick=False):
        assert webhooks_retry_due() == 0
    assert len(crm.posts) == 2
    delivery = WebhookDelivery.objects.get()
    assert delivery.delivered_at is not None and delivery.attempts == 2


def test_an_unreachable_receiver_is_an_error_not_a_crash(
    settings, application, django_capture_on_commit_callbacks
):
    settings.COACHING_WEBHOOK_URL = "http://127.0.0.1:9/nobody-listens"
    settings.COACHING_WEBHOOK_SECRET = SECRET
    with django_capture_on_commit_callbacks(execute=True):
        application = application_assess(application, actor=None)
    assert application.status == S.ASSESSING
    delivery = WebhookDelivery.objects.get()
    assert delivery.last_error and delivery.next_attempt_at is not None


def test_a_rolled_back_change_posts_nothing_and_stores_nothing(
    crm, application, django_capture_on_commit_callbacks
):
    coach = expert()
    # Django drops the after-commit work of a rolled-back block, as a real commit would.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            application_accept(application, days=Decimal("1"), expert=coach, actor=None)
            assert WebhookDelivery.objects.count() == 1
            raise RuntimeError("the view failed after the change")
    assert callbacks == []
    application.refresh_from_db()
    assert application.status == S.RECEIVED
    assert WebhookDelivery.objects.count() == 0 and crm.posts == []
    # A change that commits is posted after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        application_assess(application, actor=None)
    assert [json.loads(body)["status"] for _headers, body in crm.posts] == [S.ASSESSING]


def test_without_a_receiver_nothing_is_stored(settings, application):
    settings.COACHING_WEBHOOK_URL = ""
    application_assess(application, actor=None)
    assert not WebhookDelivery.objects.exists()


def test_production_refuses_a_webhook_without_its_secret():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tori.settings.prod",
        "SECRET_KEY": "p" * 20 + "roduction-like-secret-key-with-enough-entropy-0123456789",
        "ALLOWED_HOSTS": "tekojentori.fi",
        "DATABASE_URL": "sqlite:///unused.sqlite3",
        "SITE_URL": "https://tekojentori.fi",
        "COACHING_WEBHOOK_URL": "https://crm.example.fi/hook",
    }
    env.pop("COACHING_WEBHOOK_SECRET", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "COACHING_WEBHOOK_SECRET must be set" in result.stderr
    env["COACHING_WEBHOOK_SECRET"] = "s" * 40
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

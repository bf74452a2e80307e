"""/healthz: the database answers and the background queues move (issue 19, item 5)."""

from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from emails.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def test_healthy_with_nothing_waiting(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().splitlines() == [
        "ok",
        "database: ok",
        "email queue: ok, oldest due 0 s",
        "task queue: ok, oldest due 0 s",
    ]
    assert response["Cache-Control"] == "no-store"


def test_an_email_due_for_too_long_means_the_worker_is_down(client, settings):
    settings.HEALTH_QUEUE_MAX_SECONDS = 600
    email = OutgoingEmail.objects.create(to="a@example.fi", language="fi", subject="x")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=5)
    )
    assert client.get("/healthz").status_code == 200
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=11)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "email queue: stuck, oldest due 66" in response.content.decode()


def test_a_task_waiting_too_long_is_unhealthy_but_a_deferred_one_is_not(client, settings):
    settings.HEALTH_QUEUE_MAX_SECONDS = 600
    long_ago = timezone.now() - timedelta(hours=1)
    task = DBTaskResult.objects.create(
        task_path="emails.tasks.deliver_email",
        args_kwargs={"args": [1], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=timezone.now() + timedelta(hours=1),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=long_ago)
    assert client.get("/healthz").status_code == 200
    DBTaskResult.objects.filter(pk=task.pk).update(run_after=get_date_max())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "task queue: stuck" in response.content.decode()


def test_a_database_that_does_not_answer_is_unhealthy(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(OutgoingEmail.objects, "due", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "database: unavailable" in response.content.decode()

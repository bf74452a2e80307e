"""The background worker reconnects after a database outage (issue 19, item 5)."""

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from core.management.commands import run_worker
from emails.models import EmailStatus, OutgoingEmail
from emails.services import email_queue

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_worker_waits_out_an_outage_and_then_delivers(settings, monkeypatch):
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(run_worker, "FIRST_PAUSE", 0.01)
    email = email_queue(
        to="maija@example.fi",
        template="feedback_received",
        context={"feedback": None},
        language="fi",
    )
    assert DBTaskResult.objects.ready().count() == 1

    # The database refuses the worker's first three queries, as during a restart.
    real_get_locked = DBTaskResultQuerySet.get_locked
    failures = iter(range(3))

    def get_locked(queryset):
        if next(failures, None) is not None:
            raise OperationalError("server closed the connection unexpectedly")
        return real_get_locked(queryset)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)
    call_command("run_worker", "--batch", "--no-startup-delay", "--interval", "0")

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert next(failures, None) is None  # all three outages were met and waited out


@pytest.mark.django_db(transaction=True)
def test_without_the_wrapper_the_upstream_worker_dies(settings, monkeypatch):
    """Why run_worker exists: db_worker gives up on the first database error."""
    settings.TASKS = DATABASE_TASKS

    def get_locked(queryset):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)
    with pytest.raises(OperationalError):
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")
    assert OutgoingEmail.objects.count() == 0

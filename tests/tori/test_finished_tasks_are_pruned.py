"""Finished background tasks are deleted a week after they finished (django-tasks
keeps them for ever otherwise)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

pytestmark = pytest.mark.django_db


def test_the_daily_prune_deletes_finished_tasks_after_a_week():
    from django.core.management import call_command

    def finished(days_ago, status="SUCCESSFUL"):
        task = DBTaskResult.objects.create(
            task_path="emails.tasks.deliver_email",
            args_kwargs={"args": [1], "kwargs": {}},
            queue_name="default",
            backend_name="default",
            priority=0,
            run_after=get_date_max(),
            status=status,
        )
        DBTaskResult.objects.filter(pk=task.pk).update(
            finished_at=timezone.now() - timedelta(days=days_ago)
        )
        return task

    old, failed, recent = finished(8), finished(9, "FAILED"), finished(6)
    waiting = DBTaskResult.objects.create(
        task_path="emails.tasks.deliver_email",
        args_kwargs={"args": [2], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        run_after=get_date_max(),
    )
    call_command("prune")
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert old and failed

"""Derived data follows the changes declared in catalogue/changes.py: the deed list's
counts and search, whichever way the deeds or their labels change."""

import pytest
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from tests.deeds.factories import DeedFactory
from tests.taxonomy.factories import theme

pytestmark = pytest.mark.django_db


def found(client, text):
    return client.get("/teot/", {"q": text}).context["total"]


def test_a_renamed_theme_finds_its_deeds_by_the_new_name(client):
    tagged = theme("tyohyvinvointi")
    DeedFactory(title="Aamukahvit", themes=[tagged])
    assert found(client, "kuutamokeilaus") == 0
    tagged.name_fi = "Kuutamokeilaus"
    tagged.save()
    assert found(client, "kuutamokeilaus") == 1


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_a_renamed_theme_is_reindexed_by_the_task_worker_not_in_the_request(client):
    tagged = theme("tyohyvinvointi")
    DeedFactory.create_batch(3, themes=[tagged])
    tagged.name_fi = "Kuutamokeilaus"
    tagged.save()
    # The save returned without re-analysing three deeds' text: a job waits.
    job = DBTaskResult.objects.ready().get()
    assert found(client, "kuutamokeilaus") == 0
    # What the worker does with it (db_worker itself closes the test's connection).
    job.task.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"])
    assert found(client, "kuutamokeilaus") == 3


def test_a_deed_saved_or_deleted_moves_the_list_at_once(client):
    deed = DeedFactory(title="Kävelykokous")
    assert found(client, "kävelykokous") == 1
    deed.title = "Seisova palaveri"
    deed.save()
    assert found(client, "kävelykokous") == 0
    assert found(client, "palaveri") == 1
    deed.delete()
    assert client.get("/teot/").context["total"] == 0

"""deploy/backup.sh and deploy/restore.sh: a backup restored into an empty database
and empty media folders has the same deeds, submissions, emails and files."""

import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from deeds.models import Deed
from emails.models import OutgoingEmail
from submissions.models import Submission
from tests.deeds.factories import DeedFactory

DEPLOY = Path(settings.BASE_DIR) / "deploy"
pytestmark = pytest.mark.django_db(transaction=True)


def _url(name):
    params = connection.settings_dict
    host, port = params["HOST"] or "127.0.0.1", params["PORT"] or 5432
    return f"postgres://{params['USER']}@{host}:{port}/{name}"


def _psql(statement):
    subprocess.run(["psql", _url("postgres"), "-qc", statement], check=True, capture_output=True)


def _rows(url):
    query = (
        "SELECT (SELECT string_agg(title, '|' ORDER BY id) FROM deeds_deed),"
        " (SELECT string_agg(form_key, '|' ORDER BY id) FROM submissions_submission),"
        " (SELECT string_agg(subject, '|' ORDER BY id) FROM emails_outgoingemail)"
    )
    return subprocess.run(
        ["psql", url, "-tAc", query], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the recipe's database is PostgreSQL")
def test_a_backup_restores_into_an_empty_database_with_everything(
    tmp_path, settings, reference_data
):
    DeedFactory.create_batch(3)
    Submission.objects.create(email="a@example.fi", data={"title": "Luonnos"})
    OutgoingEmail.objects.create(to="a@example.fi", subject="Tervetuloa", body_text="Hei")
    media = Path(settings.MEDIA_ROOT)
    (media / "deeds").mkdir(parents=True)
    (media / "deeds" / "kuva.webp").write_bytes(b"RIFF-image")
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    (private / "submissions").mkdir(parents=True)
    (private / "submissions" / "liite.pdf").write_bytes(b"%PDF-1.4 liite")
    source = _url(connection.settings_dict["NAME"])
    env = {**os.environ, "DATABASE_URL": source, "MEDIA_ROOT": str(media),
           "PRIVATE_MEDIA_ROOT": str(private)}  # fmt: skip
    backup = subprocess.run(
        [DEPLOY / "backup.sh", tmp_path / "backups"], env=env, check=True,
        capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip

    name = f"{connection.settings_dict['NAME']}_restored"
    _psql(f"DROP DATABASE IF EXISTS {name}")
    _psql(f"CREATE DATABASE {name}")
    try:
        restored_media, restored_private = tmp_path / "media", tmp_path / "private"
        env = {**env, "DATABASE_URL": _url(name), "MEDIA_ROOT": str(restored_media),
               "PRIVATE_MEDIA_ROOT": str(restored_private)}  # fmt: skip
        subprocess.run([DEPLOY / "restore.sh", backup], env=env, check=True, capture_output=True)
        assert _rows(_url(name)) == _rows(source)
        assert (Deed.objects.count(), Submission.objects.count()) == (3, 1)
        assert "Tervetuloa" in _rows(_url(name))
        assert (restored_media / "deeds" / "kuva.webp").read_bytes() == b"RIFF-image"
        assert (restored_private / "submissions" / "liite.pdf").read_bytes() == b"%PDF-1.4 liite"
    finally:
        _psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_restore_refuses_a_folder_without_a_backup(tmp_path):
    result = subprocess.run(
        [DEPLOY / "restore.sh", tmp_path], capture_output=True, text=True,
        env={**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1/none"},
    )  # fmt: skip
    assert result.returncode == 1 and "no database.dump" in result.stderr

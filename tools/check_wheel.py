#!/usr/bin/env python3
"""Check that the built package works outside the repository (issue 19): build the
wheel, install it into a fresh virtual environment whose dependencies come from the
project's .venv (no download), and from an empty directory migrate a new SQLite
database, compile the translations and render the home page, a deed list and the
privacy notice in Finnish and Swedish. Exits non-zero on any failure.

    .venv/bin/python tools/check_wheel.py
"""

import shutil
import subprocess
import sys
import sysconfig
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_SOURCE = (".git", ".venv", "node_modules", "build", "*.egg-info", "media", "*.sqlite3*")

SCRIPT = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "tori.settings.test"
django.setup()
import tori
assert "site-packages" in tori.__file__, tori.__file__  # not the repository
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("compile_translations", verbosity=0)
from django.test import Client
client = Client()
for path, text in [("/", "Tekojen tori"), ("/teot/", "teko"), ("/tietosuoja/", "Tietosuojaseloste"),
                   ("/sv/tietosuoja/", "Dataskydds"), ("/tapahtumat/", "Tapahtumat")]:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert text in response.content.decode(), (path, text)
print("the installed wheel served", tori.__file__)
"""


def run(*command, **kwargs):
    subprocess.run(command, check=True, **kwargs)


def install_wheel(temp):
    """Build the wheel from a copy of the clone and install it into a new virtual
    environment under ``temp``; returns that environment's python."""
    # From a copy: setuptools reuses a build/ folder in the source tree, which would
    # hide files the package no longer declares.
    source = temp / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", temp / "dist", source)
    (wheel,) = (temp / "dist").glob("*.whl")
    env_dir = temp / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies the project's environment already has, without a download.
    Path(site, "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(python, "-m", "pip", "install", "--no-deps", "-q", wheel)
    return python


def main():
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        python = install_wheel(temp)
        work = temp / "elsewhere"
        work.mkdir()
        env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}"}
        run(python, "-c", SCRIPT, cwd=work, env=env)


if __name__ == "__main__":
    main()

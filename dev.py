#!/usr/bin/env python3
"""The two commands a newcomer needs (see README.md).

    python3 dev.py start   install everything, create the SQLite database with demo
                           data and serve the portal on http://127.0.0.1:8000
    python3 dev.py test    run the whole test suite (extra arguments go to pytest)

Needs only Python 3.11+. Dependencies come from pyproject.toml into .venv; they are
installed again only when pyproject.toml changes.
"""

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".tori-installed"
DEV_ADMIN = ("admin@example.com", "tori-admin-dev")


def run(*args, **kwargs):
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=True, **kwargs)


def ensure_environment(with_dev):
    if sys.version_info < (3, 11):  # noqa: UP036 - a clear message instead of a traceback
        sys.exit("Tekojen tori needs Python 3.11 or newer.")
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = list(project["project"]["dependencies"])
    if with_dev:
        packages += project["dependency-groups"]["dev"]
    wanted = hashlib.sha256("\n".join(packages).encode()).hexdigest()
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv …")
        venv.create(VENV, with_pip=True)
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if wanted not in installed:
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *packages)
        STAMP.write_text("\n".join({*installed, wanted}))
    run(PYTHON, "manage.py", "compile_translations")


def start(args):
    ensure_environment(with_dev=False)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tori.settings.dev"}
    run(PYTHON, "manage.py", "migrate", "--no-input", env=env)
    check = "import sys; from deeds.models import Deed; sys.exit(0 if Deed.objects.exists() else 1)"
    has_deeds = subprocess.run([PYTHON, "manage.py", "shell", "-c", check], cwd=ROOT, env=env)
    if has_deeds.returncode != 0:
        run(PYTHON, "manage.py", "seed_demo", env=env)
        # The map's borders, when the reference data is beside the repository.
        for layer in ("kunnat-2023", "maakunnat-2023"):
            borders = ROOT.parent / "shared" / "data" / f"{layer}.geojson"
            if borders.exists():
                run(PYTHON, "manage.py", "load_geodata", str(borders), env=env)
    run(PYTHON, "manage.py", "ensure_dev_admin", DEV_ADMIN[0], DEV_ADMIN[1], env=env)
    print(
        f"\nTekojen tori: http://127.0.0.1:8000/   admin: http://127.0.0.1:8000/hallinta/ "
        f"({DEV_ADMIN[0]} / {DEV_ADMIN[1]})\n",
        flush=True,
    )
    # Email and other background work: the task worker and the newsletter's sender run
    # beside the web server and stop with it, on Ctrl+C and on a plain `kill` (SIGTERM)
    # alike. Each child runs in its own process group, so runserver's autoreloader child
    # goes with it.
    children = [
        subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        for command in (
            [PYTHON, "manage.py", "run_worker", "--no-reload", "--interval", "2"],
            [PYTHON, "manage.py", "send_newsletter", "--loop"],
            [PYTHON, "manage.py", "runserver", "127.0.0.1:8000", *args],
        )
    ]
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        children[-1].wait()
    except KeyboardInterrupt:
        pass
    finally:
        _stop(children)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop(children):
    for child in children:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGTERM)
    for child in children:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)


def test(args):
    ensure_environment(with_dev=True)
    # axe-core (accessibility checks in the browser tests) comes from npm.
    if not (ROOT / "node_modules" / "axe-core").exists() and shutil.which("npm"):
        run("npm", "ci", "--no-audit", "--no-fund")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tori.settings.test"}
    result = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)
    sys.exit(result.returncode)


COMMANDS = {"start": start, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](sys.argv[2:])

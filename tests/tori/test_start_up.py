"""Start-up: a Django process does not load the Finnish dictionary until it needs it,
and an app server warms it and the in-memory indexes before taking traffic (issue 19)."""

import subprocess
import sys

import pytest
from django.conf import settings

from tori.runtime import warm_up


def test_setting_up_django_does_not_load_voikko():
    code = (
        "import os, sys, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'tori.settings.test'; "
        "django.setup(); import django.core.management; "
        "from django.urls import resolve; resolve('/'); print('pyvoikko' in sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "False"


@pytest.mark.django_db
def test_warming_up_loads_the_dictionary():
    from core.analysis import voikko

    voikko.cache_clear()
    warm_up()
    assert voikko.cache_info().currsize == 1

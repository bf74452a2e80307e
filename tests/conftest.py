import os
from pathlib import Path

import pytest
from django.conf import settings


def shared_data_dir():
    """The reference data beside the repository (../shared/data), never copied into it.

    $TORI_SHARED_DATA wins; a clone elsewhere (CI) also finds the workspace's copy.
    """
    candidates = [
        os.environ.get("TORI_SHARED_DATA", ""),
        Path(settings.BASE_DIR).parent / "shared" / "data",
        "/work/shared/data",
    ]
    for candidate in candidates:
        if candidate and Path(candidate, "kunnat-2023.geojson").exists():
            return Path(candidate)
    return None


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        email="staff@example.com", password="x", is_staff=True, is_superuser=True
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached values (related deeds…) start from nothing in every test; rate limits are
    counted in the database, which each test rolls back."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _finnish_first():
    """Every test starts in Finnish, the site's default language.

    Django's test client leaves the language of the last request active in the thread,
    so without this a test's reverse() or gettext would depend on which test ran before
    it in the same worker."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def reference_data():
    """A transactional test ends by emptying every table, the rows the data migrations
    loaded (regions, municipalities, taxonomy, coaching themes) included, so a
    transactional test that runs after another in the same worker finds none: this
    loads them again when they are missing."""
    from importlib import import_module

    from django.apps import apps

    from organisations.models import Municipality

    if Municipality.objects.exists():
        return
    for name in (
        "organisations.migrations.0002_reference_data",
        "organisations.migrations.0003_reference_data_languages",
        "taxonomy.migrations.0002_initial_taxonomy",
        "coaching.migrations.0002_themes",
    ):
        module = import_module(name)
        (getattr(module, "load", None) or module.add)(apps, None)

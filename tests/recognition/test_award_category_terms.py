"""A sector or theme award category added through the service keeps its term (the demo
seeds its sector categories this way)."""

import datetime as dt

import pytest

from audit.models import AuditEntry
from recognition.awards import CategoryKind, Gala
from recognition.services import category_add
from taxonomy.models import Sector, Theme

pytestmark = pytest.mark.django_db


def test_category_add_keeps_the_sector_or_theme_it_is_for():
    gala = Gala.objects.create(year=2026, name="Gaala 2026", date=dt.date(2026, 12, 10))
    sector, theme = Sector.objects.first(), Theme.objects.first()
    by_sector = category_add(
        gala, name=sector.name_fi, kind=CategoryKind.SECTOR, sector=sector, actor=None
    )
    by_theme = category_add(
        gala, name=theme.name_fi, kind=CategoryKind.THEME, theme=theme, actor=None
    )
    by_sector.refresh_from_db()
    by_theme.refresh_from_db()
    assert (by_sector.sector, by_sector.theme, by_sector.position) == (sector, None, 0)
    assert (by_theme.theme, by_theme.sector, by_theme.position) == (theme, None, 1)
    assert AuditEntry.objects.filter(action="gala.category_added").count() == 2

"""A database that hangs cannot hold a request for ever: PostgreSQL statements end after
DB_STATEMENT_TIMEOUT_MS, connecting gives up after DB_CONNECT_TIMEOUT (issue 19)."""

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db


def test_postgresql_connections_carry_the_timeouts():
    if connection.vendor != "postgresql":
        pytest.skip("statement timeouts are PostgreSQL's")
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 5
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"

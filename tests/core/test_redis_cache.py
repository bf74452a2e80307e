"""The optional shared cache (CACHE_URL, Redis) is only a cache: while Redis is down the
pages work as if there were no cache, the outage is logged once, and the cache is used
again as soon as Redis is back."""

import logging
import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis

from tests.deeds.factories import DeedFactory
from tests.editors.factories import UserFactory
from tests.organisations.factories import OrganisationFactory
from tests.submissions.factories import form_values
from tests.submissions.helpers import post_form

pytestmark = pytest.mark.django_db

BACKEND = "core.cache.ResilientRedisCache"


def free_port():
    """A port nothing listens on (just released by the operating system)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def use_cache(settings, port, **options):
    """CACHES as tori/settings/base.py builds them from CACHE_URL, with a key prefix of
    this test's own (other tests and programs may share the Redis)."""
    prefix = f"tori-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": BACKEND,
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, **options},
        }
    }
    return prefix


def stored_keys(port, prefix):
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
    keys = client.keys(f"{prefix}:*")
    if keys:
        client.delete(*keys)
    return keys


def warnings_from_the_cache(caplog):
    return [r for r in caplog.records if r.name == "core.cache" and r.levelno >= logging.WARNING]


def test_pages_work_while_the_cache_is_down_and_the_outage_is_logged_once(client, settings, caplog):
    use_cache(settings, free_port())
    deed = DeedFactory()
    user = UserFactory()
    organisation = OrganisationFactory()
    with caplog.at_level(logging.INFO, logger="core.cache"):
        for _ in range(2):
            assert client.get(deed.get_absolute_url()).status_code == 200
        response = client.post(
            "/tili/kirjaudu/", {"username": user.email, "password": "salasana-123"}
        )
        assert response.status_code == 302
        client.post("/tili/kirjaudu-ulos/")
        assert post_form(client, form_values(organisation)).status_code == 302
    assert len(warnings_from_the_cache(caplog)) == 1


@pytest.mark.skipif(not listening(6379), reason="no Redis at 127.0.0.1:6379")
def test_pages_are_cached_in_redis_when_it_is_up(client, settings):
    prefix = use_cache(settings, 6379)
    deed = DeedFactory()
    DeedFactory()
    assert client.get(deed.get_absolute_url()).status_code == 200
    assert stored_keys(6379, prefix)


@pytest.fixture
def redis_server():
    """A Redis of this test's own, which the test can stop and start again."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    processes = []

    def start():
        processes.append(
            subprocess.Popen(
                [binary, "--port", str(port), "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        deadline = time.monotonic() + 10
        while not listening(port):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def stop():
        processes[-1].terminate()
        processes[-1].wait(10)

    start()
    yield port, start, stop
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(10)


def test_the_cache_is_used_again_when_redis_comes_back(client, settings, caplog, redis_server):
    port, start, stop = redis_server
    prefix = use_cache(settings, port, RETRY_SECONDS=0)
    deed = DeedFactory()
    DeedFactory()
    with caplog.at_level(logging.INFO, logger="core.cache"):
        assert client.get(deed.get_absolute_url()).status_code == 200
        assert stored_keys(port, prefix)

        stop()
        for _ in range(3):
            assert client.get(deed.get_absolute_url()).status_code == 200
        assert len(warnings_from_the_cache(caplog)) == 1

        start()
        assert client.get(deed.get_absolute_url()).status_code == 200
        assert stored_keys(port, prefix)
    assert len(warnings_from_the_cache(caplog)) == 1
    assert any("back" in r.getMessage() for r in caplog.records if r.name == "core.cache")

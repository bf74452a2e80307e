"""Feeds and sitemaps write their absolute links from SITE_URL, whatever Host header the
request came with (issue 19)."""

import pytest

from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://tekojentori.fi"
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]


def test_the_feed_links_use_the_site_address(client, site):
    deed = DeedFactory(status="published")
    body = client.get("/syotteet/uudet.atom", HTTP_HOST="evil.example").content.decode()
    assert f"https://tekojentori.fi{deed.get_absolute_url()}" in body
    assert "evil.example" not in body


def test_the_sitemaps_use_the_site_address(client, site):
    DeedFactory(status="published")
    index = client.get("/sitemap.xml", HTTP_HOST="evil.example").content.decode()
    assert "https://tekojentori.fi/sitemap-" in index and "evil.example" not in index
    section = client.get("/sitemap-deeds.xml", HTTP_HOST="evil.example").content.decode()
    assert "https://tekojentori.fi/teot/" in section and "evil.example" not in section

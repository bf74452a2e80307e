"""A share card is drawn once and then served from the cache (issue 19)."""

import pytest
from django.core.cache import cache

from core.cards import card_cache_key
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


def test_the_second_request_gets_the_drawn_card_from_the_cache(client):
    deed = DeedFactory(status="published", title="Kortin otsikko")
    key = card_cache_key(deed.title, deed.organisation.name)
    assert cache.get(key) is None
    first = client.get(f"/teot/{deed.pk}/kortti.png")
    assert first.status_code == 200 and first["Content-Type"] == "image/png"
    assert cache.get(key) == first.content
    # What the cache holds is what is served: a changed cached value shows.
    cache.set(key, b"\\x89PNG cached")
    assert client.get(f"/teot/{deed.pk}/kortti.png").content == b"\\x89PNG cached"

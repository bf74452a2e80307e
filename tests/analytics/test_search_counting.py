"""Searches are counted by their words, with those that found nothing, never by who searched."""

import pytest

from analytics.models import Hit, SearchDay, SearchHit
from analytics.services import analytics_rollup
from tests.analytics.conftest import visitor
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deeds():
    DeedFactory(title="Kotihoidon iltakäynnit")
    DeedFactory(title="Etätyön pelisäännöt")


def test_searches_and_searches_without_results_are_counted(client, deeds):
    client.get("/teot/?q=kotihoito", **visitor())
    client.get("/teot/?q=KOTIHOITO  ", **visitor(address="198.51.100.2"))
    client.get("/teot/?q=qwxzvbnm", **visitor())
    client.get("/teot/", **visitor())
    assert sorted(SearchHit.objects.values_list("query", "results")) == [
        ("kotihoito", 1),
        ("kotihoito", 1),
        ("qwxzvbnm", 0),
    ]
    analytics_rollup()
    rows = {r.query: (r.searches, r.zero_results) for r in SearchDay.objects.all()}
    assert rows == {"kotihoito": (2, 0), "qwxzvbnm": (1, 1)}
    assert Hit.objects.count() == 4  # every search is a page view of the list too


def test_searches_store_no_visitor(client, deeds):
    client.get("/teot/?q=kotihoito", **visitor())
    assert {f.name for f in SearchHit._meta.fields} == {"id", "day", "query", "results", "source"}


def test_a_search_is_counted_once_not_again_on_its_next_pages(client):
    for _ in range(25):
        DeedFactory(title="Kotihoidon kokeilu")
    client.get("/teot/?q=kotihoito", **visitor())
    client.get("/teot/?q=kotihoito&page=2", **visitor())
    assert SearchHit.objects.count() == 1
    assert Hit.objects.count() == 2


def test_searches_typed_live_into_the_list_are_not_counted(client, deeds):
    """htmx asks after each pause in typing ("koti", "kotiho"…): those are not searches."""
    client.get("/teot/?q=koti", **visitor(**{"HX-Request": "true"}))
    assert not SearchHit.objects.exists()


@pytest.mark.parametrize(
    "words", ["maija.meikalainen@example.fi", "040 123 4567", "010190-123A", "0401234567"]
)
def test_search_words_that_look_like_personal_data_are_not_stored(client, deeds, words):
    client.get("/teot/", {"q": words}, **visitor())
    assert not SearchHit.objects.exists()
    assert Hit.objects.count() == 1


def test_years_and_postal_codes_are_kept(client, deeds):
    client.get("/teot/", {"q": "kotihoito 2024 90100"}, **visitor())
    assert SearchHit.objects.get().query == "kotihoito 2024 90100"


def test_search_by_a_bot_is_not_counted(client, deeds):
    client.get("/teot/?q=kotihoito", **visitor(user_agent="Mozilla/5.0 (compatible; bingbot/2.0)"))
    assert not SearchHit.objects.exists()

"""A search defaults to best match wherever it was typed, newer first within a rank tier."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


def titles(html):
    found = re.findall(r'class="deed-card__title"><a href="[^"]+">(.*?)</a>', html)
    return [re.sub(r"<[^>]+>", "", title) for title in found]  # matches are <mark>ed


def selected_sort(html):
    return re.search(r'<option value="([^"]*)" selected>', html).group(1)


@pytest.fixture
def deeds():
    now = timezone.now()
    # Title matches rank above summary matches; within each, newer first.
    DeedFactory(title="Vanha kotihoito", published_at=now - dt.timedelta(days=30))
    DeedFactory(title="Uusi kotihoito", published_at=now - dt.timedelta(days=1))
    DeedFactory(
        title="Uusin reittikokeilu",
        summary="Kotihoito sai uudet reitit.",
        published_at=now,
    )


def test_the_list_offers_its_default_order_as_an_empty_value(client, deeds):
    html = client.get("/teot/").content.decode()
    assert selected_sort(html) == ""  # "newest", sent as the default
    assert '<option value="title">' in html


def test_a_search_typed_in_the_list_after_the_default_order_is_best_match(client, deeds):
    # The list's form sends the sort box as it was: the default, as "".
    html = client.get("/teot/", {"q": "kotihoito", "sort": ""}).content.decode()
    assert titles(html) == ["Uusi kotihoito", "Vanha kotihoito", "Uusin reittikokeilu"]
    assert selected_sort(html) == ""  # best match, the default of a search
    assert '<option value="newest">' in html


def test_a_search_from_the_header_box_is_best_match(client, deeds):
    html = client.get("/teot/", {"q": "kotihoito"}).content.decode()
    assert titles(html) == ["Uusi kotihoito", "Vanha kotihoito", "Uusin reittikokeilu"]


def test_an_order_chosen_for_a_search_is_kept(client, deeds):
    html = client.get("/teot/", {"q": "kotihoito", "sort": "newest"}).content.decode()
    assert titles(html)[0] == "Uusin reittikokeilu"
    assert selected_sort(html) == "newest"

"""Every submitted search counts once, from the header box, the list (with and without
JavaScript) and the API's q, each labelled with where it was typed."""

import re

import pytest

from analytics.models import SearchDay, SearchHit
from analytics.services import analytics_rollup
from tests.analytics.conftest import visitor
from tests.deeds.factories import DeedFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
SITE = "http://testserver"


@pytest.fixture
def deeds():
    organisation = OrganisationFactory(name_fi="Limingan kunta")
    for i in range(25):
        DeedFactory(title=f"Kotihoidon kokeilu {i}", organisation=organisation)
    DeedFactory(title="Etätyön pelisäännöt", organisation=organisation)
    return organisation


def counted():
    return sorted(SearchHit.objects.values_list("query", "results", "source"))


def from_page(url, **headers):
    return visitor(Referer=SITE + url, **headers)


def htmx(current, **headers):
    return visitor(**{"HX-Request": "true", "HX-Current-URL": SITE + current, **headers})


def test_the_header_box_counts_once_however_the_search_goes_on(client, deeds):
    client.get("/teot/", {"q": "Kotihoito"}, **from_page("/tietoa/"))
    # Without JavaScript: a filter, a sort, the next page and a removed chip keep the words.
    steps = [
        ("/teot/?q=kotihoito&sector=sosiaali-ja-terveys", "/teot/?q=Kotihoito"),
        ("/teot/?q=kotihoito&sort=title", "/teot/?q=kotihoito&sector=sosiaali-ja-terveys"),
        ("/teot/?q=kotihoito&sort=title&page=2", "/teot/?q=kotihoito&sort=title"),
        ("/teot/?q=kotihoito", "/teot/?q=kotihoito&sort=title&page=2"),
    ]
    for url, before in steps:
        assert client.get(url, **from_page(before)).status_code == 200
    assert counted() == [("kotihoito", 25, "site")]


def test_a_search_from_a_link_or_without_referrer_counts_as_the_header_box(client, deeds):
    client.get("/teot/?q=etätyö", **visitor())
    assert counted() == [("etätyö", 1, "site")]


def test_new_words_in_the_list_without_javascript_count_as_the_list(client, deeds):
    client.get("/teot/?q=kotihoito", **from_page("/"))
    client.get("/teot/?q=etätyö&sort=", **from_page("/teot/?q=kotihoito"))
    client.get("/teot/?q=etätyö&sort=&sector=sosiaali-ja-terveys", **from_page("/teot/?q=etätyö"))
    assert counted() == [("etätyö", 1, "list"), ("kotihoito", 25, "site")]


def test_the_list_with_javascript_counts_only_the_marked_submission(client, deeds):
    # Pauses in typing ("koti", "kotihoi"): tori.js does not mark them.
    client.get("/teot/?q=koti", **htmx("/teot/"))
    client.get("/teot/?q=kotihoi", **htmx("/teot/?q=koti"))
    assert counted() == []
    # Enter (or leaving the box, or using a filter after typing) submits the words once.
    client.get("/teot/?q=kotihoito", **htmx("/teot/?q=kotihoi", **{"Tori-Search": "new"}))
    client.get("/teot/?q=kotihoito&sector=x", **htmx("/teot/?q=kotihoito"))
    client.get("/teot/?q=kotihoito&page=2", **htmx("/teot/?q=kotihoito"))
    assert counted() == [("kotihoito", 25, "list")]


def test_back_and_forward_never_count_again(client, deeds):
    restore = {"HX-History-Restore-Request": "true", "Tori-Search": "new"}
    client.get("/teot/?q=kotihoito", **visitor(**restore))
    client.get("/teot/?q=kotihoito", **visitor(**{"HX-Request": "true", **restore}))
    assert counted() == []


def test_the_list_of_an_organisation_page_counts_as_the_list(client, deeds):
    path = deeds.get_absolute_url()
    client.get(path, **visitor())
    client.get(path + "?q=etätyö&sort=", **from_page(path))
    client.get(path + "?q=kotihoito", **htmx(path + "?q=etätyö", **{"Tori-Search": "new"}))
    assert counted() == [("etätyö", 1, "list"), ("kotihoito", 25, "list")]


def test_the_api_q_counts_once_per_query_even_from_programs(client, deeds):
    program = "python-requests/2.32"
    assert (
        client.get("/api/v1/deeds/?q=kotihoito", **visitor(user_agent=program)).status_code == 200
    )
    client.get("/api/v1/deeds/?q=kotihoito&page=2", **visitor(user_agent=program))
    client.get("/api/v1/deeds/?sector=sosiaali-ja-terveys", **visitor(user_agent=program))
    client.get("/api/v1/deeds/?q=zzzqqq", **visitor())
    assert counted() == [("kotihoito", 25, "api"), ("zzzqqq", 0, "api")]


@pytest.mark.parametrize(
    "headers",
    [{"DNT": "1"}, {"Sec-GPC": "1"}, {"Sec-Purpose": "prefetch"}],
)
def test_the_api_follows_the_same_privacy_rules(client, deeds, headers):
    client.get("/api/v1/deeds/?q=kotihoito", **visitor(**headers))
    client.get("/api/v1/deeds/", {"q": "maija@example.fi"}, **visitor())
    client.get("/api/v1/deeds/", {"q": "040 123 4567"}, **visitor())
    assert counted() == []


def test_hostile_words_do_not_break_counting(client, deeds):
    for words in ["x" * 10_000, "koti\x00hoito", "\u202ekotihoito", '"kotihoito" OR NEAR(']:
        assert client.get("/teot/", {"q": words}, **visitor()).status_code == 200
        assert client.get("/teot/", {"q": words}, **htmx("/teot/", **{"Tori-Search": "new"}))
    stored = [query for query, _, _ in counted()]
    assert all(len(query) <= 100 and query.isprintable() for query in stored)
    assert "koti hoito" in stored and "kotihoito" in stored


def test_the_dashboard_shows_searches_by_where_they_were_submitted(client, staff_user, deeds):
    client.get("/teot/?q=kotihoito", **visitor())
    client.get("/teot/?q=kotihoito", **htmx("/teot/", **{"Tori-Search": "new"}))
    client.get("/api/v1/deeds/?q=kotihoito", **visitor())
    client.get("/api/v1/deeds/?q=etätyö", **visitor())
    analytics_rollup()
    rows = sorted(SearchDay.objects.values_list("query", "source", "searches"))
    assert rows == [
        ("etätyö", "api", 1),
        ("kotihoito", "api", 1),
        ("kotihoito", "list", 1),
        ("kotihoito", "site", 1),
    ]
    client.force_login(staff_user)
    html = client.get("/en/kavijat/").content.decode()
    sources = html.split("search-sources", 1)[1].split("</table>", 1)[0]
    figures = dict(
        re.findall(
            r'<th scope="row">([^<]+)</th><td class="numeric"><span[^>]*>[^<]*</span>(\d+)<',
            sources,
        )
    )
    assert figures == {
        "Header search box or a link": "1",
        "Search box of a deed list": "1",
        "Open data API": "2",
    }
    top = re.search(r">kotihoito</th>(.*?)</tr>", html).group(1)
    assert re.findall(r"</span>(\d+)</td>", top) == ["3", "0", "1"]  # all, none found, API

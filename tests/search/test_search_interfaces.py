"""Search through its public interfaces: the list page, the API, the commands."""

import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from search.models import SearchEntry, SearchVocabulary
from taxonomy.models import Theme
from tests.deeds.factories import DeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deeds():
    return [
        DeedFactory(title="Etätyöhön siirtyminen", summary="Siirryimme etätyöhön keväällä."),
        DeedFactory(
            title="Kotihoidon reitit",
            summary="Kotihoidon reitit suunniteltiin uusiksi.",
            themes=[Theme.objects.get(slug="innovaatiot")],
        ),
        DeedFactory(title="Ruokapalveluiden hävikki", summary="Hävikki puolittui."),
    ]


def test_list_page_searches_highlights_and_keeps_the_query_in_links(client, deeds):
    html = client.get("/teot/", {"q": "etätyö"}).content.decode()
    assert re.findall(r'class="deed-card__title"><a href="[^"]+">(.+?)</a>', html) == [
        "<mark>Etätyöhön</mark> siirtyminen"
    ]
    assert "Siirryimme <mark>etätyöhön</mark> keväällä." in html
    assert 'value="etätyö"' in html
    assert 'href="/sv/teot/?q=et%C3%A4ty%C3%B6"' in html


def test_list_page_explains_a_correction(client, deeds):
    html = client.get("/teot/", {"q": "kotihiodon"}).content.decode()
    assert "<strong>kotihoidon</strong>" in html
    assert re.search(r"[“”]kotihiodon”", html)
    assert "<mark>Kotihoidon</mark> reitit" in html


def test_list_page_with_only_common_words_says_so(client, deeds):
    response = client.get("/teot/", {"q": "ja ja on"})
    assert response.status_code == 200
    assert "notice--warning" in response.content.decode()


def test_api_returns_rank_order_and_snippets(client, deeds):
    DeedFactory(
        title="Vanha juttu",
        summary="Kerroimme myös kotihoidosta.",
        published_at=(deeds[0].published_at.replace(year=2019)),
    )
    data = client.get("/api/v1/deeds/", {"q": "kotihoito"}).json()
    assert [r["title"] for r in data["results"]] == ["Kotihoidon reitit", "Vanha juttu"]
    assert data["results"][0]["snippet"] == (
        "<mark>Kotihoidon</mark> reitit suunniteltiin uusiksi."
    )
    assert data["query"] == {"text": "kotihoito", "corrected_from": None, "messages": []}
    assert data["facets"]["theme"] == [{"value": "innovaatiot", "label": "Innovaatiot", "count": 1}]


def test_api_search_combines_with_filters(client, deeds):
    data = client.get("/api/v1/deeds/", {"q": "kotihoito", "theme": "luottamus"}).json()
    assert data["count"] == 0
    data = client.get("/api/v1/deeds/", {"q": "kotihoito", "theme": "innovaatiot"}).json()
    assert data["count"] == 1


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "'; DROP TABLE x; --", "😀", "ja", " ".join(["sana"] * 500)]
)
def test_api_never_fails_on_odd_queries(client, deeds, query):
    response = client.get("/api/v1/deeds/", {"q": query})
    assert response.status_code == 200
    assert response.json()["count"] >= 0


def test_search_deeds_command_prints_the_same_ids_as_json(capsys, client, deeds):
    call_command("search_deeds", "kotihoito", "--json")
    printed = json.loads(capsys.readouterr().out)
    api = client.get("/api/v1/deeds/", {"q": "kotihoito"}).json()
    assert printed["ids"] == [r["id"] for r in api["results"]]
    assert printed["count"] == api["count"] == 1


def test_search_deeds_command_takes_filters_and_rejects_bad_ones(capsys, deeds):
    call_command("search_deeds", "kotihoito", "--filter", "theme=innovaatiot")
    assert capsys.readouterr().out.strip() == str(deeds[1].pk)
    with pytest.raises(CommandError, match="ei-ole"):
        call_command("search_deeds", "kotihoito", "--filter", "theme=ei-ole")


def test_rebuild_gives_the_same_index_as_incremental_updates(capsys, deeds):
    before = {
        e.deed_id: (e.title, e.summary, e.body, e.meta, e.phrase) for e in SearchEntry.objects.all()
    }
    vocabulary = set(
        SearchVocabulary.objects.filter(deeds__gt=0).values_list("kind", "token", "deeds")
    )
    call_command("rebuild_search_index")
    after = {
        e.deed_id: (e.title, e.summary, e.body, e.meta, e.phrase) for e in SearchEntry.objects.all()
    }
    assert after == before
    assert set(SearchVocabulary.objects.values_list("kind", "token", "deeds")) == vocabulary
    assert "Indexed 3 published deeds" in capsys.readouterr().out


def test_the_full_text_index_follows_entries_however_they_change(client, settings, deeds):
    # The database's own index (FTS5 on SQLite, search_vectors on PostgreSQL) is kept in
    # step by triggers, whichever way rows change: the indexer deletes and inserts, a
    # migration or a script may update, Django's test runner truncates.
    settings.SEARCH_CACHE_SIZE = 0

    def found(query):
        return [r["title"] for r in client.get("/api/v1/deeds/", {"q": query}).json()["results"]]

    assert found("kotihoito") == ["Kotihoidon reitit"]
    SearchEntry.objects.filter(deed=deeds[1]).update(title="lukupiiri", summary="", body="")
    assert found("lukupiiri") == ["Kotihoidon reitit"]
    assert found("kotihoito") == []
    SearchEntry.objects.filter(deed=deeds[0]).delete()
    assert found("etätyö") == []
    assert found("hävikki") == ["Ruokapalveluiden hävikki"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE waits for none
            cursor.execute("TRUNCATE search_searchentry")
        else:
            cursor.execute("DELETE FROM search_searchentry")
    assert found("hävikki") == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # VACUUM cannot run inside a transaction
def test_a_rebuild_on_postgresql_vacuums_the_deleted_rows_away():
    # A rebuild deletes every entry; until VACUUM, index scans still visit the deleted
    # rows' pages (search p95 at 96,000 deeds: 43 ms instead of 29 ms). No deeds here:
    # an earlier transactional test's flush may have emptied the places they need.

    def vacuumed():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, coalesce(last_vacuum, 'epoch') FROM pg_stat_user_tables"
                " WHERE relname IN ('search_searchentry', 'search_vectors')"
            )
            return dict(cursor.fetchall())

    before = vacuumed()
    call_command("rebuild_search_index", verbosity=0)
    after = vacuumed()
    assert sorted(after) == ["search_searchentry", "search_vectors"]
    assert all(after[table] > before[table] for table in after)


def test_vocabulary_counts_follow_edits_and_deletions(deeds):
    def count(word):
        row = SearchVocabulary.objects.filter(kind="w", token=word).first()
        return row.deeds if row else 0

    assert count("hävikki") == 1
    deeds[2].summary = "Ei mainintaa."
    deeds[2].save()
    assert count("hävikki") == 1  # still in the title
    deeds[2].title = "Ruokapalveluiden kokeilu"
    deeds[2].save()
    assert count("hävikki") == 0
    deeds[0].delete()
    assert count("siirryimme") == 0


def test_similar_fragment_offers_deeds_sharing_distinctive_words(client, deeds):
    DeedFactory(title="Kotihoidon reittisuunnittelu", summary="Reitit kotihoidossa.")
    html = client.get(
        "/haku/samankaltaiset/", {"title": "Kotihoidon reitit uusiksi", "summary": ""}
    ).content.decode()
    assert "Kotihoidon reitit" in html
    assert "Etätyöhön" not in html
    assert client.get("/haku/samankaltaiset/", {"title": ""}).content.decode().strip() == ""


def test_cached_matches_are_reused_until_a_deed_changes(settings, deeds, django_assert_num_queries):
    from catalogue.index import get_catalogue
    from search.services import deed_search

    settings.SEARCH_CACHE_SIZE = 10
    first = deed_search("kotihoito", get_catalogue())
    with django_assert_num_queries(1):  # only the catalogue version check
        again = deed_search("kotihoito", get_catalogue())
    assert again.mask.sum() == first.mask.sum() == 1
    DeedFactory(title="Uusi kotihoidon kokeilu")
    assert deed_search("kotihoito", get_catalogue()).mask.sum() == 2

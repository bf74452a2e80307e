"""The search app's privacy contract (docs/privacy.md): the search index holds no one's
data of its own, but it is made from the deeds' text, so what a person typed there
reaches its entries, the full-text engine's tables, the vocabulary and the stored word
analyses.

Erasing from a deed (deeds/privacy.py, which runs first) saves the deed, and the
change hooks (catalogue/changes.py) re-index it then and there: its entry is made anew
without the person. What the index keeps beside the entries is cleared here: words and
terms no published deed has any more (an address's or a phone number's pieces among
them), the stored analyses of words no deed has, and, on SQLite, the full-text
engine's deleted entries, which stay in its segments until they are merged.
PostgreSQL's deleted rows go when autovacuum next visits the table.
"""

from django.db import connection, transaction

from .models import SearchVocabulary, StoredAnalysis

# Derived from the deeds' text and rebuilt from it (deeds/privacy.py answers for that).
MODELS = []


def personal_data_export(address):
    return {}


@transaction.atomic
def personal_data_erase(address, phones=()):
    SearchVocabulary.objects.filter(deeds__lte=0).delete()
    words = SearchVocabulary.objects.filter(kind=SearchVocabulary.WORD).values("token")
    StoredAnalysis.objects.exclude(word__in=words).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    # Counted by the deeds' contract: nothing here belongs to a person.
    return {}


def personal_data_prune(now=None):
    return {}


def notice_purposes():
    return []

"""Keep the search index in step with published deeds.

Analysis happens here, when a deed is saved, never when someone searches. Only
published deeds are indexed: publishing indexes, unpublishing or deleting removes.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F

from core.analysis import analyse_text, is_stop_word, words
from core.db import refresh_statistics
from deeds.models import Deed
from organisations.models import Municipality, Organisation, Region
from taxonomy.models import CustomerGroup, Sector, Subtheme, Theme

from .models import SearchEntry, SearchVocabulary
from .word_store import warm

TERM_LIMIT = 60  # the vocabulary table's token length


@dataclass
class EntryData:
    entry: SearchEntry
    words: set
    terms: set


def _names(obj, languages=("fi", "sv", "en")):
    """(text, language) pairs of an object's names in the languages it has."""
    return [
        (getattr(obj, f"name_{code}", ""), code)
        for code in languages
        if getattr(obj, f"name_{code}", "")
    ]


def _meta_sources(deed):
    sources = _names(deed.organisation) + [(deed.unit, deed.language)]
    for partner in deed.partners.all():
        sources += _names(partner)
    for place in (deed.municipality, deed.region):
        if place is not None:
            sources += _names(place)
    for tags in (deed.sectors, deed.themes, deed.subthemes, deed.customer_groups):
        for term in tags.all():
            sources += _names(term)
    return sources


def _texts(deed):
    """(text, language) of everything of a deed that is indexed."""
    own = [deed.title, deed.summary, *(text for _name, _label, text in deed.sections)]
    return [(text, deed.language) for text in own] + _meta_sources(deed)


def _warm(deeds):
    """Load or make the analyses of every word of these deeds in one go."""
    warm(
        {
            (word, language)
            for deed in deeds
            for text, language in _texts(deed)
            for word, _ in words(text)
            if not is_stop_word(word, language)
        }
    )


def entry_for(deed):
    """The analysed text of one deed (not saved)."""
    language = deed.language
    title = analyse_text(deed.title, language)
    summary = analyse_text(deed.summary, language)
    body = analyse_text("\n".join(text for _name, _label, text in deed.sections), language)
    meta_terms, surface = [], set()
    for text, text_language in _meta_sources(deed):
        meta_terms += analyse_text(text, text_language).terms
        surface.update(word for word, _ in words(text))
    for text in (deed.title, deed.summary, *(t for _n, _l, t in deed.sections)):
        surface.update(word for word, _ in words(text))

    def joined(terms):
        return " ".join(dict.fromkeys(terms))

    entry = SearchEntry(
        deed_id=deed.pk,
        language=language,
        title=joined(title.terms),
        summary=joined(summary.terms),
        body=joined(body.terms),
        meta=joined(meta_terms),
        phrase=" ".join(title.primary + summary.primary + body.primary),
        words=" ".join(sorted(surface)),
    )
    terms = set(title.terms) | set(summary.terms) | set(body.terms) | set(meta_terms)
    return EntryData(entry, surface, terms)


def _vocabulary(words_, terms):
    return {(SearchVocabulary.WORD, w) for w in words_ if len(w) <= TERM_LIMIT} | {
        (SearchVocabulary.TERM, t) for t in terms if len(t) <= TERM_LIMIT
    }


def _entry_vocabulary(entry):
    terms = {
        t for field in (entry.title, entry.summary, entry.body, entry.meta) for t in field.split()
    }
    return _vocabulary(entry.words.split(), terms)


def _apply(changes, sign):
    """Add (sign +1) or subtract (-1) per-token deed counts in the vocabulary."""
    by_amount = {}
    for (kind, token), amount in changes.items():
        by_amount.setdefault((kind, amount), []).append(token)
    for (kind, amount), tokens in by_amount.items():
        for start in range(0, len(tokens), 500):
            batch = tokens[start : start + 500]
            existing = SearchVocabulary.objects.filter(kind=kind, token__in=batch)
            existing.update(deeds=F("deeds") + sign * amount)
            if sign > 0:
                known = set(existing.values_list("token", flat=True))
                SearchVocabulary.objects.bulk_create(
                    [
                        SearchVocabulary(kind=kind, token=t, deeds=amount)
                        for t in batch
                        if t not in known
                    ],
                    ignore_conflicts=True,
                )


def _published_batch(ids):
    return (
        Deed.objects.published()
        .filter(pk__in=ids)
        .select_related("organisation", "municipality", "region")
        .prefetch_related("partners", "sectors", "themes", "subthemes", "customer_groups")
    )


@transaction.atomic
def search_index_deeds(deed_ids, batch_size=500, keep=True):
    """Bring the index up to date for these deeds: published ones are (re)indexed,
    others removed (all of them with ``keep=False``). Returns how many are indexed."""
    indexed = 0
    deed_ids = list(dict.fromkeys(deed_ids))
    for start in range(0, len(deed_ids), batch_size):
        ids = deed_ids[start : start + batch_size]
        old = Counter()
        for entry in SearchEntry.objects.filter(deed_id__in=ids):
            old.update(_entry_vocabulary(entry))
        SearchEntry.objects.filter(deed_id__in=ids).delete()
        new, entries = Counter(), []
        batch = list(_published_batch(ids)) if keep else []
        _warm(batch)
        for deed in batch:
            data = entry_for(deed)
            entries.append(data.entry)
            new.update(_vocabulary(data.words, data.terms))
        SearchEntry.objects.bulk_create(entries)
        indexed += len(entries)
        _apply(new - old, +1)
        _apply(old - new, -1)
    return indexed


def search_index_deed(deed_id):
    """Index one deed if it is published, remove it otherwise."""
    return bool(search_index_deeds([deed_id]))


def search_rebuild(progress=None, batch_size=500):
    """Rebuild the whole index from the published deeds. ``progress(done, total)``."""
    ids = list(Deed.objects.published().order_by("pk").values_list("pk", flat=True))
    vocabulary = Counter()
    done = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchVocabulary.objects.all().delete()
        for start in range(0, len(ids), batch_size):
            entries = []
            batch = list(_published_batch(ids[start : start + batch_size]))
            _warm(batch)
            for deed in batch:
                data = entry_for(deed)
                entries.append(data.entry)
                vocabulary.update(_vocabulary(data.words, data.terms))
            SearchEntry.objects.bulk_create(entries)
            done += len(entries)
            if progress:
                progress(done, len(ids))
        SearchVocabulary.objects.bulk_create(
            [
                SearchVocabulary(kind=kind, token=token, deeds=n)
                for (kind, token), n in vocabulary.items()
            ],
            batch_size=2000,
        )
    _compact()
    return done


def _compact():
    """Leave the database's index as if built once, after every entry was replaced.

    SQLite: merge FTS5's segments, with the deleted entries' tombstones, into one (search
    API p95 at 96,000 deeds: 30 ms before, 22 ms after; the merge takes about 8 s).
    PostgreSQL: VACUUM, so that index scans stop visiting the deleted rows' pages; its
    vectors are in a table of their own (migration 0004).
    """
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
    vectors = ["search_vectors"] if connection.vendor == "postgresql" else []
    refresh_statistics(SearchEntry, SearchVocabulary, tables=vectors, vacuum=True)


# Labels that appear in indexed deeds' text, and how to find those deeds.
_LABELLED = {
    Organisation: lambda o: Deed.objects.filter(organisation=o) | Deed.objects.filter(partners=o),
    Municipality: lambda m: Deed.objects.filter(municipality=m),
    Region: lambda r: Deed.objects.filter(region=r),
    Sector: lambda t: Deed.objects.filter(sectors=t),
    Theme: lambda t: Deed.objects.filter(themes=t),
    Subtheme: lambda t: Deed.objects.filter(subthemes=t),
    CustomerGroup: lambda t: Deed.objects.filter(customer_groups=t),
}


def deeds_with_label(instance):
    """The ids of the published deeds whose indexed text shows this label."""
    deeds = _LABELLED[type(instance)](instance).published()
    return list(deeds.values_list("pk", flat=True).distinct())

"""Searching published deeds: what the search box and the API call."""

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.urls import reverse

from core.analysis import analyse_text

from .backends import find_matches
from .models import SearchVocabulary
from .query import parse_query, with_words_replaced

CORRECTABLE_LENGTH = 5  # shorter words have too many one-letter neighbours
ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"


@dataclass
class Place:
    kind: str  # "organisation" or "municipality"
    label: str
    url: str
    count: int


@dataclass
class SearchResult:
    parsed: object
    mask: np.ndarray
    scores: np.ndarray
    corrected_from: str = ""  # what was typed, when a correction was searched instead
    places: list = field(default_factory=list)

    @property
    def notes(self):
        return self.parsed.notes


class MatchCache:
    """The last searches' matches, per process, for as long as nothing changes.

    Keyed by the catalogue version, which moves whenever a deed or a label changes
    (and so whenever the search index does): a cached answer is never stale. During
    campaign bursts many people search the same few words.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = OrderedDict()

    def get(self, parsed, version):
        size = settings.SEARCH_CACHE_SIZE
        if not size:
            return find_matches(parsed)
        key = (
            version,
            tuple(sorted(tuple(sorted(w.terms)) for w in parsed.words)),
            tuple(tuple(map(tuple, p)) for p in parsed.phrases),
        )
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        matches = find_matches(parsed)
        with self._lock:
            self._entries[key] = matches
            while len(self._entries) > size:
                self._entries.popitem(last=False)
        return matches


match_cache = MatchCache()


def deed_search(text, catalogue, language="fi"):
    """Matching rows of the catalogue, their relevance, and what to tell the searcher."""
    parsed = parse_query(text)
    matches = match_cache.get(parsed, catalogue.version)
    corrected_from = ""
    if not len(matches.ids) and parsed.words:
        replacements = corrections([w.word for w in parsed.words])
        if replacements:
            corrected = with_words_replaced(parsed, replacements)
            retry = match_cache.get(corrected, catalogue.version)
            if len(retry.ids):
                corrected_from, parsed, matches = parsed.text, corrected, retry
    rows, found = catalogue.rows_of(matches.ids)
    mask = np.zeros(catalogue.size, dtype=bool)
    mask[rows] = True
    scores = np.zeros(catalogue.size, dtype=np.int64)
    scores[rows] = matches.tiers[found]
    return SearchResult(
        parsed, mask, scores, corrected_from, place_matches(parsed, catalogue, language)
    )


def edits(word):
    """Every string one edit (delete, swap, replace, insert) away from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in ALPHABET if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in ALPHABET]
    return set(deletes + swaps + replaces + inserts) - {word}


def corrections(query_words):
    """Likely intended words for words that appear in no deed: {typed: suggestion}."""
    candidates = [w for w in query_words if len(w) >= CORRECTABLE_LENGTH]
    vocabulary = SearchVocabulary.objects.filter(kind=SearchVocabulary.WORD, deeds__gt=0)
    known = set(vocabulary.filter(token__in=candidates).values_list("token", flat=True))
    replacements = {}
    for word in candidates:
        if word in known:
            continue
        best = (
            vocabulary.filter(token__in=sorted(edits(word)))
            .order_by("-deeds", "token")
            .values_list("token", flat=True)
            .first()
        )
        if best:
            replacements[word] = best
    return replacements


_names_lock = threading.Lock()
_names = (None, None)


@dataclass
class _NameIndex:
    by_term: dict  # distinctive term -> [(facet, key)]
    choices: dict  # (facet, key) -> (choice, published deeds)


def _name_index(catalogue):
    """Distinctive terms of organisation and municipality names, once per catalogue.

    Words that many names share ("kunta", "kaupunki", "hyvinvointialue") are left
    out, so "kotihoito kaupunki" does not offer every city. Built when the catalogue
    changes, so a search only looks up its own terms.
    """
    global _names
    version, index = _names
    if version == catalogue.version:
        return index
    with _names_lock:
        named, frequency = [], Counter()
        for facet in ("organisation", "municipality"):
            totals = catalogue.totals(facet)
            for choice in catalogue.columns[facet].choices:
                terms = set()
                for key, name in choice.names.items():
                    terms.update(analyse_text(name, key[-2:]).terms)
                named.append((facet, choice, terms, totals.get(choice.key, 0)))
                frequency.update(terms)
        common = {term for term, n in frequency.items() if n > max(3, len(named) // 50)}
        index = _NameIndex({}, {})
        for facet, choice, terms, count in named:
            index.choices[facet, choice.key] = (choice, count)
            for term in terms - common:
                index.by_term.setdefault(term, []).append((facet, choice.key))
        _names = (catalogue.version, index)
    return index


def place_matches(parsed, catalogue, language, limit=5):
    """Organisations and municipalities named by a query word ("Kangasala")."""
    if not parsed.words:
        return []
    index = _name_index(catalogue)
    named = Counter()  # how many of the query's words each place's name has
    for word in parsed.words:
        named.update({place for term in word.terms for place in index.by_term.get(term, ())})
    found = []
    for (facet, key), words in named.items():
        choice, count = index.choices[facet, key]
        if facet == "organisation":
            url = reverse("organisations:detail", kwargs={"slug": key})
        else:
            url = reverse("deeds:list") + f"?municipality={key}"
        found.append((words, Place(facet, choice.label(language), url, count)))
    found.sort(key=lambda p: (-p[0], p[1].kind != "municipality", -p[1].count, p[1].label))
    return [place for _named, place in found[:limit]]

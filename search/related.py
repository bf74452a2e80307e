"""Related deeds (on every deed page) and possibly similar deeds (for the share form).

Both look for deeds sharing *distinctive* terms: the rarest terms of the text that
occur in at least one other deed, found through the same full-text index as the
search box. Shared tags (sectors, themes, subthemes, customer groups) add to the
score, so a deed with little text still gets sensible neighbours.
"""

import numpy as np
from django.core.cache import cache

from core.analysis import analyse_text

from .backends import ids_with_term
from .models import SearchEntry, SearchVocabulary

TERMS_USED = 8
MIN_TERM_LENGTH = 4
TERM_WEIGHT = 2
TAG_FACETS = ("sector", "theme", "subtheme", "customer_group")
CACHE_SECONDS = 3600


def _distinctive(terms, catalogue, exclude_self):
    """The rarest terms that at least one other published deed also has."""
    candidates = {t for t in terms if len(t) >= MIN_TERM_LENGTH and not t.isdigit()}
    common = max(20, catalogue.size // 20)  # in more than 5 % of deeds: not telling
    least = 2 if exclude_self else 1
    counts = SearchVocabulary.objects.filter(
        kind=SearchVocabulary.TERM,
        token__in=sorted(candidates),
        deeds__gte=least,
        deeds__lte=common,
    ).values_list("token", "deeds")
    return [token for token, _ in sorted(counts, key=lambda tc: (tc[1], tc[0]))[:TERMS_USED]]


def _term_scores(terms, catalogue):
    scores = np.zeros(catalogue.size, dtype=np.int64)
    for term in terms:
        rows, _found = catalogue.rows_of(ids_with_term(term))
        scores[rows] += TERM_WEIGHT
    return scores


def _best(scores, catalogue, limit, exclude_row=None, minimum=1):
    if exclude_row is not None:
        scores[exclude_row] = 0
    rows = np.flatnonzero(scores >= minimum)
    # Rows are newest first, so a stable sort keeps newer deeds first among equals.
    rows = rows[np.argsort(-scores[rows], kind="stable")][:limit]
    return [int(i) for i in catalogue.ids[rows]]


def related_deed_ids(deed_id, catalogue, limit=4):
    """Ids of published deeds related to this one, most related first."""
    key = f"search:related:{deed_id}:{catalogue.version}:{limit}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    row = catalogue.row_of(deed_id)
    entry = SearchEntry.objects.filter(deed_id=deed_id).only("title", "summary", "meta").first()
    if row is None or entry is None:
        return []
    # What the deed is about is in its title and summary; its own organisation and
    # places would only find its neighbours ("More from this organisation" does that).
    terms = {*entry.title.split(), *entry.summary.split()} - set(entry.meta.split())
    scores = _term_scores(_distinctive(terms, catalogue, exclude_self=True), catalogue)
    for name in TAG_FACETS:
        column = catalogue.columns[name]
        for choice in column.values_of(row):
            scores += column.mask([column.key_to_code[choice.key]], catalogue.size)
    ids = _best(scores, catalogue, limit, exclude_row=row, minimum=TERM_WEIGHT)
    cache.set(key, ids, CACHE_SECONDS)
    return ids


def similar_deed_ids(text, catalogue, language="fi", limit=5):
    """Published deeds that may tell the same story as ``text`` (a title and summary
    being typed into the share form): at least two distinctive terms in common."""
    terms = set(analyse_text(text, language).terms)
    scores = _term_scores(_distinctive(terms, catalogue, exclude_self=False), catalogue)
    return _best(scores, catalogue, limit, minimum=2 * TERM_WEIGHT)

"""Ask the database's full-text index which deeds match, and where.

A deed matches when every query word has one of its terms in the deed's title,
summary, body or meta (organisation, places, tags), and every quoted phrase
appears as consecutive primary terms. For ranking, each match gets a tier:
4 if any query term is in its title, + 2 for the summary, + 1 for the body; deeds
found only through their organisation or tags get 0. Newer deeds win ties (done
by the catalogue). SQLite answers with FTS5, PostgreSQL with tsvector and GIN;
the questions are the same, so the answers are too.
"""

from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

TIERS = (("title", 4), ("summary", 2), ("body", 1))  # as in _postgres_matches


@dataclass
class Matches:
    ids: np.ndarray  # deed ids, ascending
    tiers: np.ndarray  # aligned with ids


def _numbers(text):
    # fromstring with a separator parses in C: several times faster than split() for the
    # tens of thousands of ids a common word matches.
    return np.fromstring(text, dtype=np.int64, sep=" ") if text else np.zeros(0, dtype=np.int64)


def find_matches(parsed):
    if parsed.is_empty:
        return Matches(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if connection.vendor == "postgresql":
        return _postgres(parsed)
    return _sqlite(parsed)


# --- SQLite FTS5 ---------------------------------------------------------------------


def _fts_any(terms):
    # Terms are letters and digits only (analysis.WORD), so quoting is all they need.
    return "(" + " OR ".join(f'"{term}"' for term in sorted(terms)) + ")"


def _fts_query(parsed):
    parts = [f"({{title summary body meta}} : {_fts_any(word.terms)})" for word in parsed.words]
    for variants in parsed.phrases:
        options = " OR ".join(f'({{phrase}} : "{" ".join(variant)}")' for variant in variants)
        parts.append(f"({options})")
    return " AND ".join(parts)


def _sqlite_ids(match):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT group_concat(rowid, ' ') FROM search_fts WHERE search_fts MATCH %s", [match]
        )
        return np.sort(_numbers(cursor.fetchone()[0]))


def _sqlite(parsed):
    query = _fts_query(parsed)
    ids = _sqlite_ids(query)
    tiers = np.zeros(len(ids), dtype=np.int64)
    if len(ids):
        hits = _fts_any(parsed.all_terms)
        for column, weight in TIERS:
            in_column = _sqlite_ids(f"({{{column}}} : {hits}) AND {query}")
            tiers += weight * np.isin(ids, in_column, assume_unique=True)
    return Matches(ids, tiers)


# --- PostgreSQL tsvector ---------------------------------------------------------------


def _ts_any(terms):
    return "(" + " | ".join(f"'{term}'" for term in sorted(terms)) + ")"


def _postgres_ids(where, params, select="deed_id::text"):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT string_agg({select}, ' ') FROM search_searchentry WHERE {where}", params
        )
        return _numbers(cursor.fetchone()[0])


def _postgres(parsed):
    # PostgreSQL's planner does not count the cost of detoasting the (out-of-line)
    # tsvectors, so on smaller tables it picks a sequential scan that unpacks every
    # row's document; the GIN bitmap scan is exact for these queries and never needs to.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        return _postgres_matches(parsed)


def _postgres_matches(parsed):
    conditions, params = [], []
    if parsed.words:
        conditions.append("document @@ %s::tsquery")
        params.append(" & ".join(_ts_any(word.terms) for word in parsed.words))
    for variants in parsed.phrases:
        conditions.append("phrase_document @@ %s::tsquery")
        params.append(
            " | ".join("(" + " <-> ".join(f"'{t}'" for t in variant) + ")" for variant in variants)
        )
    match = " AND ".join(conditions)
    hits = _ts_any(parsed.all_terms)
    # Title and summary vectors are stored in the row (migration 0002), so their tiers
    # come with the match; the body's, out of line, from a GIN intersection (BitmapAnd).
    tier = (
        "(CASE WHEN title_terms @@ %s::tsquery THEN 4 ELSE 0 END"
        " + CASE WHEN summary_terms @@ %s::tsquery THEN 2 ELSE 0 END)"
    )
    pairs = _postgres_ids(
        match, [hits, hits, *params], select=f"deed_id::text || ' ' || {tier}::text"
    ).reshape(-1, 2)
    order = np.argsort(pairs[:, 0])
    ids, tiers = pairs[order, 0], pairs[order, 1]
    if len(ids):
        in_body = _postgres_ids(f"body_terms @@ %s::tsquery AND {match}", [hits, *params])
        tiers = tiers + np.isin(ids, in_body)
    return Matches(ids, tiers)


def ids_with_term(term):
    """Ids of indexed deeds having one term anywhere (title, summary, body or meta)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT string_agg(deed_id::text, ' ') FROM search_searchentry "
                "WHERE document @@ %s::tsquery",
                [f"'{term}'"],
            )
        else:
            cursor.execute(
                "SELECT group_concat(rowid, ' ') FROM search_fts WHERE search_fts MATCH %s",
                [f'{{title summary body meta}} : "{term}"'],
            )
        return _numbers(cursor.fetchone()[0])

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

TIERS = (("title", 4), ("summary", 2), ("body", 1))


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
        # Each tier on its own, intersected with the matches here: twice as fast as
        # making FTS5 evaluate the whole query again for each.
        hits = _fts_any(parsed.all_terms)
        for column, weight in TIERS:
            in_column = _sqlite_ids(f"{{{column}}} : {hits}")
            tiers += weight * np.isin(ids, in_column, assume_unique=True)
    return Matches(ids, tiers)


# --- PostgreSQL tsvector ---------------------------------------------------------------


def _ts_any(terms):
    return "(" + " | ".join(f"'{term}'" for term in sorted(terms)) + ")"


def _postgres(parsed):
    # PostgreSQL's planner does not count the cost of detoasting the (out-of-line)
    # tsvectors, so on smaller tables it picks a sequential scan that unpacks every
    # row's document; the GIN bitmap scans are exact for these queries and never need to.
    # Parallel workers only add start-up time when many requests share two cores.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0"
        )
        return _postgres_matches(cursor, parsed)


def _postgres_matches(cursor, parsed):
    conditions, params = [], []
    if parsed.words:
        conditions.append("document @@ %s::tsquery")
        params.append(" & ".join(_ts_any(word.terms) for word in parsed.words))
    for variants in parsed.phrases:
        conditions.append("phrase_document @@ %s::tsquery")
        params.append(
            " | ".join("(" + " <-> ".join(f"'{t}'" for t in variant) + ")" for variant in variants)
        )
    cursor.execute(
        "SELECT string_agg(deed_id::text, ' ') FROM search_vectors WHERE "
        + " AND ".join(conditions),
        params,
    )
    ids = np.sort(_numbers(cursor.fetchone()[0]))
    tiers = np.zeros(len(ids), dtype=np.int64)
    if len(ids):
        # Each tier from its own GIN index alone, intersected with the matches here:
        # adding the match to these conditions would let the planner check it row by
        # row, unpacking every document it visits.
        hits = _ts_any(parsed.all_terms)
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT {weight}, string_agg(deed_id::text, ' ') FROM search_vectors"
                f" WHERE {column}_terms @@ %s::tsquery"
                for column, weight in TIERS
            ),
            [hits] * len(TIERS),
        )
        for weight, in_column in cursor.fetchall():
            tiers += weight * np.isin(ids, _numbers(in_column), assume_unique=True)
    return Matches(ids, tiers)


def ids_with_term(term):
    """Ids of indexed deeds having one term anywhere (title, summary, body or meta)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT string_agg(deed_id::text, ' ') FROM search_vectors "
                "WHERE document @@ %s::tsquery",
                [f"'{term}'"],
            )
        else:
            cursor.execute(
                "SELECT group_concat(rowid, ' ') FROM search_fts WHERE search_fts MATCH %s",
                [f'{{title summary body meta}} : "{term}"'],
            )
        return _numbers(cursor.fetchone()[0])

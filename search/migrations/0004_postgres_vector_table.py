"""PostgreSQL: the search vectors move to a narrow table of their own, search_vectors.

A GIN index answers which rows match, but PostgreSQL still visits each matching row
in the table. With the vectors as generated columns of search_searchentry, a row was
about 600 bytes (its text columns' pointers, the small vectors kept in line), so a
word in a fifth of 100,000 deeds meant 7,000 pages and 20 ms. search_vectors holds
only the deed id and the vectors, moved out of line (toast_tuple_target), about 130
bytes a row: the same search visits 1,600 pages. Triggers keep it in step with
search_searchentry, as FTS5's do on SQLite; they work a statement at a time, so a
batch of 500 entries is one INSERT ... SELECT.
"""

import importlib

from django.db import migrations

# The columns this replaces, to bring back when migrating backwards.
previous = importlib.import_module("search.migrations.0002_full_text_index")


def _terms(column):
    return f"array_to_tsvector(array_remove(string_to_array({column}, ' '), ''))"


VECTORS = {
    "document": (
        f"{_terms('e.title')} || {_terms('e.summary')} || {_terms('e.body')} || {_terms('e.meta')}"
    ),
    "phrase_document": "to_tsvector('simple'::regconfig, e.phrase)",
    "title_terms": _terms("e.title"),
    "summary_terms": _terms("e.summary"),
    "body_terms": _terms("e.body"),
}
COLUMNS = ", ".join(VECTORS)
SELECT_VECTORS = ", ".join(VECTORS.values())

POSTGRES_FORWARD = [
    f"""CREATE TABLE search_vectors (
        deed_id bigint PRIMARY KEY,
        {", ".join(f"{column} tsvector NOT NULL" for column in VECTORS)}
    ) WITH (toast_tuple_target = 128)""",
    *(
        f"CREATE INDEX search_vectors_{column} ON search_vectors USING gin ({column})"
        for column in VECTORS
    ),
    f"""CREATE FUNCTION search_vectors_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO search_vectors (deed_id, {COLUMNS})
        SELECT e.deed_id, {SELECT_VECTORS} FROM new_entries e;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION search_vectors_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_vectors v USING old_entries o WHERE v.deed_id = o.deed_id;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION search_vectors_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_vectors v USING old_entries o WHERE v.deed_id = o.deed_id;
        INSERT INTO search_vectors (deed_id, {COLUMNS})
        SELECT e.deed_id, {SELECT_VECTORS} FROM new_entries e;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION search_vectors_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_vectors;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER search_vectors_insert AFTER INSERT ON search_searchentry
        REFERENCING NEW TABLE AS new_entries
        FOR EACH STATEMENT EXECUTE FUNCTION search_vectors_insert()""",
    """CREATE TRIGGER search_vectors_delete AFTER DELETE ON search_searchentry
        REFERENCING OLD TABLE AS old_entries
        FOR EACH STATEMENT EXECUTE FUNCTION search_vectors_delete()""",
    """CREATE TRIGGER search_vectors_update AFTER UPDATE ON search_searchentry
        REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
        FOR EACH STATEMENT EXECUTE FUNCTION search_vectors_update()""",
    # Django's test runner empties tables with TRUNCATE, which fires no row triggers.
    """CREATE TRIGGER search_vectors_truncate AFTER TRUNCATE ON search_searchentry
        FOR EACH STATEMENT EXECUTE FUNCTION search_vectors_truncate()""",
    f"""INSERT INTO search_vectors (deed_id, {COLUMNS})
        SELECT e.deed_id, {SELECT_VECTORS} FROM search_searchentry e""",
    *(
        f"DROP INDEX IF EXISTS search_entry_{name}"
        for name in ("document", "phrase", "title", "summary", "body")
    ),
    "ALTER TABLE search_searchentry DROP COLUMN document, DROP COLUMN phrase_document,"
    " DROP COLUMN title_terms, DROP COLUMN summary_terms, DROP COLUMN body_terms",
]
POSTGRES_BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS search_vectors_{event} ON search_searchentry"
        for event in ("insert", "delete", "update", "truncate")
    ),
    *(
        f"DROP FUNCTION IF EXISTS search_vectors_{event}()"
        for event in ("insert", "delete", "update", "truncate")
    ),
    "DROP TABLE IF EXISTS search_vectors",
    *previous.POSTGRES_FORWARD,
]


class Migration(migrations.Migration):
    dependencies = [("search", "0003_stored_analysis")]
    operations = [
        migrations.RunPython(
            previous._run({"postgresql": POSTGRES_FORWARD}),
            previous._run({"postgresql": POSTGRES_BACKWARD}),
        )
    ]

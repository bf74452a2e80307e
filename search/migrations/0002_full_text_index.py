"""The database's own full-text index over search_searchentry.

SQLite: an FTS5 table with external content, kept in step by triggers. PostgreSQL:
generated tsvector columns with GIN indexes. The document and the per-field columns
are built from the stored terms with array_to_tsvector, so PostgreSQL's parser never
re-tokenises them; only the phrase column, which needs positions, goes through the
'simple' configuration, which merely lowercases (the terms already are).
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, meta, phrase,
        content='search_searchentry', content_rowid='deed_id',
        tokenize="unicode61 remove_diacritics 0")""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, summary, body, meta, phrase)
        VALUES (new.deed_id, new.title, new.summary, new.body, new.meta, new.phrase);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, meta, phrase)
        VALUES ('delete', old.deed_id, old.title, old.summary, old.body, old.meta, old.phrase);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, body, meta, phrase)
        VALUES ('delete', old.deed_id, old.title, old.summary, old.body, old.meta, old.phrase);
        INSERT INTO search_fts(rowid, title, summary, body, meta, phrase)
        VALUES (new.deed_id, new.title, new.summary, new.body, new.meta, new.phrase);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _terms(column):
    return f"array_to_tsvector(array_remove(string_to_array({column}, ' '), ''))"


# One column per ranked field (title, summary, body: the tiers of backends.py) and the
# whole document for matching, each with a GIN index. Large values are stored out of
# line (toast_tuple_target), so the table itself stays narrow (about 230 bytes a row)
# and a search that matches a fifth of 100,000 deeds reads 3,000 pages, not 15,000.
FIELDS = ("title", "summary", "body")
POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    # ... except the small title and summary vectors, kept in the row (compressed), so
    # the match query reads their tiers without fetching anything out of line.
    *(f"""ALTER TABLE search_searchentry ADD COLUMN {field}_terms tsvector
        GENERATED ALWAYS AS ({_terms(field)}) STORED""" for field in FIELDS),
    """ALTER TABLE search_searchentry ALTER COLUMN title_terms SET STORAGE MAIN,
        ALTER COLUMN summary_terms SET STORAGE MAIN""",
    f"""ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        {_terms("title")} || {_terms("summary")} || {_terms("body")} || {_terms("meta")}) STORED""",
    """ALTER TABLE search_searchentry ADD COLUMN phrase_document tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, phrase)) STORED""",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
    "CREATE INDEX search_entry_phrase ON search_searchentry USING gin (phrase_document)",
    *(f"CREATE INDEX search_entry_{field} ON search_searchentry USING gin ({field}_terms)"
      for field in FIELDS),
]
POSTGRES_BACKWARD = [
    *(f"DROP INDEX IF EXISTS search_entry_{field}" for field in FIELDS),
    "DROP INDEX IF EXISTS search_entry_phrase",
    "DROP INDEX IF EXISTS search_entry_document",
    *(f"ALTER TABLE search_searchentry DROP COLUMN IF EXISTS {column}"
      for column in ("phrase_document", "document", "title_terms", "summary_terms", "body_terms")),
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]

"""Database housekeeping shared by bulk loaders."""

from django.db import connection


def refresh_statistics(*models):
    """Refresh the query planner's statistics after a bulk load.

    Without them PostgreSQL plans joins as if the tables were empty until autovacuum
    gets round to it (or never, where it is off): measured at 100,000 deeds, an API
    page took 85 ms before ANALYZE and 15 ms after. SQLite keeps its own in
    sqlite_stat1 the same way.
    """
    tables = set()
    for model in models:
        tables.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            tables.add(field.remote_field.through._meta.db_table)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")

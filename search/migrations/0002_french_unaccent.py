"""PostgreSQL only: the ``french_unaccent`` text-search configuration (French
stemming after accent folding) and a GIN index on the entries' tsvector.
On SQLite the embedded back end folds and stems in Python instead."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION french_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$
    """,
    "CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry USING gin (vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]

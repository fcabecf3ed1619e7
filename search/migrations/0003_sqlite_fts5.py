"""SQLite only: an FTS5 index over the entries' stemmed and folded terms.

An external-content FTS5 table kept in step with ``search_searchentry`` by
triggers (the pattern of SQLite's FTS5 documentation), so matching and BM25
ranking run inside SQLite instead of ``LIKE`` scans and Python scoring.

Caution: on SQLite, Django rebuilds a table to alter it, which drops its
triggers. A later migration that alters ``SearchEntry`` must run
``CREATE_TRIGGERS`` again (and rebuild the index); ``search/tests`` check that
the index follows inserts, updates and deletes.
"""

from django.db import migrations

TABLE = "search_searchentry"
FTS = "search_searchentry_fts"
COLUMNS = "title_terms, body_terms"
NEW = "new.title_terms, new.body_terms"
OLD = "old.title_terms, old.body_terms"

CREATE_TABLE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5({COLUMNS}, "
    f"content='{TABLE}', content_rowid='id', prefix='2 3 4')"
)
CREATE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END""",
]
FORWARD = [
    CREATE_TABLE,
    *CREATE_TRIGGERS,
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS {FTS}_{event}"
        for event in ("insert", "delete", "update")
    ),
    f"DROP TABLE IF EXISTS {FTS}",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0002_french_unaccent")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]

"""The embedded back end's own machinery (the behaviour is in test_search.py)."""

from django.db import connection

import pytest

from search.backends.base import SearchQuery
from search.backends.database import FTS, DatabaseBackend
from search.documents import SearchDocument

pytestmark = pytest.mark.django_db


def document(key, title, body=""):
    return SearchDocument(
        key=key,
        type="test",
        type_label="Test",
        title=title,
        url=f"/{key}/",
        body=body,
        audience=["public"],
    )


def found(backend, text):
    query = SearchQuery(text=text, filters={"type": "test"})
    return [hit.key for hit in backend.search(query, ["public"]).hits]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
class TestSqliteFullTextIndex:
    def test_the_index_follows_inserts_updates_and_deletes(self):
        backend = DatabaseBackend()
        backend.upsert([document("t:1", "Cartographie des énergies")])
        assert found(backend, "energies") == ["t:1"]
        backend.upsert([document("t:1", "Parangonnage des piscines")])
        assert found(backend, "energies") == []
        assert found(backend, "piscine") == ["t:1"]
        backend.delete(["t:1"])
        assert found(backend, "piscine") == []
        with connection.cursor() as cursor:
            # FTS5's own consistency check against the entries table.
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('integrity-check')")  # noqa: S608

    def test_titles_outrank_bodies_and_an_exact_title_comes_first(self):
        backend = DatabaseBackend()
        backend.upsert(
            [
                document("t:body", "Autre chose", "prototype " * 30),
                document("t:long", "Un prototype parmi d'autres idées", "prototype"),
                document("t:exact", "Prototype"),
            ]
        )
        assert found(backend, "prototype")[:3] == ["t:exact", "t:long", "t:body"]

    def test_fts_syntax_typed_by_a_searcher_is_only_text(self):
        backend = DatabaseBackend()
        backend.upsert([document("t:1", "Cartographie des énergies")])
        for text in ('"', "energies*", "NOT energies", "title_terms:x", "a OR b AND"):
            backend.search(SearchQuery(text=text), ["public"])  # does not raise
        assert found(backend, '"cartographie*"') == ["t:1"]
        # As FTS5 syntax this would match; as text, "or" and "piscine" must.
        assert found(backend, "cartographie OR piscine") == []

"""The Elasticsearch started by scripts/services/elasticsearch, with the
project's analysis plugin: the French chain works, and Wagtail's own
Elasticsearch back end creates its index and answers the admin search."""

import uuid

from django.conf import settings
from django.core.management import call_command

import pytest
from elasticsearch import Elasticsearch
from elasticsearch.dsl import Document, Index, Text, analyzer, token_filter

from search.backends.elasticsearch import node_urls

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=[
        "l",
        "m",
        "t",
        "qu",
        "n",
        "s",
        "j",
        "d",
        "c",
        "jusqu",
        "quoiqu",
        "lorsqu",
        "puisqu",
    ],
)
french_stop = token_filter("french_stop", type="stop", stopwords="_french_")
french_stemmer = token_filter("french_stemmer", type="stemmer", language="light_french")
french = analyzer(
    "french_text",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", french_stop, french_stemmer],
)


class Note(Document):
    body = Text(analyzer=french)


@pytest.fixture
def es():
    client = Elasticsearch(node_urls(settings.ELASTICSEARCH_URL), request_timeout=30)
    yield client
    client.close()


@pytest.fixture
def note_index(es):
    name = f"{settings.ELASTICSEARCH_INDEX_PREFIX}notes_{uuid.uuid4().hex[:8]}"
    index = Index(name, using=es)
    index.document(Note)
    index.create()
    yield index
    index.delete()


def tokens(es, index, text):
    response = es.indices.analyze(index=index._name, analyzer="french_text", text=text)
    return [token["token"] for token in response["tokens"]]


def test_french_chain_elides_folds_drops_stop_words_and_stems(es, note_index):
    assert tokens(es, note_index, "L'Équipe des économies") == ["equip", "econom"]


def test_search_without_accents_finds_the_accented_plural(es, note_index):
    Note(body="Les équipes apprenantes et leurs carnets").save(
        using=es, index=note_index._name, refresh=True
    )
    Note(body="Un défi sur la mobilité").save(
        using=es, index=note_index._name, refresh=True
    )
    found = Note.search(using=es, index=note_index._name).query("match", body="equipe")
    bodies = [hit.body for hit in found.execute()]
    assert bodies == ["Les équipes apprenantes et leurs carnets"]


def test_ngram_and_keyword_components_from_the_plugin(es):
    name = f"{settings.ELASTICSEARCH_INDEX_PREFIX}autocomplete_{uuid.uuid4().hex[:8]}"
    es.indices.create(
        index=name,
        settings={
            "analysis": {
                "tokenizer": {
                    "prefix": {
                        "type": "edge_ngram",
                        "min_gram": 2,
                        "max_gram": 5,
                        "token_chars": ["letter"],
                    }
                },
                "analyzer": {
                    "prefixes": {"tokenizer": "prefix", "filter": ["lowercase"]},
                    "exact": {"tokenizer": "keyword", "filter": ["asciifolding"]},
                },
            }
        },
    )
    try:
        result = es.indices.analyze(index=name, analyzer="prefixes", text="Défi")
        assert [t["token"] for t in result["tokens"]] == ["dé", "déf", "défi"]
        result = es.indices.analyze(index=name, analyzer="exact", text="Théorie U")
        assert [t["token"] for t in result["tokens"]] == ["Theorie U"]
    finally:
        es.indices.delete(index=name)


def test_wagtail_backend_indexes_pages_and_the_admin_search_finds_them(client, es):
    from django.contrib.auth import get_user_model

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    call_command("update_index", verbosity=0)
    prefix = backend["INDEX_PREFIX"]
    assert es.indices.get_alias(index=f"{prefix}*"), "Wagtail's index was not created"

    admin = get_user_model().objects.create_superuser(
        "editrice", "editrice@example.org", "motdepasse-solide"
    )
    client.force_login(admin)
    response = client.get("/admin/pages/search/", {"q": "glossaire"})
    assert response.status_code == 200
    assert "Glossaire" in response.content.decode()
    response = client.get("/admin/pages/search/", {"q": "zzzyyyxxx"})
    assert "Glossaire" not in response.content.decode()


def test_racing_first_writes_leave_the_alias_on_one_index(es, settings, monkeypatch):
    """Two processes that both saw no alias (the load script's first
    searches on a fresh cluster) must not put it on two indexes: writes to an
    alias over several indexes all fail."""
    from search.backends.elasticsearch import ElasticsearchBackend, alias_name
    from search.documents import SearchDocument

    settings.ELASTICSEARCH_INDEX_PREFIX = f"race_{uuid.uuid4().hex[:8]}_"
    first, late = ElasticsearchBackend(), ElasticsearchBackend()
    try:
        first.ensure_alias()
        monkeypatch.setattr(late.es.indices, "exists_alias", lambda **kwargs: False)
        late.ensure_alias()
        assert len(es.indices.get_alias(name=alias_name())) == 1
        late.upsert(
            [
                SearchDocument(
                    key="test.race:1",
                    type="note",
                    type_label="Note",
                    title="Course à la création",
                    url="/course/",
                    audience=["public"],
                )
            ]
        )
        assert first.indexed_keys() == {"test.race:1"}
    finally:
        for name in es.indices.get(index=f"{alias_name()}*"):
            es.indices.delete(index=name)


def test_searches_reuse_one_client_and_check_the_alias_once(es, settings, monkeypatch):
    """One connection pool per process, and no alias round trip per search;
    an index deleted behind the process's back is recreated by the next
    search instead of failing it."""
    from search.backends import elasticsearch as backend_module
    from search.backends.base import SearchQuery

    settings.ELASTICSEARCH_INDEX_PREFIX = f"once_{uuid.uuid4().hex[:8]}_"
    backend = backend_module.ElasticsearchBackend()
    assert backend_module.ElasticsearchBackend().es is backend.es
    checks = []
    real_exists = backend.es.indices.exists_alias

    def counting_exists(**kwargs):
        checks.append(kwargs)
        return real_exists(**kwargs)

    monkeypatch.setattr(backend.es.indices, "exists_alias", counting_exists)
    try:
        for _ in range(3):
            backend.search(SearchQuery(text="prototype"), ["public"])
        assert len(checks) == 1
        for name in es.indices.get(index=f"{backend_module.alias_name()}*"):
            es.indices.delete(index=name)
        results = backend.search(SearchQuery(text="prototype"), ["public"])
        assert results.total == 0
        assert es.indices.exists_alias(name=backend_module.alias_name())
    finally:
        for name in es.indices.get(index=f"{backend_module.alias_name()}*"):
            es.indices.delete(index=name)

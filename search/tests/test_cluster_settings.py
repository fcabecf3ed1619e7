"""The site's index follows ELASTICSEARCH_REPLICAS, and the client is given
every node of ELASTICSEARCH_URL (no cluster needed)."""

from elasticsearch.dsl import Index

from search.backends import elasticsearch as es_backend


def test_node_urls_reads_one_url_or_a_comma_separated_list():
    assert es_backend.node_urls("http://a:9200") == ["http://a:9200"]
    assert es_backend.node_urls(" http://a:9200, http://b:9200 ,") == [
        "http://a:9200",
        "http://b:9200",
    ]


def test_the_index_gets_the_configured_replicas(settings):
    settings.ELASTICSEARCH_REPLICAS = {"auto_expand_replicas": "0-1"}
    body = es_backend.versioned(Index("essai")).to_dict()["settings"]
    assert body["auto_expand_replicas"] == "0-1"
    assert body["number_of_shards"] == 1
    settings.ELASTICSEARCH_REPLICAS = {
        "number_of_replicas": 2,
        "auto_expand_replicas": False,
    }
    body = es_backend.versioned(Index("essai")).to_dict()["settings"]
    assert body["number_of_replicas"] == 2


def test_one_client_for_every_node_with_the_settings_options(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9201,http://127.0.0.1:9202"
    settings.ELASTICSEARCH_CLIENT_OPTIONS = {
        "max_retries": 1,
        "retry_on_timeout": True,
        "sniff_on_start": False,
        "sniff_on_node_failure": False,
    }
    es_backend._client.cache_clear()
    try:
        client = es_backend.client()
        assert es_backend.client() is client
        assert sorted(n.config.port for n in client.transport.node_pool.all()) == [
            9201,
            9202,
        ]
        # What each request is sent with (the client passes them per request).
        assert client._max_retries == 1
        assert client._retry_on_timeout is True
        assert client._request_timeout == settings.ELASTICSEARCH_TIMEOUT
    finally:
        es_backend._client.cache_clear()

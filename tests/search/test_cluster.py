"""A 3-node Elasticsearch cluster (issue 21): ``search_reindex`` and the
alias switch on it, one replica allocated (green), one node killed during a
search load without a failed search, the node back and the cluster green
again; two nodes of three lost: search answers from the database with its
notice at once, writes are queued and replayed when the nodes are back.

Three JVMs take a minute or two to start on a small machine: these tests run
only when asked for (``pytest -m cluster tests/search/test_cluster.py``, or
``make test-cluster``), and start the cluster themselves through
``scripts/services/elasticsearch start --nodes 3`` (stopped at the end if they
started it). They use the default test settings (database search) and turn
the cluster on for themselves."""

import subprocess
import threading
import time
import uuid
from io import StringIO
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

import pytest
from elasticsearch import Elasticsearch

from config.env import elasticsearch_client_options
from search import service
from search.backends import elasticsearch as es_backend
from search.backends.base import SearchQuery
from search.models import PendingIndexOperation

pytestmark = [pytest.mark.cluster, pytest.mark.django_db]

SCRIPT = Path(__file__).resolve().parents[2] / "scripts/services/elasticsearch"
NODES = 3


def es_script(*args):
    """Runs scripts/services/elasticsearch; its one stdout line."""
    result = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


@pytest.fixture(scope="session")
def cluster_urls():
    running = (
        subprocess.run(
            [str(SCRIPT), "status", "--nodes", str(NODES)], capture_output=True
        ).returncode
        == 0
    )
    line = es_script("start", "--nodes", str(NODES))
    assert line.startswith("ELASTICSEARCH_URL=")
    yield line.split("=", 1)[1]
    if running:
        es_script("start", "--nodes", str(NODES))  # left as it was found: whole
    else:
        es_script("stop", "--nodes", str(NODES))


@pytest.fixture
def on_cluster(cluster_urls, settings):
    """The site configured for the cluster, with indexes of this test's own."""
    urls = cluster_urls.split(",")
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = cluster_urls
    settings.ELASTICSEARCH_INDEX_PREFIX = f"cluster_{uuid.uuid4().hex[:8]}_"
    settings.ELASTICSEARCH_CLIENT_OPTIONS = elasticsearch_client_options(urls)
    settings.ELASTICSEARCH_REPLICAS = {"auto_expand_replicas": "0-1"}
    es_backend._client.cache_clear()
    admin = Elasticsearch(urls, request_timeout=60, max_retries=len(urls))
    yield admin
    try:
        es_script("start", "--nodes", str(NODES))  # whatever a test left down
        for name in admin.indices.get(index=f"{es_backend.alias_name()}*"):
            admin.indices.delete(index=name)
    finally:
        admin.close()
        es_backend._client.cache_clear()


def reindex():
    out = StringIO()
    call_command("search_reindex", stdout=out, stderr=StringIO())
    return out.getvalue()


def copies(admin):
    """{node number: "p" or "r"} for the one shard of the site's index."""
    rows = admin.cat.shards(
        index=es_backend.alias_name(), format="json", h="prirep,state,node"
    )
    assert all(row["state"] == "STARTED" for row in rows), rows
    return {int(row["node"].removeprefix("node")): row["prirep"] for row in rows}


def wait_green(admin):
    health = admin.cluster.health(
        wait_for_status="green", wait_for_nodes=str(NODES), timeout="120s"
    )
    assert health["status"] == "green" and health["number_of_nodes"] == NODES
    return health


def test_reindex_alias_switch_replicas_and_a_node_killed_during_searches(on_cluster):
    admin = on_cluster
    alias = es_backend.alias_name()
    reindex()
    first = list(admin.indices.get_alias(name=alias))
    reindex()  # a second rebuild: the alias moves to a new index, the old one goes
    second = list(admin.indices.get_alias(name=alias))
    assert len(first) == len(second) == 1 and first != second
    assert not admin.indices.exists(index=first[0])
    index_settings = admin.indices.get_settings(index=alias)[second[0]]["settings"]
    assert index_settings["index"]["auto_expand_replicas"] == "0-1"
    wait_green(admin)
    placed = copies(admin)
    assert sorted(placed.values()) == ["p", "r"]  # one replica, on another node

    backend = es_backend.ElasticsearchBackend()
    found = backend.search(SearchQuery(text="sociocratie"), ["public"])
    assert "Sociocratie" in [hit.title for hit in found.hits]

    # A search load (two threads, as two web workers), and the node holding
    # the primary copy killed (SIGKILL) in the middle of it.
    victim = next(node for node, kind in placed.items() if kind == "p")
    assert es_script("primary", "--index", alias) == str(victim)
    deadline = [None]
    done, failures, after_kill = [], [], []
    killed = threading.Event()

    def load():
        words = ["sociocratie", "mobilité", "équipe", "carnet", "défi", "territoire"]
        i = 0
        while deadline[0] is None or time.monotonic() < deadline[0]:
            try:
                backend.search(SearchQuery(text=words[i % len(words)]), ["public"])
                done.append(1)
                if killed.is_set():
                    after_kill.append(1)
            except Exception as error:  # every failure counts, whatever its kind
                failures.append(repr(error))
            i += 1

    threads = [threading.Thread(target=load) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(2)
    es_script("kill", "--node", str(victim))
    killed.set()
    deadline[0] = time.monotonic() + 8
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(after_kill) > 10

    # Writes go on with two nodes of three (a quorum of master-eligible nodes).
    from search.documents import SearchDocument

    backend.upsert(
        [
            SearchDocument(
                key="test.cluster:1",
                type="note",
                type_label="Note",
                title="Zorglub de la grappe",
                url="/zorglub/",
                audience=["public"],
            )
        ]
    )
    found = backend.search(SearchQuery(text="zorglub"), ["public"])
    assert [hit.key for hit in found.hits] == ["test.cluster:1"]

    # The node back: the cluster is green again, with both copies.
    es_script("start", "--node", str(victim))
    wait_green(admin)
    assert sorted(copies(admin).values()) == ["p", "r"]


def test_two_nodes_lost_search_falls_back_at_once_and_writes_are_replayed(
    on_cluster,
):
    from home.models import HomePage
    from home.tests.utils import make_standard_page

    admin = on_cluster
    reindex()
    wait_green(admin)
    # Both nodes holding a copy of the index: the quorum and the data are gone.
    for node in copies(admin):
        es_script("kill", "--node", str(node))

    started = time.monotonic()
    results = service.search(AnonymousUser(), SearchQuery(text="sociocratie"))
    assert time.monotonic() - started < 3
    assert results.notice == service.FALLBACK_NOTICE
    assert results.hits[0].title == "Sociocratie"

    page = make_standard_page(HomePage.objects.get(), "Zorglubisation en grappe")
    key = f"wagtailcore.page:{page.pk}"
    started = time.monotonic()
    service.index_keys([key])
    assert time.monotonic() - started < 6  # refused by the cluster in 2 s, queued
    assert PendingIndexOperation.objects.filter(key=key).exists()

    es_script("start", "--nodes", str(NODES))
    wait_green(admin)
    assert service.replay_pending() >= 1
    assert not PendingIndexOperation.objects.filter(key=key).exists()
    results = service.search(AnonymousUser(), SearchQuery(text="zorglubisation"))
    assert results.notice is None or results.notice == ""
    assert key in [hit.key for hit in results.hits]

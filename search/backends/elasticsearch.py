"""The Elasticsearch 8 back end, written with ``elasticsearch.dsl``.

One index behind an alias (``<prefix>search``): a rebuild writes a new index
and switches the alias in one atomic call, so searches never see a half-built
index. The French chain (elision, lowercase, ASCII folding, French stop words,
Snowball French stemmer — the same stemmer as the embedded back end) and an
edge-n-gram sub-field for autocomplete use only analysis-common components,
which the project's plugin also provides on the bare test distribution.
"""

from datetime import UTC, datetime
from functools import lru_cache

from django.conf import settings

from elasticsearch import BadRequestError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from .. import normalize
from .base import SearchBackend, SearchHit, SearchResults, highlight

french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=sorted(normalize.ELISIONS),
)
french_stop = token_filter("french_stop", type="stop", stopwords="_french_")
french_stemmer = token_filter("french_stemmer", type="stemmer", language="french")
prefixes = token_filter("prefixes", type="edge_ngram", min_gram=1, max_gram=20)

french = analyzer(
    "french_text",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", french_stop, french_stemmer],
)
folded = analyzer(
    "folded", tokenizer="standard", filter=[french_elision, "lowercase", "asciifolding"]
)
autocomplete = analyzer(
    "autocomplete",
    tokenizer="standard",
    filter=[french_elision, "lowercase", "asciifolding", prefixes],
)


MAX_WINDOW = 10_000  # Elasticsearch's default index.max_result_window

# The shape of the documents this code writes (fields, analysis, what a body
# holds). Raise it with any such change: ``search_reindex --check`` then
# reports an index of an older version, and ``search_reindex`` rebuilds it.
# 2: bodies hold every readable text of an item, one passage a line.
INDEX_VERSION = 2


class Entry(Document):
    key = Keyword()
    type = Keyword()
    type_label = Keyword(index=False)
    title = Text(
        analyzer=french,
        fields={
            "words": Text(analyzer=folded),
            "prefix": Text(analyzer=autocomplete, search_analyzer=folded),
        },
    )
    body = Text(analyzer=french)
    url = Keyword(index=False)
    date = Date()
    themes = Keyword()
    site = Keyword()
    year = Integer()
    communities = Keyword()
    audience = Keyword()


def node_urls(value):
    """The node URLs of ``ELASTICSEARCH_URL``: one, or several separated by
    commas (the nodes of a cluster)."""
    if isinstance(value, list | tuple):
        return [str(url) for url in value]
    return [url.strip() for url in str(value).split(",") if url.strip()]


def client_options():
    """The settings' client options (shared with Wagtail's back end: no
    sniffing, one retry on each other node) and request timeout."""
    return {
        **settings.ELASTICSEARCH_CLIENT_OPTIONS,
        "request_timeout": settings.ELASTICSEARCH_TIMEOUT,
    }


def client():
    """The process's client for the configured nodes: one connection pool
    shared by every request and thread (the client is thread-safe), instead
    of a TCP connection opened per search. The only place that builds it."""
    return _client(tuple(node_urls(settings.ELASTICSEARCH_URL)))


@lru_cache(maxsize=4)
def _client(urls):
    return Elasticsearch(list(urls), **client_options())


# How long a write waits for its shards or for a master (the server's own
# ``timeout``) before the cluster answers 503: a cluster that lost its quorum
# blocks writes, which are then queued in the database at once instead of
# holding the worker for the client's whole request timeout. Writes are not
# retried on such an answer (the other nodes would say the same); connection
# errors still move them to another node.
WRITE_TIMEOUT = "2s"


def writer(es):
    return es.options(retry_on_status=())


# Aliases this process has seen: searches skip the existence check (one round
# trip each); writes always check, so they never create a bare index instead.
READY_ALIASES = set()


def parse_date(value):
    """A hit's date: the cluster sends ISO 8601 text (no document class
    turns it back into a datetime), which templates cannot format."""
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def alias_name():
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}search"


def versioned(index):
    """``index`` with the settings, documents and version of this code; its
    replicas as ``ELASTICSEARCH_REPLICAS`` says (one on a cluster)."""
    index.settings(number_of_shards=1, **settings.ELASTICSEARCH_REPLICAS)
    index.document(Entry)
    index.get_or_create_mapping().meta("_meta", {"version": INDEX_VERSION})
    return index


def new_index():
    stamp = datetime.now(tz=UTC).strftime("%Y%m%d%H%M%S%f")
    return versioned(Index(f"{alias_name()}_{stamp}"))


def as_source(doc):
    return {
        "key": doc.key,
        "type": doc.type,
        "type_label": doc.type_label,
        "title": doc.title,
        "body": doc.body,
        "url": doc.url,
        "date": doc.date,
        "themes": doc.themes,
        "site": doc.site or None,
        "year": doc.year,
        "communities": [str(c) for c in doc.communities],
        "audience": doc.audience,
    }


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(self):
        self.es = client()

    def ensure_alias(self):
        """Create the first index behind the alias if there is none.

        Several processes meet an empty cluster at once (gunicorn workers'
        first searches): each creating an index of its own under the alias
        would leave it on several indexes, where every write then fails. The
        first index has a fixed name and gets the alias in its creation
        request, so only one creation succeeds and the others find it.
        """
        if self.es.indices.exists_alias(name=alias_name()):
            READY_ALIASES.add(alias_name())
            return
        index = versioned(Index(f"{alias_name()}_initial"))
        index.aliases(**{alias_name(): {}})
        try:
            index.create(using=self.es)
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise
        READY_ALIASES.add(alias_name())

    # --- writing -------------------------------------------------------------

    def upsert(self, documents):
        self.ensure_alias()
        actions = [
            {"_index": alias_name(), "_id": doc.key, "_source": as_source(doc)}
            for doc in documents
        ]
        if actions:
            helpers.bulk(writer(self.es), actions, refresh=True, timeout=WRITE_TIMEOUT)

    def delete(self, keys):
        self.ensure_alias()
        actions = [
            {"_op_type": "delete", "_index": alias_name(), "_id": key} for key in keys
        ]
        if actions:
            helpers.bulk(
                writer(self.es),
                actions,
                refresh=True,
                raise_on_error=False,
                timeout=WRITE_TIMEOUT,
            )

    def index_version(self):
        """The version of the index behind the alias (0 before versions)."""
        self.ensure_alias()
        mappings = self.es.indices.get_mapping(index=alias_name())
        versions = [
            (body.get("mappings", {}).get("_meta") or {}).get("version", 0)
            for body in mappings.values()
        ]
        return min(versions, default=0)

    def indexed_keys(self):
        self.ensure_alias()
        return {
            hit.meta.id
            for hit in Search(using=self.es, index=alias_name()).source(False).scan()
        }

    def rebuild(self, documents, progress=None):
        """Write a fresh index, then switch the alias atomically (no downtime)."""
        index = new_index()
        index.create(using=self.es)

        def actions():
            for doc in documents:
                if progress:
                    progress(1)
                yield {"_index": index._name, "_id": doc.key, "_source": as_source(doc)}

        helpers.bulk(self.es, actions(), chunk_size=500)
        self.es.indices.refresh(index=index._name)
        old = (
            list(self.es.indices.get_alias(name=alias_name()).keys())
            if self.es.indices.exists_alias(name=alias_name())
            else []
        )
        self.es.indices.update_aliases(
            actions=[
                *({"remove": {"index": name, "alias": alias_name()}} for name in old),
                {"add": {"index": index._name, "alias": alias_name()}},
            ]
        )
        for name in old:
            self.es.indices.delete(index=name)

    # --- reading -------------------------------------------------------------

    def base(self, query, tokens):
        search = Search(using=self.es, index=alias_name())
        if tokens is not None:
            search = search.filter("terms", audience=tokens)
        filters = query.filters
        field_of = {
            "type": "type",
            "site": "site",
            "theme": "themes",
            "community": "communities",
        }
        for name, field in field_of.items():
            if name in filters:
                search = search.filter("term", **{field: filters[name]})
        if "year" in filters:
            if not filters["year"].isdigit():
                return None
            search = search.filter("term", year=int(filters["year"]))
        return search

    def text_query(self, text):
        # The same Snowball stems as the database back end, as an alternative
        # spelling of the query (« usagers » → usager, which the cluster stems
        # to usag like the indexed « usager »), and as title prefixes.
        stems = " ".join(normalize.terms(text))
        exact = " ".join(normalize.folded_words(text))
        return Q(
            "bool",
            should=[
                Q(
                    "multi_match",
                    query=text,
                    fields=["title^3", "body"],
                    operator="and",
                ),
                Q(
                    "multi_match",
                    query=stems,
                    fields=["title^3", "body"],
                    operator="and",
                ),
                Q(
                    "match",
                    **{"title.prefix": {"query": text, "operator": "and", "boost": 2}},
                ),
                Q(
                    "match",
                    **{"title.prefix": {"query": stems, "operator": "and", "boost": 2}},
                ),
                Q("match_phrase", **{"title.words": {"query": exact, "boost": 5}}),
            ],
            minimum_should_match=1,
        )

    def search(self, query, tokens):
        if alias_name() not in READY_ALIASES:
            self.ensure_alias()
        try:
            return super().search(query, tokens)
        except NotFoundError:
            # The index went away behind this process's back (deleted by
            # hand, cluster rebuilt): check again, once.
            READY_ALIASES.discard(alias_name())
            self.ensure_alias()
            return super().search(query, tokens)

    def build(self, query, tokens):
        """The full request (query, filters, facets), or None."""
        search = self.base(query, tokens)
        if search is None or not query.text or not normalize.terms(query.text):
            return None
        search = search.query(self.text_query(query.text))
        if query.sort == "date":
            search = search.sort("-date", "_score")
        for name, field in (
            ("type", "type"),
            ("theme", "themes"),
            ("site", "site"),
            ("year", "year"),
            ("community", "communities"),
        ):
            search.aggs.bucket(name, "terms", field=field, size=50)
        search.aggs.bucket("type_labels", "terms", field="type", size=50).metric(
            "label", "top_hits", size=1, _source=["type_label"]
        )
        return search

    def _last_body(self, query, tokens):
        """The request body sent for ``query`` (for the benchmark's raw run)."""
        search = self.build(query, tokens)
        if search is None:
            return {}
        return search.source(self.HIT_FIELDS)[: query.per_page].to_dict()

    # What a hit shows: the rest of the document (audience, themes…) stays in
    # the cluster rather than crossing the wire and the JSON parser.
    HIT_FIELDS = ["key", "title", "url", "type", "type_label", "date", "body"]

    def _search(self, query, tokens):
        results = SearchResults(backend=self.name)
        search = self.build(query, tokens)
        if search is None:
            return results
        search = search.source(self.HIT_FIELDS)
        # Clamp the page: page=10⁹ neither errors (the cluster refuses to go
        # past its result window) nor costs a deep scan.
        start = min(
            (max(1, query.page) - 1) * query.per_page, MAX_WINDOW - query.per_page
        )
        response = self._execute(search, start, query.per_page)
        total = response["hits"]["total"]["value"]
        if start >= total > 0:
            last = (total - 1) // query.per_page
            response = self._execute(search, last * query.per_page, query.per_page)
        results.total = total
        # The response is read as the plain JSON the client parsed: wrapping
        # it in elasticsearch-dsl's Response and AttrDicts was most of this
        # layer's own time (and of its tail, with the garbage it leaves).
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            # The same excerpt as the embedded back end's, from the stored
            # body: inside one passage, the matched words marked.
            snippet = highlight(
                source.get("body") or source.get("title") or "",
                query.text,
                title=source.get("title") or "",
            )
            results.hits.append(
                SearchHit(
                    key=source["key"],
                    title=source["title"],
                    url=source["url"],
                    type=source["type"],
                    type_label=source.get("type_label"),
                    snippet=snippet,
                    date=parse_date(source.get("date")),
                )
            )
        aggs = response["aggregations"]
        results.facets = {
            name: {str(b["key"]): b["doc_count"] for b in aggs[name]["buckets"]}
            for name in ("type", "theme", "site", "year", "community")
        }
        results.facets["type_labels"] = {
            b["key"]: b["label"]["hits"]["hits"][0]["_source"]["type_label"]
            for b in aggs["type_labels"]["buckets"]
        }
        return results

    def _execute(self, search, start, size):
        return self.es.search(
            index=alias_name(), body=search[start : start + size].to_dict()
        ).body

    def correct(self, text, tokens):
        """Term suggestions on the folded title words ("did you mean")."""
        search = Search(using=self.es, index=alias_name()).suggest(
            "fix",
            text,
            term={
                "field": "title.words",
                "suggest_mode": "missing",
                "min_word_length": 4,
            },
        )
        response = search[:0].execute()
        corrected, changed = [], False
        for entry in response.suggest.fix:
            if entry.options:
                corrected.append(entry.options[0].text)
                changed = True
            else:
                corrected.append(entry.text)
        return " ".join(corrected) if changed else ""

    def suggest(self, prefix, tokens, limit=8):
        self.ensure_alias()
        if not normalize.folded_words(prefix):
            return []
        search = Search(using=self.es, index=alias_name())
        if tokens is not None:
            search = search.filter("terms", audience=tokens)
        search = search.query(
            "match", **{"title.prefix": {"query": prefix, "operator": "and"}}
        ).sort("_score", "-date")[:limit]
        return [
            SearchHit(
                key=h.key,
                title=h.title,
                url=h.url,
                type=h.type,
                type_label=h.type_label,
            )
            for h in search.execute()
        ]

"""Search benchmark (not a test): bulk indexing and query latencies on both
back ends, and our layer's overhead over the same raw Elasticsearch query.

    .venv/bin/python benchmarks/search_bench.py [--documents 100000] [--embedded 10000]
        [--queries 500] [--json]

``make bench`` runs it (``--json`` adds a ``BENCH {…}`` line for its table).

Uses a throw-away SQLite database (or DATABASE_URL) and, when
ELASTICSEARCH_URL is set (e.g. ``export $(scripts/services/elasticsearch
start)``), a throw-away index prefix that is deleted at the end.
"""

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VOCABULARY = """
    innovation publique territoire équipe apprenante défi prototype usager immersion
    facilitation collectivité démocratie participation citoyen numérique données ouvertes
    transition écologique énergie mobilité santé cohésion sociale quartier jeunesse école
    bibliothèque piscine inscription accueil service public expérimentation design atelier
    exposition capitalisation méthodologie glossaire rôle porteur facilitateur chercheur
    designer élu agent manager métropole département région commune agglomération europe
    parangonnage prospective sociocratie intelligence collective tiers-lieu laboratoire
""".split()  # noqa: SIM905 (a word list reads better as text)
TYPES = [
    "terme-du-glossaire",
    "fiche-methode",
    "fiche-role",
    "defi",
    "document",
    "reference",
]
SITES = ["cluny", "rennes", "strasbourg", "aix-en-provence", "la-reunion", "martinique"]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def make_documents(count, seed=42):
    from community.members.policy import PUBLIC, community_token
    from search.documents import SearchDocument

    rng = random.Random(seed)
    for n in range(count):
        words = rng.choices(VOCABULARY, k=60)
        yield SearchDocument(
            key=f"bench.item:{n}",
            type=rng.choice(TYPES),
            type_label="Élément",
            title=" ".join(rng.choices(VOCABULARY, k=4)).capitalize(),
            url=f"/bench/{n}/",
            body=" ".join(words),
            themes=[rng.choice(["transitions-ecologiques", "democratie-citoyennete"])],
            site=rng.choice(SITES),
            year=rng.choice([2017, 2018, 2019]),
            audience=[PUBLIC] if n % 5 else [community_token(n % 7)],
        )


def make_queries(count, seed=7):
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        words = rng.choices(VOCABULARY, k=rng.choice([1, 1, 2, 3]))
        if rng.random() < 0.3:  # accents dropped, as people type
            from search.normalize import fold

            words = [fold(w) for w in words]
        queries.append(" ".join(words))
    return queries


def time_queries(run, queries):
    latencies = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        latencies.append((time.perf_counter() - started) * 1000)
    return percentile(latencies, 50), percentile(latencies, 95)


def time_pairs(first, second, queries):
    """(p50, p95) of ``first`` and of ``second``, each query timed with both,
    the order alternating from one query to the next."""
    times = ([], [])
    for n, query in enumerate(queries):
        order = (0, 1) if n % 2 == 0 else (1, 0)
        for which in order:
            run = first if which == 0 else second
            started = time.perf_counter()
            run(query)
            times[which].append((time.perf_counter() - started) * 1000)
    return tuple((percentile(t, 50), percentile(t, 95)) for t in times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--embedded", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--json", action="store_true", help="figures as JSON too")
    args = parser.parse_args()
    figures = {"embedded": args.embedded, "documents": args.documents}

    handle, database = tempfile.mkstemp(suffix=".sqlite3")
    os.close(handle)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", f"bench_{os.getpid()}_")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from community.members.policy import AUTHENTICATED, PUBLIC, community_token
    from search.backends.base import SearchQuery
    from search.backends.database import DatabaseBackend

    queries = make_queries(args.queries)
    tokens = [PUBLIC, AUTHENTICATED, community_token(1)]
    rows = []

    embedded = DatabaseBackend()
    started = time.perf_counter()
    embedded.rebuild(make_documents(args.embedded))
    figures["embedded_index_s"] = time.perf_counter() - started
    rows.append(
        (
            f"embedded index {args.embedded} docs",
            f"{figures['embedded_index_s']:.1f} s",
        )
    )
    p50, p95 = time_queries(
        lambda q: embedded.search(SearchQuery(text=q), tokens), queries
    )
    figures.update(embedded_p50=p50, embedded_p95=p95)
    rows.append(
        (f"embedded query p50/p95 ({args.embedded} docs)", f"{p50:.0f} / {p95:.0f} ms")
    )

    if os.environ.get("ELASTICSEARCH_URL"):
        from search.backends.elasticsearch import ElasticsearchBackend, alias_name

        cluster = ElasticsearchBackend()
        try:
            started = time.perf_counter()
            cluster.rebuild(make_documents(args.documents))
            figures["es_index_s"] = time.perf_counter() - started
            rows.append(
                (
                    f"elasticsearch bulk index {args.documents} docs",
                    f"{figures['es_index_s']:.1f} s",
                )
            )

            def ours(query):
                cluster.search(SearchQuery(text=query), tokens)

            def raw(query):
                body = cluster._last_body(SearchQuery(text=query), tokens)
                cluster.es.search(index=alias_name(), body=body)

            # Both runs meet the same cluster: one unmeasured pass warms its
            # caches, then each query is timed both ways, in alternating order
            # (timing all of ours first, then all the raw ones, compared a cold
            # cluster with a warm one).
            for query in queries:
                ours(query)
            (p50, p95), (raw_p50, raw_p95) = time_pairs(ours, raw, queries)
            figures.update(es_p50=p50, es_p95=p95)
            rows.append(
                (
                    "elasticsearch query p50/p95 (end-to-end)",
                    f"{p50:.0f} / {p95:.0f} ms",
                )
            )
            figures.update(
                raw_p50=raw_p50,
                raw_p95=raw_p95,
                layer_ratio=p50 / max(raw_p50, 0.001),
                layer_ratio_p95=p95 / max(raw_p95, 0.001),
            )
            rows.append(
                ("raw elasticsearch query p50/p95", f"{raw_p50:.0f} / {raw_p95:.0f} ms")
            )
            rows.append(("our layer / raw (p95)", f"{p95 / max(raw_p95, 0.001):.2f}×"))
            rows.append(("our layer / raw (p50)", f"{p50 / max(raw_p50, 0.001):.2f}×"))
        finally:
            for name in cluster.es.indices.get(index=f"{alias_name()}*"):
                cluster.es.indices.delete(index=name)
    else:
        rows.append(("elasticsearch", "skipped (ELASTICSEARCH_URL not set)"))

    width = max(len(label) for label, _value in rows)
    print("\nSearch benchmark")
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    if args.json:
        print("BENCH " + json.dumps(figures))
    Path(database).unlink(missing_ok=True)


if __name__ == "__main__":
    main()

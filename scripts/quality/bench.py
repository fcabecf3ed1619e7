"""Benchmarks (see scripts/bench). ``GROWERS`` lists how each kind of content
grows to the large size; a capability adds its own (défis, sessions, threads…)
and its page types are measured automatically."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from io import StringIO

from .server import PYTHON, ROOT, environment, service

QUERIES = [
    "innovation",
    "equipe",
    "équipe",
    "prototype",
    "immersion",
    "usagers",
    "glossaire",
    "parangonnage",
    "facilitation",
    "territoire",
    "design",
    "intelligence collective",
    "tiers-lieu",
    "co-design",
    "méthode",
]


def grow_glossary(n):
    from resources.models import GlossaryIndexPage, GlossaryTermPage

    index = GlossaryIndexPage.objects.get()
    for i in range(n):
        index.add_child(
            instance=GlossaryTermPage(
                title=f"Terme de charge {i:04d}",
                slug=f"terme-charge-{i:04d}",
                definition=f"<p>Définition numéro {i} pour la mesure.</p>",
            )
        )


def grow_members(n):
    from community.members.models import Community, Membership, Profile, User

    national = Community.objects.get(slug="innovation-publique")
    users = User.objects.bulk_create(
        User(
            username=f"bench-{i}",
            email=f"bench-{i}@example.org",
            display_name=f"Membre {i}",
        )
        for i in range(n)
    )
    Profile.objects.bulk_create(Profile(user=u) for u in users)
    Membership.objects.bulk_create(
        Membership(user=u, community=national) for u in users
    )


GROWERS = [grow_glossary, grow_members]


def targets():
    from wagtail.models import get_page_models

    found = {}
    for model in get_page_models():
        page = model.objects.live().public().filter(depth__gt=1).first()
        if page is not None and model.__name__ != "Page":
            found[model.__name__] = page.url
    found["annuaire des membres"] = "/communaute/membres/"
    found["e-communauté nationale"] = "/communaute/e-communautes/innovation-publique/"
    return found


def measure_pages(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures = {}
    for name, url in targets().items():
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
        figures[name] = (len(queries), statistics.median(times))
    return figures


def measure_search(backend_name):
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(backend_name)
    times = []
    for _round in range(10):
        for q in QUERIES:
            started = time.perf_counter()
            list(backend.search(q, Page.objects.live().public())[:10])
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)]


def inner(large):
    """Runs inside Django, on a throw-away test database."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_databases, setup_test_environment

    from community.members.tests.utils import make_user
    from tests.support.sessions import logged_in_client

    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    out = {}
    try:
        call_command("seed_demo", stdout=StringIO())
        client = logged_in_client(make_user("bench-lecteur"))
        out["small"] = measure_pages(client)
        backends = list(settings.WAGTAILSEARCH_BACKENDS)
        out["reindex"], out["search"] = {}, {}
        for name in backends:
            started = time.perf_counter()
            call_command("update_index", backend_name=name, stdout=StringIO())
            out["reindex"][name] = time.perf_counter() - started
            out["search"][name] = measure_search(name)
        for grow in GROWERS:
            grow(large)
        out["large"] = measure_pages(client)
    finally:
        from django.test.utils import teardown_databases

        teardown_databases(old, verbosity=0)
    print("BENCH " + json.dumps(out))


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--large", type=int, default=500)
    parser.add_argument("--load-duration", type=float, default=30)
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        return inner(args.large)

    env = environment(prefix="ecommunaute_bench_")
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    print("Mesures des pages et de la recherche (base de test jetable)…", flush=True)
    result = subprocess.run(
        [PYTHON, "-m", "scripts.quality.bench", "--inner", "--large", str(args.large)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    line = next((row for row in lines if row.startswith("BENCH ")), None)
    if line is None:
        sys.exit(result.stdout[-3000:] + result.stderr[-3000:])
    data = json.loads(line[6:])

    print(
        f"\n{'type de page':32} {'requêtes SQL (petit → grand)':>30} "
        f"{'rendu ms petit':>15} {'grand':>8} {'ratio':>6}"
    )
    for name, (queries, ms) in sorted(data["small"].items()):
        big_q, big_ms = data["large"].get(name, (None, None))
        ratio = f"{big_ms / ms:6.2f}" if big_ms else "     —"
        print(
            f"{name[:32]:32} {queries:>14} → {big_q!s:<13} {ms:15.1f} "
            f"{(big_ms or 0):8.1f} {ratio}"
        )
    print(f"\n{'recherche':32} {'p50 ms':>8} {'p95 ms':>8} {'réindexation s':>15}")
    for name, (p50, p95) in data["search"].items():
        label = {"default": "base de données", "elasticsearch": "Elasticsearch"}[name]
        print(f"{label:32} {p50:8.1f} {p95:8.1f} {data['reindex'][name]:15.2f}")

    print("\nCharge (scripts/load, scénario nominal)…", flush=True)
    figures_file = tempfile.mktemp(suffix=".json")  # noqa: S306
    subprocess.run(
        [
            str(ROOT / "scripts" / "load"),
            "--scenario",
            "normal",
            "--duration",
            str(args.load_duration),
            "--json",
            figures_file,
        ],
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
    )
    if os.path.exists(figures_file):
        with open(figures_file, encoding="utf-8") as handle:
            load = json.load(handle)["normal"]
        print(f"{'charge : point d’accès':32} {'p50 ms':>8} {'p95 ms':>8} {'req':>6}")
        for name, f in sorted(load["endpoints"].items()):
            print(f"{name[:32]:32} {f['p50']:8} {f['p95']:8} {f['count']:6}")
        print(
            f"{'total':32} {load['rps']} req/s, {load['errors_5xx']} 5xx, "
            f"{load['lost_writes']} écriture(s) perdue(s)"
        )
    service("elasticsearch", "status")
    return 0


if __name__ == "__main__":
    sys.exit(main())

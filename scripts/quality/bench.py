"""Every benchmark of the project, one table (see scripts/bench).

Three parts, each in its own process, then one table:

1. **Pages and site search** on a throw-away PostgreSQL test database with the
   demo content (and the notifications' daily digests to many members,
   ``notifications_bench.py``): SQL queries and render time of every page type, the site
   search's reindex time and query latencies on both back ends (database and
   Elasticsearch); then ``GROWERS`` add ``--large`` items of each kind of
   content and everything is measured again. A capability adds a function to
   ``GROWERS`` (its page types are found automatically; a non-page view goes
   in ``EXTRA_TARGETS``) and its typical words to ``QUERIES``.
2. **Search at scale**: ``benchmarks/search_bench.py`` (bulk indexing of
   ``--documents`` documents in Elasticsearch, its latencies end to end and
   raw, the embedded back end at ``--embedded`` documents).
3. **Load**: ``scripts/load --scenario normal`` for ``--load-duration`` seconds.

Part 1 also serves the demo content with gunicorn and counts the anonymous
requests per second of four pages (home, a listing, a détail page, search),
each for ``--rps-duration`` seconds with a few concurrent clients.

Never a timed assertion: figures only, compared with the targets where the
project has one.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from io import StringIO

from .notifications_bench import digest_rows, measure_digests
from .server import PYTHON, ROOT, environment

# Members who get a daily digest: 20 per --large item (10,000 by default).
DIGEST_MEMBERS_PER_LARGE = 20

QUERIES = [
    "innovation",
    "mini-immersion",
    "covoiturage",
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
    "défi",
    "mini-conférence",
]
# Views that are not the first page of a page type.
EXTRA_TARGETS = {
    "annuaire des membres": "/communaute/membres/",
    "e-communauté nationale": "/communaute/e-communautes/innovation-publique/",
    "programme d’un site (Rennes 2018)": "/evenements/universite-2018/programme/rennes/",
    "recherche « innovation »": "/recherche/?q=innovation",
    "API pages": "/api/v2/pages/?limit=20",
    "toutes les discussions": "/communaute/discussions/",
    "fils de l’e-communauté nationale": (
        "/communaute/discussions/communaute/innovation-publique/"
    ),
    "fil de discussion (grandit de --large réponses)": lambda: _grown_thread_url(),
    # Shared with logged-in members in the demo; grow_carnet_entries fills it.
    "carnet d’une équipe (Martinique)": (
        "/communaute/equipes/equipe-jeunesse-martinique-2018/carnet/"
    ),
    # All the entries of one moment, 20 a page (the carnet shows the latest).
    "un moment du carnet, page 2 (Martinique)": (
        "/communaute/equipes/equipe-jeunesse-martinique-2018/carnet/"
        "?moment=during&page=2"
    ),
}
# Anonymous requests per second under gunicorn (figures to follow over time).
RPS_PAGES = {
    "accueil": "/",
    "liste (défis)": "/defis/",
    "détail (un défi)": lambda: _first_url("community.challenges.models.ChallengePage"),
    "recherche « innovation »": "/recherche/?q=innovation",
}
RPS_CLIENTS = 4
RENDERS = 7  # renders of each page at each size; the table shows the fastest
CARNET_PDF_ENTRIES = 300  # the carnet exported to PDF (issue 20)
TARGETS = {  # the project's targets (issue 8), shown beside the figures
    "es_p95": 50,
    "layer_ratio": 1.3,
    "page_ratio": 2,  # render large / small of every page type (issue 22)
    "embedded_p95": 200,
}


# --- growers: how each kind of content reaches the large size -----------------


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


def grow_challenges(n):
    from community.challenges.models import ChallengeIndexPage, ChallengePage

    index = ChallengeIndexPage.objects.get()
    for i in range(n):
        index.add_child(
            instance=ChallengePage(
                title=f"Comment mesurer le défi {i:04d} ?",
                slug=f"defi-charge-{i:04d}",
                question=f"Comment mesurer le défi {i:04d} ?",
                collectivity="Ville de mesure",
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


def grow_teams(n):
    from community.members.models import Community, LearningTeam
    from community.members.models.teams import name_key

    national = Community.objects.get(slug="innovation-publique")
    names = [f"Équipe de mesure {i:04d}" for i in range(n)]
    # bulk_create skips save(): the name key (unique per community) is set here.
    LearningTeam.objects.bulk_create(
        LearningTeam(
            name=name,
            name_key=name_key(name),
            slug=f"equipe-mesure-{i:04d}",
            community=national,
            year=2018,
            description="Une équipe apprenante ajoutée pour la mesure.",
        )
        for i, name in enumerate(names)
    )


def grow_sessions(n):
    from datetime import time as clock
    from datetime import timedelta

    from django.utils import timezone

    from community.events.choices import SessionKind
    from community.events.models import EditionPage, Session, Venue

    edition = EditionPage.objects.get(slug="universite-2018")
    venue = Venue.objects.get(slug="rennes")
    first = edition.sites.get(venue=venue).start_date
    starts = [
        timezone.make_aware(
            datetime.combine(first + timedelta(days=i % 3), clock(8 + i % 10)),
            venue.tzinfo,
        )
        for i in range(n)
    ]
    Session.objects.bulk_create(
        Session(
            edition=edition,
            venue=venue,
            title=f"Atelier de mesure {i:04d}",
            kind=SessionKind.WORKSHOP,
            start=start,
            end=start + timedelta(minutes=50),
            capacity=30,
        )
        for i, start in enumerate(starts)
    )


def _grown_thread():
    from community.discussions.models import Thread

    return Thread.objects.filter(community__slug="innovation-publique").order_by("pk")[
        0
    ]


def _grown_thread_url():
    return _grown_thread().get_absolute_url()


def grow_discussions(n):
    """``n`` replies in the national community's first thread (a third at the
    top, the others replies and replies to replies), and ``n // 5`` threads."""
    from community.discussions import events, posting
    from community.members.models import Community, User

    thread = _grown_thread()
    national = Community.objects.get(slug="innovation-publique")
    authors = list(User.objects.filter(memberships__community=national)[:8])
    with events.quiet():
        tops, last = [], None
        for i in range(n):
            author = authors[i % len(authors)]
            if i % 3 == 0 or last is None:
                reply_to = None
            elif i % 3 == 1:
                reply_to = tops[-1].pk
            else:
                reply_to = last.pk
            last = posting.post_comment(
                author,
                thread,
                body=f"Réponse de mesure {i} : prototype, usagers, immersion.",
                reply_to=reply_to,
                limited=False,
            )
            if reply_to is None:
                tops.append(last)
            if i % 5 == 0:
                posting.react(
                    authors[(i + 1) % len(authors)], thread, "thumbs_up", last
                )
        for i in range(n // 5):
            posting.create_thread(
                authors[i % len(authors)],
                national,
                title=f"Fil de mesure {i:04d}",
                body="Un fil ajouté pour la mesure.",
                limited=False,
            )


def grow_carnet_entries(n):
    from community.carnets.models import Carnet, Entry
    from community.members.models import User

    carnet = Carnet.objects.get(team__slug="equipe-jeunesse-martinique-2018")
    author = User.objects.get(email="marc@demo.example.org")
    Entry.objects.bulk_create(
        Entry(
            carnet=carnet,
            author=author,
            moment=("before", "during", "after", "suites")[i % 4],
            title=f"Entrée de mesure {i:04d}",
            body=CARNET_TEXT,
        )
        for i in range(n)
    )


CARNET_TEXT = (
    "Ce que nous avons appris en **écoutant les usagers** pendant la "
    "mini-immersion :\n\n- les familles consultent trois sites pour un créneau ;\n"
    "- les agents d'accueil ont déjà des idées ;\n- le prototype doit tenir en "
    "une semaine.\n\n> « Je ne sais jamais si je suis sur la liste d'attente. »\n\n"
    "Nos questions ouvertes : une liste d'attente commune ? qui porte le parcours ?"
)


def measure_carnet_pdf(count=CARNET_PDF_ENTRIES):
    """Export a carnet of ``count`` entries to PDF: seconds and pages."""
    import io

    from pypdf import PdfReader

    from community.carnets import export
    from community.carnets.models import Entry
    from community.carnets.structure import carnet_for, edition_of, guide_for
    from community.members.models import Community, LearningTeam, User

    team = LearningTeam.objects.create(
        name="Équipe de mesure du PDF",
        slug="equipe-mesure-pdf",
        community=Community.objects.get(slug="innovation-publique"),
        year=2018,
    )
    carnet = carnet_for(team)
    author = User.objects.get(email="marc@demo.example.org")
    Entry.objects.bulk_create(
        Entry(
            carnet=carnet,
            author=author,
            moment=("before", "during", "after", "suites")[i % 4],
            kind="collective" if i < 3 else "individuelle",
            title=f"Entrée {i:03d} du carnet mesuré",
            body=CARNET_TEXT,
        )
        for i in range(count)
    )
    entries = list(carnet.entries.for_page().select_related("carnet"))
    edition = edition_of(team)
    started = time.perf_counter()
    pdf = export.carnet_pdf(carnet, entries, guide_for(edition), edition, [])
    seconds = time.perf_counter() - started
    return {
        "entries": len(entries),
        "seconds": seconds,
        "pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "bytes": len(pdf),
    }


GROWERS = [
    grow_glossary,
    grow_challenges,
    grow_members,
    grow_teams,
    grow_sessions,
    grow_discussions,
    grow_carnet_entries,
]


# --- inside Django: pages and site search ------------------------------------


def targets():
    from wagtail.models import get_page_models

    found = {}
    for model in get_page_models():
        page = model.objects.live().public().filter(depth__gt=1).first()
        if page is not None and model.__name__ != "Page":
            found[model.__name__] = page.url
    found.update(EXTRA_TARGETS)
    return found


def measure_pages(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    figures = {}
    for name, url in targets().items():
        url = url() if callable(url) else url  # paths that depend on the data
        times, statuses = [], set()
        for _ in range(RENDERS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                statuses.add(client.get(url).status_code)
                times.append((time.perf_counter() - started) * 1000)
        figures[name] = {
            "queries": len(queries),
            # The fastest render: what the page costs, the least disturbed by
            # the other processes of a shared machine (as timeit reports).
            "ms": min(times),
            "median_ms": statistics.median(times),
            "status": sorted(statuses),
        }
    return figures


def _first_url(dotted):
    from django.utils.module_loading import import_string

    return import_string(dotted).objects.live().public().first().url


def _hammer(url, duration, clients=RPS_CLIENTS):
    """``clients`` threads GET ``url`` for ``duration`` seconds: the statuses
    and the latencies (ms)."""
    import threading

    import requests

    statuses, times = [], []
    stop = time.monotonic() + duration

    def client():
        session = requests.Session()
        while time.monotonic() < stop:
            started = time.perf_counter()
            statuses.append(session.get(url, timeout=30).status_code)
            times.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, times


def measure_rps(duration):
    """The demo served by gunicorn (bench settings, this test database):
    anonymous requests per second and median latency of ``RPS_PAGES``."""
    from urllib.parse import urlsplit, urlunsplit

    from django.db import connection

    import requests

    from .server import Gunicorn

    env = dict(os.environ)
    database = urlsplit(env["DATABASE_URL"])
    env["DATABASE_URL"] = urlunsplit(
        database._replace(path="/" + connection.settings_dict["NAME"])
    )
    paths = {
        name: path() if callable(path) else path for name, path in RPS_PAGES.items()
    }
    server = Gunicorn(env, name="bench", workers=2, threads=4)
    figures = {}
    try:
        for name, path in paths.items():
            for _ in range(3 * RPS_CLIENTS):  # warm each worker's caches
                requests.get(server.url + path, timeout=30)
            statuses, times = _hammer(server.url + path, duration)
            figures[name] = {
                "path": path,
                "rps": statuses.count(200) / duration,
                "p50": statistics.median(times) if times else None,
                "errors": len(statuses) - statuses.count(200),
            }
    finally:
        server.stop()
    return figures


def reindex_and_search(user):
    """The site search: rebuild each back end, then time the queries."""
    from search import service
    from search.backends.base import SearchQuery
    from search.backends.database import DatabaseBackend

    documents = list(service.all_documents())
    backends = [DatabaseBackend(), service.elasticsearch_backend()]
    tokens = service.tokens_for(user)
    out = {"documents": len(documents)}
    for backend in backends:
        started = time.perf_counter()
        backend.rebuild(iter(documents))
        reindex = time.perf_counter() - started
        times = []
        for _round in range(5):
            for q in QUERIES:
                started = time.perf_counter()
                backend.search(SearchQuery(text=q), tokens)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        out[backend.name] = {
            "reindex_s": reindex,
            "p50": times[len(times) // 2],
            "p95": times[int(len(times) * 0.95)],
        }
    return out


def drop_site_index():
    """The bench's indexes outlive the test database: drop them, the site
    search's and Wagtail's (``config.settings.bench``), all under this run's
    own prefix (``ecommunaute_bench_<pid>_``)."""
    from django.conf import settings

    from search import service
    from search.backends.elasticsearch import alias_name

    es = service.elasticsearch_backend().es
    for pattern in (f"{alias_name()}*", f"{settings.ELASTICSEARCH_INDEX_PREFIX}*"):
        for name in es.indices.get(index=pattern):
            es.indices.delete(index=name)


def inner(large, rps_duration=5):
    """Runs inside Django, on a throw-away test database."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import (
        setup_databases,
        setup_test_environment,
        teardown_databases,
    )

    from community.members.tests.utils import make_user
    from tests.support.sessions import logged_in_client

    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    out = {}
    try:
        call_command("seed_demo", stdout=StringIO())
        reader = make_user("bench-lecteur")
        client = logged_in_client(reader)
        out["small"] = measure_pages(client)
        out["search_small"] = reindex_and_search(reader)
        if rps_duration:
            out["rps"] = measure_rps(rps_duration)
        started = time.perf_counter()
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        out["wagtail_update_index_s"] = time.perf_counter() - started
        out["grown"] = {}
        for grow in GROWERS:
            started = time.perf_counter()
            grow(large)
            out["grown"][grow.__name__] = time.perf_counter() - started
        out["search_large"] = reindex_and_search(reader)
        out["large"] = measure_pages(client)
        out["carnet_pdf"] = measure_carnet_pdf()
        out["digests"] = measure_digests(large * DIGEST_MEMBERS_PER_LARGE)
    finally:
        teardown_databases(old, verbosity=0)
        drop_site_index()
    print("BENCH " + json.dumps(out))


# --- outside: run the parts, print one table ---------------------------------


def run_part(title, command, env, timeout):
    print(f"· {title}…", flush=True)
    started = time.monotonic()
    try:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        print(f"  abandonné après {timeout} s", flush=True)
        return None
    print(f"  {time.monotonic() - started:.0f} s", flush=True)
    line = next(
        (row for row in result.stdout.splitlines() if row.startswith("BENCH ")), None
    )
    if line is None:
        print(result.stdout[-2000:] + result.stderr[-3000:], flush=True)
        return None
    return json.loads(line[6:])


def target(value, limit, unit=""):
    if value is None:
        return ""
    return f"≤ {limit:g}{unit} " + ("✓" if value <= limit else "✗ manqué")


def table(rows, args):
    headers = ("mesure", "petit / p50", "grand / p95", "rapport", "cible")
    body = [row for row in rows if not row[0].startswith("#")]
    widths = [max(len(str(r[i])) for r in [headers, *body]) for i in range(5)]

    def line(row):
        return "  ".join(
            str(cell).ljust(width) if i == 0 else str(cell).rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()

    print(
        f"\nMesures — {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cœurs, "
        f"« grand » = démo + {args.large} éléments par GROWER"
    )
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(f"\n{row[0][1:]}" if row[0].startswith("#") else line(row))


def page_rows(data):
    rows = [
        (
            f"#Pages (requêtes SQL · rendu le plus rapide sur {RENDERS}, client de "
            "test ; rapport grand / petit ≤ 2)",
            "",
            "",
            "",
            "",
        )
    ]
    for name, small in sorted(data["small"].items()):
        large = data["large"].get(name)
        status = "" if small["status"] == [200] else f" [{small['status']}]"
        rows.append(
            (
                f"{name}{status}",
                f"{small['queries']} req · {small['ms']:.0f} ms",
                f"{large['queries']} req · {large['ms']:.0f} ms" if large else "—",
                f"×{large['ms'] / small['ms']:.2f}" if large else "",
                target(large["ms"] / small["ms"], TARGETS["page_ratio"], "×")
                if large
                else "",
            )
        )
    return rows


def search_rows(data):
    labels = {"database": "base de données", "elasticsearch": "Elasticsearch"}
    rows = [("#Recherche du site (couche search, en processus)", "", "", "", "")]
    for size in ("small", "large"):
        figures = data[f"search_{size}"]
        what = "démo" if size == "small" else "grand"
        for name in ("database", "elasticsearch"):
            f = figures[name]
            rows.append(
                (
                    f"{labels[name]}, {what} ({figures['documents']} doc.) : requêtes",
                    f"{f['p50']:.1f} ms",
                    f"{f['p95']:.1f} ms",
                    "",
                    target(f["p95"], TARGETS["es_p95"], " ms")
                    if name == "elasticsearch"
                    else "",
                )
            )
            rows.append(
                (
                    f"{labels[name]}, {what} : réindexation",
                    f"{f['reindex_s']:.1f} s",
                    "",
                    "",
                    "",
                )
            )
    rows.append(
        (
            "update_index (recherche de l’administration Wagtail)",
            f"{data['wagtail_update_index_s']:.1f} s",
            "",
            "",
            "",
        )
    )
    return rows


def rps_rows(data):
    rps = data.get("rps")
    if not rps:
        return []
    rows = [
        (
            f"#Anonymes sous gunicorn (démo, 2 workers × 4 threads, {RPS_CLIENTS} "
            "clients simultanés)",
            "",
            "",
            "",
            "",
        )
    ]
    for name, f in rps.items():
        rows.append(
            (
                f"{name} ({f['path']})",
                f"{f['p50']:.0f} ms" if f["p50"] is not None else "—",
                "",
                f"{f['rps']:.1f} req/s",
                f"{f['errors']} erreur(s)" if f["errors"] else "",
            )
        )
    return rows


def carnet_rows(data):
    pdf = data.get("carnet_pdf")
    if not pdf:
        return []
    return [
        ("#Carnet d’apprentissage : export PDF (WeasyPrint)", "", "", "", ""),
        (
            f"carnet de {pdf['entries']} entrées",
            f"{pdf['seconds']:.1f} s",
            f"{pdf['pages']} pages",
            f"{pdf['bytes'] / 1024:.0f} Ko",
            "",
        ),
    ]


def scale_rows(scale, args):
    rows = [("#Recherche à l’échelle (benchmarks/search_bench.py)", "", "", "", "")]
    if scale is None:
        return [*rows, ("(non mesurée)", "", "", "", "")]
    rows.append(
        (
            f"embarquée : index de {scale['embedded']} doc.",
            f"{scale['embedded_index_s']:.1f} s",
            "",
            "",
            "",
        )
    )
    rows.append(
        (
            f"embarquée : requêtes ({scale['embedded']} doc.)",
            f"{scale['embedded_p50']:.0f} ms",
            f"{scale['embedded_p95']:.0f} ms",
            "",
            target(scale["embedded_p95"], TARGETS["embedded_p95"], " ms"),
        )
    )
    if "es_p50" not in scale:
        return [*rows, ("Elasticsearch", "non configuré", "", "", "")]
    rows += [
        (
            f"Elasticsearch : indexation en masse de {scale['documents']} doc.",
            f"{scale['es_index_s']:.1f} s",
            "",
            f"{scale['documents'] / scale['es_index_s']:.0f} doc/s",
            "",
        ),
        (
            f"Elasticsearch : requêtes de bout en bout ({scale['documents']} doc.)",
            f"{scale['es_p50']:.1f} ms",
            f"{scale['es_p95']:.1f} ms",
            "",
            target(scale["es_p95"], TARGETS["es_p95"], " ms"),
        ),
        (
            "Elasticsearch : même requête brute",
            f"{scale['raw_p50']:.1f} ms",
            f"{scale['raw_p95']:.1f} ms",
            "",
            "",
        ),
        (
            "Elasticsearch : couche / brut (p50)",
            "",
            "",
            f"×{scale['layer_ratio']:.2f}",
            target(scale["layer_ratio"], TARGETS["layer_ratio"], "×"),
        ),
    ]
    if "layer_ratio_p95" in scale:
        rows.append(
            (
                "Elasticsearch : couche / brut (p95)",
                "",
                "",
                f"×{scale['layer_ratio_p95']:.2f}",
                target(scale["layer_ratio_p95"], TARGETS["layer_ratio"], "×"),
            )
        )
    return rows


def load_rows(load, args):
    rows = [
        (
            f"#Charge ({args.load_users} membres, {args.load_duration:g} s, "
            "gunicorn + PostgreSQL + Elasticsearch, scripts/load)",
            "",
            "",
            "",
            "",
        )
    ]
    if load is None:
        return [*rows, ("(non mesurée)", "", "", "", "")]
    for name, f in sorted(load["endpoints"].items()):
        rows.append(
            (
                name,
                f"{f['p50']} ms",
                f"{f['p95']} ms",
                f"{f['count'] / args.load_duration:.1f} req/s",
                "",
            )
        )
    rows.append(
        (
            "total",
            "",
            "",
            f"{load['rps']} req/s",
            f"{load['errors_5xx']} 5xx, {load['lost_writes']} écriture(s) perdue(s)",
        )
    )
    rows.append((f"verdict : {load['verdict']}", "", "", "", ""))
    return rows


def run_load(args):
    """scripts/load, normal scenario: its figures and its verdict line."""
    print(
        f"· charge ({args.load_users} membres, {args.load_duration:g} s)…", flush=True
    )
    with tempfile.TemporaryDirectory() as folder:
        figures = os.path.join(folder, "load.json")
        command = [
            str(ROOT / "scripts" / "load"),
            "--scenario",
            "normal",
            "--duration",
            str(args.load_duration),
            "--users",
            str(args.load_users),
            "--json",
            figures,
        ]
        started = time.monotonic()
        try:
            result = subprocess.run(
                command,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
        except subprocess.TimeoutExpired:
            print("  abandonné après 900 s", flush=True)
            return None
        print(f"  {time.monotonic() - started:.0f} s", flush=True)
        if not os.path.exists(figures):
            print(result.stdout[-2000:] + result.stderr[-2000:], flush=True)
            return None
        with open(figures, encoding="utf-8") as handle:
            load = json.load(handle)["normal"]
    lines = result.stdout.strip().splitlines()
    load["verdict"] = lines[-1] if lines else ""
    return load


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--large", type=int, default=500, help="éléments ajoutés par GROWER"
    )
    parser.add_argument(
        "--documents",
        type=int,
        default=100_000,
        help="documents indexés dans Elasticsearch (search_bench)",
    )
    parser.add_argument(
        "--embedded", type=int, default=10_000, help="documents de l’index embarqué"
    )
    parser.add_argument("--queries", type=int, default=500, help="requêtes mesurées")
    parser.add_argument("--load-duration", type=float, default=30)
    parser.add_argument(
        "--rps-duration",
        type=float,
        default=5,
        help="secondes de requêtes anonymes par page sous gunicorn (0 : aucune)",
    )
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["pages", "scale", "load"],
        help="sauter une partie (répétable)",
    )
    parser.add_argument("--json", help="écrire les chiffres dans ce fichier")
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inner:
        return inner(args.large, args.rps_duration)

    started = time.monotonic()
    env = environment(prefix=f"ecommunaute_bench_{os.getpid()}_")
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    pages = scale = load = None
    if "pages" not in args.skip:
        pages = run_part(
            "pages et recherche du site (base de test jetable)",
            [
                PYTHON,
                "-m",
                "scripts.quality.bench",
                "--inner",
                "--large",
                str(args.large),
                "--rps-duration",
                str(args.rps_duration),
            ],
            env,
            # Two sizes of every page, two search back ends, a 300-entry PDF
            # and gunicorn: well past 15 minutes on a busy shared machine.
            timeout=1800,
        )
    if "scale" not in args.skip:
        scale_env = {
            key: value
            for key, value in env.items()
            if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        }
        scale_env["ELASTICSEARCH_INDEX_PREFIX"] = f"ecommunaute_bench_{os.getpid()}_"
        scale = run_part(
            f"recherche à l’échelle ({args.documents} documents Elasticsearch, "
            f"{args.embedded} embarqués)",
            [
                PYTHON,
                "benchmarks/search_bench.py",
                "--documents",
                str(args.documents),
                "--embedded",
                str(args.embedded),
                "--queries",
                str(args.queries),
                "--json",
            ],
            scale_env,
            timeout=900,
        )
    if "load" not in args.skip:
        load = run_load(args)

    rows = []
    if pages:
        rows += page_rows(pages) + rps_rows(pages) + search_rows(pages)
        rows += carnet_rows(pages)
        rows += digest_rows(pages.get("digests"))
    rows += scale_rows(scale, args) if "scale" not in args.skip else []
    rows += load_rows(load, args) if "load" not in args.skip else []
    table(rows, args)
    print(f"\n(en {time.monotonic() - started:.0f} s)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(
                {"pages": pages, "scale": scale, "load": load},
                handle,
                ensure_ascii=False,
                indent=2,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

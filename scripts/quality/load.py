"""Simulated members against gunicorn, with faults (see scripts/load).

Each member reads pages, searches, edits their profile and their team's
presentation (a searchable write), registers for sessions (or cancels),
joins e-communautés and replies in a thread, with a think time between
actions; each comes from an address of their own, forwarded by a proxy (as
in production: the per-address limits hold per member). A write counts as
*acknowledged* when the member saw its success message; afterwards every
acknowledged write must be in the database and, for the team presentations,
in both search indexes (database and Elasticsearch).
"""

import argparse
import html
import json
import random
import re
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

import requests

from .server import PYTHON, ROOT, Gunicorn, Worker, environment, prepare, reindex
from .server import service as run_service

READ_PATHS = [
    "/",
    "/ressources/",
    "/ressources/glossaire/",
    "/ressources/methodologies/",
    "/ressources/roles/",
    "/ressources/documents/",
    "/communaute/",
    "/communaute/e-communautes/innovation-publique/",
    "/defis/",
    "/evenements/",
]
QUERIES = ["innovation", "equipe", "prototype", "glossaire", "immersion", "usagers"]
PUBLIC_COMMUNITIES = ["cluny", "strasbourg", "aix-en-provence", "martinique"]
VISIBILITY_FIELDS = (
    "job_title",
    "organisation",
    "employment_framework",
    "territory",
    "bio",
    "avatar",
    "interests",
    "links",
)
# The weight of each action in a member's mix (see ``Member.choose``).
MIX = [
    ("read", 0.44),
    ("search", 0.22),
    ("profile", 0.08),
    ("team", 0.07),
    ("session", 0.08),
    ("join", 0.05),
    ("reply", 0.06),
]
FALLBACK_NOTICE = "momentanément indisponible"
CATCH_UP_SECONDS = 90  # bound on the wait for the index to catch up


@dataclass
class Sample:
    started: float
    ms: float
    status: int
    notice: bool = False  # a search answered by the fallback
    clean: bool = True  # a 503 with the French page and Retry-After

    @property
    def ended(self):
        return self.started + self.ms / 1000


@dataclass
class Results:
    samples: dict = field(default_factory=lambda: defaultdict(list))
    # Expected state after the run, from each member's last *known* outcome:
    # key -> value, or None when the last attempt's outcome is unknown.
    expected: dict = field(default_factory=dict)
    acknowledged: dict = field(default_factory=lambda: defaultdict(int))
    team_writes: list = field(default_factory=list)  # (time, member, token)
    network_errors: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, endpoint, sample):
        with self.lock:
            self.samples[endpoint].append(sample)

    def expect(self, key, value, kind=None):
        with self.lock:
            self.expected[key] = value
            if kind and value is not None:
                self.acknowledged[kind] += 1


def django_call(env, function, *args, module="fixture"):
    """Call ``scripts/quality/<module>.<function>(*args)`` inside Django."""
    code = (
        "import json, sys\n"
        f"from scripts.quality import {module} as fixture\n"
        f"result = fixture.{function}(*json.loads(sys.stdin.read()))\n"
        "print('RESULT ' + json.dumps(result))\n"
    )
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        input=json.dumps(args),
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [row for row in result.stdout.splitlines() if row.startswith("RESULT ")]
    if result.returncode or not lines:
        sys.exit(f"fixture.{function} a échoué :\n{result.stderr[-3000:]}")
    return json.loads(lines[-1][7:])


class LoopbackSession(requests.Session):
    """Production marks cookies Secure (HTTPS at the proxy); the simulated
    members speak plain HTTP on the loopback and send them all the same."""

    def send(self, request, **kwargs):
        response = super().send(request, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response


class Member:
    def __init__(self, base, member, fixture, results, rng, think):
        self.base, self.member = base, member
        self.sessions, self.thread = fixture["sessions"], fixture["thread"]
        self.results, self.rng, self.think = results, rng, think
        self.http = LoopbackSession()
        self.http.cookies.set("sessionid", member["session"])
        # The proxy in front of gunicorn (TRUSTED_PROXY_COUNT=1) forwards it.
        n = member["id"]
        self.http.headers["X-Forwarded-For"] = f"198.51.{100 + n // 250}.{n % 250 + 1}"
        self.edits = 0
        self.joined = set()
        self.registered = set()

    def run(self, deadline):
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                getattr(self, self.choose())()
            except requests.RequestException as error:
                sample = Sample(started, (time.monotonic() - started) * 1000, 599)
                self.results.record("erreur réseau", sample)
                with self.results.lock:
                    self.results.network_errors.append(repr(error)[:300])
            time.sleep(self.think * self.rng.uniform(0.5, 1.5))

    def choose(self):
        draw = self.rng.random() * sum(share for _name, share in MIX)
        for name, share in MIX:
            draw -= share
            if draw < 0:
                return name
        return MIX[0][0]

    # --- actions ---------------------------------------------------------------

    def read(self):
        path = self.rng.choice(READ_PATHS)
        started = time.monotonic()
        response = self.http.get(self.base + path, timeout=30)
        self.results.record("lecture " + path, self.sample(started, response))

    def search(self):
        q = self.rng.choice(QUERIES)
        started = time.monotonic()
        response = self.http.get(f"{self.base}/recherche/?q={q}", timeout=30)
        sample = self.sample(started, response)
        sample.notice = FALLBACK_NOTICE in response.text
        self.results.record("recherche", sample)

    def profile(self):
        self.edits += 1
        job = f"Fonction {self.member['id']}-{self.edits}"
        data = {
            "display_name": "Membre en charge",
            "job_title": job,
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        }
        data.update({f"{name}_visibility": "members" for name in VISIBILITY_FIELDS})
        outcome = self.write(
            "profil (écriture)", "/comptes/profil/", None, data, ["profil est"]
        )
        self.settle(("profile", self.member["id"]), outcome, job, "profils")

    def team(self):
        self.edits += 1
        slug = self.member["team"]
        token = f"charge{self.member['id']}x{self.edits}"
        data = {
            "name": f"Équipe de charge {slug[-3:]}",
            "description": f"Présentation mesurée {token}.",
        }
        outcome = self.write(
            "équipe (écriture indexée)",
            f"/communaute/equipes/{slug}/modifier/",
            f"/communaute/equipes/{slug}/",
            data,
            ["quipe est mise à jour"],
        )
        self.settle(("team", slug), outcome, data["description"], "équipes")
        if outcome is True:
            with self.results.lock:
                self.results.team_writes.append((time.monotonic(), self, token))

    def session(self):
        session = self.rng.choice(self.sessions)
        page = session["url"]
        if session["id"] in self.registered:
            outcome = self.write(
                "désinscription (écriture)",
                page + "desinscription/",
                page,
                {},
                ["inscription est annulée"],
            )
            if outcome is True:
                self.registered.discard(session["id"])
            value = False
        else:
            outcome = self.write(
                "inscription (écriture)",
                page + "inscription/",
                page,
                {"liste_attente": "1"},
                ["inscrit·e à cette session", "êtes sur la liste d'attente"],
            )
            if outcome is True:
                self.registered.add(session["id"])
            value = True
        key = ("registration", self.member["id"], session["id"])
        self.settle(key, outcome, value, "inscriptions")

    def join(self):
        choices = [slug for slug in PUBLIC_COMMUNITIES if slug not in self.joined]
        if not choices:
            return self.read()
        slug = self.rng.choice(choices)
        page = f"/communaute/e-communautes/{slug}/"
        outcome = self.write(
            "adhésion (écriture)",
            page + "rejoindre/",
            page,
            {},
            ["Bienvenue dans l"],
        )
        if outcome is True:
            self.joined.add(slug)
        self.settle(("join", self.member["id"], slug), outcome, True, "adhésions")

    def reply(self):
        self.edits += 1
        token = f"reponse{self.member['id']}x{self.edits}"
        thread = self.thread["url"]
        outcome = self.write(
            "réponse dans un fil (écriture)",
            f"/communaute/discussions/fils/{self.thread['id']}/repondre/",
            thread,
            {"comment": f"Retour de charge {token} : l'atelier m'a servi."},
            ["Votre réponse est publiée"],
        )
        self.settle(("reply", self.member["id"], token), outcome, True, "réponses")

    # --- helpers ---------------------------------------------------------------

    def settle(self, key, outcome, value, kind):
        """Acknowledged: the value is expected; unknown: nothing can be
        expected; refused (an error message): the previous state holds."""
        if outcome is True:
            self.results.expect(key, value, kind)
        elif outcome is None:
            self.results.expect(key, None)

    @staticmethod
    def sample(started, response):
        sample = Sample(
            started, (time.monotonic() - started) * 1000, response.status_code
        )
        if response.status_code == 503:
            sample.clean = "Retry-After" in response.headers and (
                "indisponible" in response.text
            )
        return sample

    TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

    def write(self, endpoint, action, form_page, data, success):
        """GET the form, POST it, GET the page it redirects to. Returns True
        (success message seen), False (refused with a message) or None
        (unknown: an error or a failure on the way). The sample is the POST's
        time and the worst status of the three requests."""
        form_url = self.base + (form_page or action)
        started = time.monotonic()
        page = self.http.get(form_url, timeout=30)
        token = self.TOKEN.search(page.text)
        if page.status_code != 200 or not token:
            self.results.record(endpoint, self.sample(started, page))
            return None
        started = time.monotonic()
        response = self.http.post(
            self.base + action,
            data={**data, "csrfmiddlewaretoken": token.group(1)},
            headers={"Referer": form_url},
            allow_redirects=False,
            timeout=30,
        )
        sample = self.sample(started, response)
        outcome = None
        if response.status_code == 200 and "message--error" in response.text:
            outcome = False  # the form came back with its errors
        elif response.status_code == 302:
            landing = self.http.get(
                self.base + response.headers["Location"].removeprefix(self.base),
                timeout=30,
            )
            text = html.unescape(landing.text)
            if landing.status_code >= 500:
                sample = self.sample(started, landing)
            elif landing.status_code == 200:
                if "message--success" in text and any(s in text for s in success):
                    outcome = True
                elif "message--error" in text:
                    outcome = False
        self.results.record(endpoint, sample)
        return outcome


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def report(title, results, duration):
    print(f"\n== {title} ==")
    print(
        f"{'point d’accès':38} {'req':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}"
        "  statuts"
    )
    total = 0
    for endpoint, samples in sorted(results.samples.items()):
        times = [s.ms for s in samples]
        statuses = defaultdict(int)
        for s in samples:
            statuses[s.status] += 1
        total += len(samples)
        print(
            f"{endpoint[:38]:38} {len(samples):6d} {len(samples) / duration:7.1f} "
            f"{percentile(times, 0.5):8.0f} {percentile(times, 0.95):8.0f}  "
            + " ".join(f"{k}×{v}" for k, v in sorted(statuses.items()))
        )
    print(f"{'total':38} {total:6d} {total / duration:7.1f}")
    for error in results.network_errors[:3]:
        print(f"  erreur réseau : {error}")
    return total / duration


def all_samples(results):
    return [(endpoint, s) for endpoint, rows in results.samples.items() for s in rows]


# --- scenarios: a fault (run beside the members) and its checks ---------------
# A request is "during" an outage when it was still running after the fault
# began: under load a request waits seconds in gunicorn's queue before it
# reaches the database or the cluster.


def check_errors(results):
    errors = [e for e, s in all_samples(results) if s.status >= 500]
    if errors:
        return [f"{len(errors)} réponses 5xx ({sorted(set(errors))[:5]})"]
    return []


def check_normal(results, events, args):
    failures = check_errors(results)
    notices = sum(s.notice for s in results.samples.get("recherche", []))
    if notices:
        failures.append(f"{notices} recherches servies par le secours sans panne")
    return failures


def stop_elasticsearch(start, duration, events):
    """Stop the cluster at a sixth of the run, start it again at a third (on
    a busy machine it takes 20 to 50 s to answer again)."""
    time.sleep(max(0, start + duration / 6 - time.monotonic()))
    events["es_stop"] = time.monotonic()
    run_service("elasticsearch", "stop")
    events["es_down"] = time.monotonic()
    time.sleep(max(0, start + duration / 3 - time.monotonic()))
    events["es_restart"] = time.monotonic()
    run_service("elasticsearch")
    events["es_back"] = time.monotonic()


def check_es_down(results, events, args):
    failures = check_errors(results)
    t0 = events["start"]
    searches = results.samples.get("recherche", [])
    before = [s for s in searches if s.ended < events["es_stop"]]
    down = [
        s
        for s in searches
        if s.started >= events["es_down"] and s.ended < events["es_restart"]
    ]
    starting = [
        s
        for s in searches
        if s.started >= events["es_restart"] and s.ended < events["es_back"]
    ]
    after = [s for s in searches if s.started >= events["es_back"] + 1]
    print(
        f"Elasticsearch arrêté à {events['es_stop'] - t0:.0f} s "
        f"(arrêt fini à {events['es_down'] - t0:.0f} s), relancé à "
        f"{events['es_restart'] - t0:.0f} s, de retour à "
        f"{events['es_back'] - t0:.0f} s"
    )
    print(
        f"recherches avec l’avis de secours : avant l’arrêt "
        f"{sum(s.notice for s in before)}/{len(before)}, pendant "
        f"{sum(s.notice for s in down)}/{len(down)}, pendant le redémarrage "
        f"{sum(s.notice for s in starting)}/{len(starting)}, après le retour "
        f"{sum(s.notice for s in after)}/{len(after)}"
    )
    if any(s.notice for s in before) or any(s.notice for s in after):
        failures.append("avis de secours alors qu’Elasticsearch répondait")
    if not down or not all(s.notice and s.status == 200 for s in down):
        failures.append("recherche sans Elasticsearch : pas toujours 200 avec l’avis")
    return failures


def probe_es_down(base, results, events, args):
    """After the restart and the catch-up, Elasticsearch itself (no notice)
    finds presentations written while it was down."""
    written = [
        (member, token)
        for at, member, token in results.team_writes
        if events["es_down"] <= at < events["es_back"]
        and token in (results.expected.get(("team", member.member["team"])) or "")
    ]
    found = 0
    for member, token in written[:5]:
        response = member.http.get(f"{base}/recherche/?q={token}", timeout=30)
        if (
            response.status_code == 200
            and FALLBACK_NOTICE not in response.text
            and f"/communaute/equipes/{member.member['team']}/" in response.text
        ):
            found += 1
    print(
        f"après le retour d’Elasticsearch : {found}/{len(written[:5])} "
        "présentations écrites pendant la panne (les dernières de leur équipe) "
        "trouvées par Elasticsearch"
    )
    if not written:
        return ["aucune présentation confirmée pendant la panne"]
    if found < len(written[:5]):
        return ["des écritures faites pendant la panne manquent à Elasticsearch"]
    return []


def restart_postgres(start, duration, events):
    """A 5 s PostgreSQL outage at a third of the run."""
    time.sleep(max(0, start + duration / 3 - time.monotonic()))
    events["pg_stop"] = time.monotonic()
    run_service("postgres", "stop")
    time.sleep(5)
    run_service("postgres")
    events["pg_back"] = time.monotonic()


def check_pg_restart(results, events, args):
    failures = []
    t0, stop, back = events["start"], events["pg_stop"], events["pg_back"]
    samples = all_samples(results)
    late = [s for _e, s in samples if s.started >= back and s.status >= 500]
    recovery = max((s.ended - back for s in late), default=0)
    during = [s for _e, s in samples if s.ended >= stop and s.started < back]
    unavailable = [s for s in during if s.status == 503]
    # Requests sent while the database was down: their 503 must come at once.
    sent = [s.ms for s in unavailable if s.started >= stop] or [0]
    print(
        f"PostgreSQL arrêté à {stop - t0:.0f} s, de retour à {back - t0:.0f} s ; "
        f"{len(unavailable)}/{len(during)} requêtes en cours pendant la coupure "
        f"ont reçu la page 503 (envoyées pendant la coupure : p50 "
        f"{percentile(sent, 0.5):.0f} ms, p95 {percentile(sent, 0.95):.0f} ms) ; "
        f"dernière erreur {recovery:.1f} s après le retour "
        f"(tolérance {args.recovery:g} s)"
    )
    for endpoint, s in samples:
        if s.status < 500:
            continue
        allowed = s.ended >= stop and s.started < back + args.recovery
        if s.status != 503:
            failures.append(f"{endpoint} : {s.status} à {s.started - t0:.1f} s")
        elif not s.clean:
            failures.append(f"{endpoint} : 503 sans la page d’indisponibilité")
        elif not allowed:
            failures.append(f"{endpoint} : 503 à {s.started - t0:.1f} s, hors coupure")
    if len(failures) > 5:
        failures = [*failures[:5], f"… et {len(failures) - 5} autres"]
    return failures


SCENARIOS = {
    "normal": ("Charge nominale", None, check_normal, None),
    "es-down": (
        "Elasticsearch arrêté au sixième du parcours, relancé au tiers",
        stop_elasticsearch,
        check_es_down,
        probe_es_down,
    ),
    "pg-restart": (
        "PostgreSQL coupé 5 s au tiers du parcours",
        restart_postgres,
        check_pg_restart,
        None,
    ),
}


def run(base, fixture, results, args, fault):
    start = time.monotonic()
    deadline = start + args.duration
    events = {"start": start}
    members = [
        Member(
            base,
            member,
            fixture,
            results,
            random.Random(member["id"]),
            args.think,
        )
        for member in fixture["members"]
    ]
    threads = [threading.Thread(target=m.run, args=(deadline,)) for m in members]
    for thread in threads:
        thread.start()
    if fault:
        fault(start, args.duration, events)
    for thread in threads:
        thread.join(timeout=args.duration + 90)
    return events


def catch_up(env):
    """Wait (bounded) for the worker to finish the index work. Returns the
    seconds taken (None if it did not) and the backlog first seen."""
    started = time.monotonic()
    first = None
    while time.monotonic() - started < CATCH_UP_SECONDS:
        left = django_call(env, "backlog")
        first = first or left
        if not left["tasks"] and not left["pending"]:
            return time.monotonic() - started, first
        time.sleep(2)
    return None, first


def expected_state(results):
    expected = {
        "profiles": {},
        "teams": {},
        "joins": [],
        "registrations": [],
        "replies": [],
    }
    for name, value in results.expected.items():
        if value is None:
            continue
        if name[0] == "profile":
            expected["profiles"][name[1]] = value
        elif name[0] == "team":
            expected["teams"][name[1]] = value
        elif name[0] == "join":
            expected["joins"].append(name[1:])
        elif name[0] == "reply":
            expected["replies"].append(name[1:])
        else:
            expected["registrations"].append([*name[1:], value])
    return expected


def scenario(key, env, fixture, args):
    title, fault, check, probe = SCENARIOS[key]
    run_service("elasticsearch")
    run_service("postgres")
    django_call(env, "reset")
    results = Results()
    worker = Worker(env, key)
    server = Gunicorn(env, key)
    try:
        events = run(server.url, fixture, results, args, fault)
        rps = report(title, results, args.duration)
        failures = check(results, events, args)
        run_service("postgres")  # back for the checks and the next scenario
        run_service("elasticsearch")
        waited, backlog = catch_up(env)
        if probe:
            failures += probe(server.url, results, events, args)
    finally:
        server.stop()
        worker.stop()
    print(
        f"en fin de parcours : {backlog['tasks']} tâche(s) de fond en file, "
        f"{backlog['pending']} écriture(s) en attente d’Elasticsearch ; "
        + (f"rattrapées en {waited:.0f} s" if waited is not None else "NON rattrapées")
        + f" ; worker relancé {worker.restarts} fois"
    )
    if waited is None:
        failures.append(f"l’index n’a pas rattrapé en {CATCH_UP_SECONDS} s")
    lost = django_call(env, "check", expected_state(results))
    drift = subprocess.run(
        [PYTHON, "manage.py", "search_reindex", "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    acknowledged = ", ".join(
        f"{n} {k}" for k, n in sorted(results.acknowledged.items())
    )
    print(
        f"écritures confirmées : {acknowledged or 'aucune'} ; perdues : {len(lost)} ; "
        "search_reindex --check : " + ("à jour" if drift.returncode == 0 else "ÉCARTS")
    )
    if lost:
        failures.append(f"écritures perdues : {lost[:5]}")
    if drift.returncode:
        failures.append("search_reindex --check : " + drift.stdout.strip()[-500:])
    errors = [s for _e, s in all_samples(results) if s.status >= 500]
    figures = {
        "rps": round(rps, 1),
        "endpoints": {
            endpoint: {
                "p50": round(percentile([s.ms for s in rows], 0.5)),
                "p95": round(percentile([s.ms for s in rows], 0.95)),
                "count": len(rows),
            }
            for endpoint, rows in results.samples.items()
        },
        "errors_5xx": len(errors),
        "lost_writes": len(lost),
        "catch_up_s": None if waited is None else round(waited, 1),
    }
    return [f"{title} : {f}" for f in failures], figures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0, help="pause moyenne, s")
    parser.add_argument("--scenario", choices=[*SCENARIOS, "all"], default="all")
    parser.add_argument(
        "--recovery",
        type=float,
        default=5,
        help="secondes de 503 tolérées après le retour de PostgreSQL",
    )
    parser.add_argument("--json", help="écrire les chiffres dans ce fichier")
    args = parser.parse_args(argv)
    args.users = max(1, min(args.users, 200))  # bounded
    args.duration = max(10, min(args.duration, 300))

    env = environment()
    print("Préparation : migrations, démo, fichiers statiques, index…", flush=True)
    prepare(env)
    fixture = django_call(env, "setup", args.users)
    reindex(env)
    print(
        f"{args.users} membres simulés, {args.duration:g} s par scénario, "
        f"pause moyenne {args.think:g} s entre deux actions "
        "(journaux : .cache/load/)",
        flush=True,
    )
    names = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    failures, figures = [], {}
    for key in names:
        found, figures[key] = scenario(key, env, fixture, args)
        failures += found
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, ensure_ascii=False, indent=2)
    print(
        "\n" + ("\n".join(failures) if failures else "Charge et pannes : tout va bien.")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

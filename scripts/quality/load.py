"""Simulated members against gunicorn, with faults (see scripts/load)."""

import argparse
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

from .server import PYTHON, ROOT, Gunicorn, environment, prepare, service

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
MAKE_MEMBERS = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from allauth.account.models import EmailAddress
from community.members.models import Profile, User
out = []
for n in range({count}):
    email = f"charge-{{n:03d}}@example.org"
    user, _ = User.objects.get_or_create(
        email=email, defaults={{"username": email, "display_name": f"Charge {{n}}"}}
    )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={{"verified": True, "primary": True}}
    )
    Profile.objects.get_or_create(user=user)
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    out.append({{"id": user.pk, "session": s.session_key}})
print(json.dumps(out))
"""
CHECK_WRITES = """
import json, sys
from community.members.models import Membership, Profile
expected = json.loads(sys.stdin.read())
lost = []
for user_id, job in expected["profiles"].items():
    if Profile.objects.get(user_id=user_id).job_title != job:
        lost.append(f"profil {{user_id}}")
for user_id, slug in expected["joins"]:
    if not Membership.objects.filter(user_id=user_id, community__slug=slug).exists():
        lost.append(f"adhésion {{user_id}} {{slug}}")
print(json.dumps(lost))
"""


@dataclass
class Results:
    samples: dict = field(default_factory=lambda: defaultdict(list))  # (t, ms, status)
    profiles: dict = field(default_factory=dict)  # acknowledged last job title
    joins: list = field(default_factory=list)  # acknowledged joins
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, endpoint, started, status):
        with self.lock:
            self.samples[endpoint].append(
                (started, (time.monotonic() - started) * 1000, status)
            )


def django_shell(env, code, stdin=None):
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def member_loop(base, member, deadline, results, rng):
    session = requests.Session()
    cookies = {"sessionid": member["session"]}
    joined = set()
    edit = 0
    while time.monotonic() < deadline:
        action = rng.random()
        started = time.monotonic()
        try:
            if action < 0.55:
                path = rng.choice(READ_PATHS)
                response = session.get(base + path, cookies=cookies, timeout=30)
                results.record("lecture " + path, started, response.status_code)
            elif action < 0.8:
                q = rng.choice(QUERIES)
                response = session.get(
                    f"{base}/recherche/?q={q}", cookies=cookies, timeout=30
                )
                results.record("recherche", started, response.status_code)
            elif action < 0.92:
                edit += 1
                job = f"Fonction {member['id']}-{edit}"
                status = post_form(
                    session, base, "/comptes/profil/", cookies, profile_data(job)
                )
                results.record("profil (écriture)", started, status)
                if status == 302:
                    with results.lock:
                        results.profiles[str(member["id"])] = job
            else:
                slug = rng.choice(PUBLIC_COMMUNITIES)
                if slug in joined:
                    continue
                status = post_form(
                    session,
                    base,
                    f"/communaute/e-communautes/{slug}/rejoindre/",
                    cookies,
                    {},
                    form_page=f"/communaute/e-communautes/{slug}/",
                )
                results.record("adhésion (écriture)", started, status)
                if status == 302:
                    joined.add(slug)
                    with results.lock:
                        results.joins.append((member["id"], slug))
        except requests.RequestException:
            results.record("erreur réseau", started, 599)


def profile_data(job):
    data = {
        "display_name": "Membre en charge",
        "job_title": job,
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
    }
    data.update({f"{name}_visibility": "members" for name in VISIBILITY_FIELDS})
    return data


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def post_form(session, base, path, cookies, data, form_page=None):
    page = session.get(base + (form_page or path), cookies=cookies, timeout=30)
    token = TOKEN.search(page.text)
    if page.status_code != 200 or not token:
        return page.status_code if page.status_code != 200 else 599
    csrf_cookie = page.cookies.get("csrftoken") or session.cookies.get("csrftoken")
    response = session.post(
        base + path,
        data={**data, "csrfmiddlewaretoken": token.group(1)},
        cookies={**cookies, "csrftoken": csrf_cookie or ""},
        headers={"Referer": base + (form_page or path)},
        allow_redirects=False,
        timeout=30,
    )
    return response.status_code


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def report(name, results, duration, outage=None):
    print(f"\n== {name} ==")
    print(
        f"{'point d’accès':42} {'req':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}  statuts"
    )
    total, errors = 0, []
    for endpoint, samples in sorted(results.samples.items()):
        times = [ms for _t, ms, _s in samples]
        statuses = defaultdict(int)
        for started, _ms, status in samples:
            statuses[status] += 1
            in_outage = outage and outage[0] <= started <= outage[1]
            if status >= 500 and not (in_outage and status == 503):
                errors.append((endpoint, status))
        total += len(samples)
        print(
            f"{endpoint[:42]:42} {len(samples):6d} {len(samples) / duration:7.1f} "
            f"{percentile(times, 0.5):8.0f} {percentile(times, 0.95):8.0f}  "
            + " ".join(f"{k}×{v}" for k, v in sorted(statuses.items()))
        )
    print(f"{'total':42} {total:6d} {total / duration:7.1f}")
    return total / duration, errors


def run(name, base, members, duration, fault=None):
    results = Results()
    start = time.monotonic()
    deadline = start + duration
    threads = [
        threading.Thread(
            target=member_loop,
            args=(base, member, deadline, results, random.Random(member["id"])),
        )
        for member in members
    ]
    for thread in threads:
        thread.start()
    outage = fault(start, duration) if fault else None
    for thread in threads:
        thread.join(timeout=duration + 60)
    return results, outage


def stop_elasticsearch(start, duration):
    time.sleep(max(0, start + duration / 2 - time.monotonic()))
    began = time.monotonic()
    service("elasticsearch", "stop")
    return (began, float("inf"))


def restart_postgres(start, duration):
    time.sleep(max(0, start + duration / 3 - time.monotonic()))
    began = time.monotonic()
    service("postgres", "stop")
    time.sleep(5)
    service("postgres", "start")
    return (began, time.monotonic() + 5)


SCENARIOS = {
    "normal": ("Charge nominale", None),
    "es-down": ("Elasticsearch arrêté à mi-parcours", stop_elasticsearch),
    "pg-restart": ("PostgreSQL redémarré au tiers du parcours", restart_postgres),
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--scenario", choices=[*SCENARIOS, "all"], default="all")
    parser.add_argument("--json", help="écrire les chiffres dans ce fichier")
    args = parser.parse_args(argv)
    args.users = min(args.users, 200)  # bounded
    args.duration = min(args.duration, 300)

    env = environment()
    print("Préparation : migrations, démo, fichiers statiques, index…", flush=True)
    prepare(env)
    members = django_shell(env, MAKE_MEMBERS.format(count=args.users))
    names = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    failures, figures = [], {}
    for key in names:
        title, fault = SCENARIOS[key]
        service("elasticsearch")
        service("postgres")
        server = Gunicorn(env)
        try:
            results, outage = run(title, server.url, members, args.duration, fault)
        finally:
            server.stop()
        rps, errors = report(title, results, args.duration, outage)
        service("elasticsearch")  # back for the checks and the next scenario
        lost = django_shell(
            env,
            CHECK_WRITES,
            stdin=json.dumps({"profiles": results.profiles, "joins": results.joins}),
        )
        search = results.samples.get("recherche", [])
        print(
            f"écritures confirmées : {len(results.profiles)} profils, "
            f"{len(results.joins)} adhésions ; perdues : {len(lost)}"
        )
        if errors:
            failures.append(f"{title} : {len(errors)} réponses 5xx hors panne")
            if key == "es-down" and all(e[0] == "recherche" for e in errors):
                failures[-1] += (
                    " — ÉCHEC ATTENDU : la recherche sans Elasticsearch "
                    "(repli sur la base de données avec un avis) est l'objet "
                    "de l'issue 8"
                )
        if lost:
            failures.append(f"{title} : écritures perdues {lost[:5]}")
        tail = [s for s in search if s[0] > (outage[1] if outage else 0)]
        if key == "pg-restart" and tail and all(s[2] >= 500 for s in tail[-20:]):
            failures.append(f"{title} : pas de retour à la normale")
        figures[key] = {
            "rps": round(rps, 1),
            "endpoints": {
                endpoint: {
                    "p50": round(percentile([ms for _t, ms, _s in v], 0.5)),
                    "p95": round(percentile([ms for _t, ms, _s in v], 0.95)),
                    "count": len(v),
                }
                for endpoint, v in results.samples.items()
            },
            "errors_5xx": len(errors),
            "lost_writes": len(lost),
        }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, ensure_ascii=False, indent=2)
    print(
        "\n" + ("\n".join(failures) if failures else "Charge et pannes : tout va bien.")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""The multi-node proof (see scripts/scale): two gunicorn nodes behind nginx,
one tasks worker, sharing PostgreSQL, Redis, the object store and a 3-node
Elasticsearch cluster, all on the loopback and started by the project's own
scripts. Each phase adds rows to one table (requests, errors, p50, p95); the
script exits non-zero when a phase has an error. Everything it started is
stopped at the end, on Ctrl-C too.

nginx: Debian's nginx-light and libnginx-mod-http-cache-purge (installed
with apt-get when missing). Its configuration is written into
.services/scale/ at each run: round robin over the two nodes, retries of
idempotent requests on the other node (``proxy_next_upstream``), a page
cache that honours the site's Cache-Control and skips members (session
cookie), and PURGE from the loopback only (what FRONTEND_CACHE_URL points at).
"""

import argparse
import contextlib
import html
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

from .load import FALLBACK_NOTICE, QUERIES, READ_PATHS, LoopbackSession, percentile
from .load import django_call as _django_call
from .server import (
    ROOT,
    Gunicorn,
    Worker,
    environment,
    free_port,
    log_file,
    manage,
)

STATE = ROOT / ".services" / "scale"
SERVICES = ROOT / "scripts" / "services"
PASSWORD = "preuve-multi-noeuds-42"  # noqa: S105 (a throwaway account of the proof)
NGINX = "/usr/sbin/nginx"  # Debian's, whichever flavour
APT_GET = "/usr/bin/apt-get"
NGINX_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
RATE_LIMIT_MESSAGE = "Trop de tentatives"
# home.ratelimit's and home.storage's refusals (French interface).
REDIS_DOWN_MESSAGE = "Service momentanément indisponible"
STORE_DOWN_MESSAGE = "Le stockage des fichiers est momentanément indisponible"
LOGIN_FAILURES_ALLOWED = 5  # allauth's default: 5 failed logins per address per 5 min
ES_NODES = 3


def say(text):
    print(f"[scale {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def django_call(env, function, *args):
    return _django_call(env, function, *args, module="scale_fixture")


# --- the table ----------------------------------------------------------------


@dataclass
class Phase:
    name: str
    times: list = field(default_factory=list)
    errors: int = 0
    notes: list = field(default_factory=list)
    skipped: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, started, ok):
        with self.lock:
            self.times.append((time.monotonic() - started) * 1000)
            if not ok:
                self.errors += 1

    def fail(self, note):
        with self.lock:
            self.errors += 1
            self.notes.append(note)

    def note(self, note):
        self.notes.append(note)


def print_table(phases, elapsed):
    print()
    header = f"{'phase':44} {'requêtes':>8} {'erreurs':>7} {'p50 ms':>7} {'p95 ms':>7}"
    print(header)
    print("-" * len(header))
    for phase in phases:
        if phase.skipped:
            print(f"{phase.name:44} {'—':>8} {'—':>7} {'—':>7} {'—':>7}  non mesuré")
            print(f"{'':44}   ↳ {phase.skipped}")
            continue
        times = phase.times or [0]
        print(
            f"{phase.name:44} {len(phase.times):8} {phase.errors:7} "
            f"{percentile(times, 0.5):7.0f} {percentile(times, 0.95):7.0f}"
        )
        for note in phase.notes:
            print(f"{'':44}   ↳ {note}")
    print(f"\nDurée totale : {elapsed / 60:.1f} min")


# --- processes -------------------------------------------------------------


class Stack:
    """What this run started, stopped in reverse order by ``close``."""

    def __init__(self):
        self.stoppers = []
        # Each service start is a row: its duration, and an error if it failed.
        self.phase = Phase("démarrage des services")

    def on_close(self, label, stop):
        self.stoppers.append((label, stop))

    def close(self):
        while self.stoppers:
            label, stop = self.stoppers.pop()
            try:
                stop()
            except Exception as error:  # noqa: BLE001 (stop what remains)
                say(f"arrêt de {label} : {error}")

    def service(self, name, *args, required=False):
        """``scripts/services/<name> start [args]``: its KEY=value lines, and its
        ``stop [args]`` at the end unless it was already running. None if the
        script is not there (a piece not merged yet)."""
        script = SERVICES / name
        if not script.exists():
            return None
        running = service_command(name, "status", *args).returncode == 0
        say(f"{name} start {' '.join(args)}".rstrip())
        started = time.monotonic()
        result = service_command(name, "start", *args)
        if not running:
            # Stopped at the end, a failed start too (it may have left a process).
            self.on_close(name, lambda: service_command(name, "stop", *args))
        self.phase.record(started, result.returncode == 0)
        if result.returncode:
            self.phase.note(f"{name} : {result.stderr.strip()[-200:]}")
            if required:
                raise SystemExit(
                    f"{name} n'a pas pu démarrer :\n{result.stderr[-2000:]}"
                )
            return None
        self.phase.note(f"{name} {' '.join(args)} : {time.monotonic() - started:.0f} s")
        return dict(
            line.split("=", 1) for line in result.stdout.splitlines() if "=" in line
        )


def service_command(name, *args):
    return subprocess.run(
        [SERVICES / name, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


# --- the proxy ---------------------------------------------------------------


def ensure_nginx():
    """Debian's nginx-light and the cache purge module, installed when missing."""
    if Path(NGINX).exists() and NGINX_MODULE.exists():
        return
    if os.geteuid() != 0:
        raise SystemExit(
            "nginx et son module de purge manquent : "
            "apt-get install nginx-light libnginx-mod-http-cache-purge"
        )
    say("installation de nginx-light et libnginx-mod-http-cache-purge (apt-get)")
    command = [APT_GET, "install", "-y", "-q", "--no-install-recommends"]
    packages = ["nginx-light", "libnginx-mod-http-cache-purge"]
    quiet = {
        "stdout": subprocess.DEVNULL,
        "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    }
    if subprocess.run([*command, *packages], check=False, **quiet).returncode:
        subprocess.run([APT_GET, "update", "-q"], check=False, **quiet)
        subprocess.run([*command, *packages], check=True, **quiet)


NGINX_CONF = """# Written by scripts/scale at each run: edits are lost.
load_module {module};
{user}
worker_processes 1;
daemon off;
pid {state}/nginx.pid;
error_log {state}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {state}/tmp/body;
    proxy_temp_path {state}/tmp/proxy;
    fastcgi_temp_path {state}/tmp/fastcgi;
    uwsgi_temp_path {state}/tmp/uwsgi;
    scgi_temp_path {state}/tmp/scgi;
    client_max_body_size 25m;

    upstream web {{
        server 127.0.0.1:{node_a} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:{node_b} max_fails=1 fail_timeout=10s;
        keepalive 16;
    }}

    # Anonymous pages, kept as long as the site's s-maxage says.
    proxy_cache_path {state}/cache levels=1:2 keys_zone=pages:10m max_size=200m
                     inactive=10m use_temp_path=off;
    # Members (session), pending messages and the English interface go to the
    # web nodes: the pages kept are the anonymous French ones.
    map "$cookie_sessionid$cookie_messages$cookie_django_language" $skip_cache {{
        default 1;
        "" 0;
    }}

    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://web;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # A node that refuses, resets or times out: the request goes to
            # the other one. Only idempotent ones (nginx never retries a POST
            # unless told to with non_idempotent).
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 2;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;

            proxy_cache pages;
            proxy_cache_key $request_uri;
            proxy_cache_bypass $skip_cache;
            proxy_no_cache $skip_cache;
            # Vary: Cookie is honoured by the bypass above; one entry per URL
            # lets a single PURGE remove it.
            proxy_ignore_headers Vary;
            proxy_cache_lock on;
            add_header X-Cache-Status $upstream_cache_status always;
            # The module's one-location form (proxy_cache_purge PURGE from …)
            # crashes nginx 1.22's worker: PURGE goes to a location of its own.
            if ($request_method = PURGE) {{
                rewrite ^ /_purge last;
            }}
        }}
        location = /_purge {{
            internal;
            allow 127.0.0.1;
            deny all;
            proxy_cache_purge pages $request_uri;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, port, node_ports):
        ensure_nginx()
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        shutil.rmtree(STATE / "cache", ignore_errors=True)
        for sub in ("tmp", "cache"):
            (STATE / sub).mkdir(parents=True, exist_ok=True)
        conf = STATE / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                module=NGINX_MODULE,
                # As root the master drops its workers to nobody, who could
                # not write the cache here: they stay root, on the loopback.
                user="user root;" if os.geteuid() == 0 else "",
                state=STATE,
                node_a=node_ports[0],
                node_b=node_ports[1],
                port=port,
            )
        )
        check = subprocess.run(
            [NGINX, "-t", "-q", "-p", str(STATE), "-c", str(conf)],
            capture_output=True,
            text=True,
            check=False,
        )
        if check.returncode:
            raise SystemExit(f"configuration nginx refusée :\n{check.stderr}")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(STATE), "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=log_file("scale-nginx.log", "w"),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(self.url + "/", timeout=5).status_code == 200:
                    return
            time.sleep(0.3)
        self.stop()
        raise SystemExit("nginx ne répond pas (voir .services/scale/nginx-error.log).")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


# --- HTTP helpers ------------------------------------------------------------


def session(forwarded_for):
    http = LoopbackSession()
    # Production settings trust one proxy: straight to a node, the client
    # sends the address nginx would have forwarded.
    http.headers["X-Forwarded-For"] = forwarded_for
    return http


def csrf_token(text):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
    return match.group(1) if match else ""


def login(http, base, email, password, phase=None):
    started = time.monotonic()
    page = http.get(base + "/comptes/login/", timeout=30)
    if phase:
        phase.record(started, page.status_code == 200)
    started = time.monotonic()
    response = http.post(
        base + "/comptes/login/",
        data={
            "login": email,
            "password": password,
            "csrfmiddlewaretoken": csrf_token(page.text),
        },
        headers={"Referer": base + "/comptes/login/"},
        allow_redirects=False,
        timeout=30,
    )
    if phase:
        phase.record(started, response.status_code in (200, 302))
    return response


def form_fields(text, form_marker):
    """Every input and select of the form whose tag contains ``form_marker``,
    with its current value (enough for Wagtail's simple admin forms)."""
    start = text.find(form_marker)
    form = text[start : text.find("</form>", start)]
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if not name or (kind and kind.group(1) in ("file", "submit", "checkbox")):
            continue
        value = re.search(r'value="([^"]*)"', tag)
        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, body in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S
    ):
        options = re.findall(r'<option([^>]*)value="([^"]*)"', body)
        chosen = [value for attrs, value in options if "selected" in attrs]
        filled = [value for _attrs, value in options if value]
        fields[name] = (chosen or filled or [""])[0]
    return fields


def timed(phase, call, ok=lambda r: r.status_code == 200):
    started = time.monotonic()
    try:
        response = call()
    except requests.RequestException as error:
        phase.record(started, False)
        phase.note(f"erreur réseau : {error!r}"[:160])
        return None
    phase.record(started, ok(response))
    return response


def upload_document(phase, http, base, title, ok=lambda r: r.status_code == 302):
    """A text file posted to the administration's document form on ``base``:
    the POST's response (None on a network error) and the bytes sent."""
    form = timed(phase, lambda: http.get(base + "/admin/documents/add/", timeout=30))
    if form is None:
        return None, b""
    fields = form_fields(form.text, 'enctype="multipart/form-data"')
    content = f"Preuve multi-nœuds {time.time()}\n".encode() * 200
    fields.update(title=title, csrfmiddlewaretoken=csrf_token(form.text))
    response = timed(
        phase,
        lambda: http.post(
            base + "/admin/documents/add/",
            data=fields,
            files={"file": ("preuve-scale.txt", content, "text/plain")},
            headers={"Referer": base + "/admin/documents/add/"},
            allow_redirects=False,
            timeout=60,
        ),
        ok=ok,
    )
    return response, content


# --- phases ------------------------------------------------------------------


def phase_session(nodes, accounts):
    phase = Phase("session : connexion sur A, valide sur B")
    a, b = nodes
    http = session("198.51.100.10")
    response = login(http, a.url, accounts["member"], PASSWORD, phase)
    if response.status_code != 302:
        phase.fail(f"connexion sur A refusée ({response.status_code})")
        return phase
    for node, label in ((b, "B"), (a, "A"), (b, "B")):
        answer = timed(
            phase,
            lambda node=node: http.get(
                node.url + "/comptes/profil/", allow_redirects=False, timeout=30
            ),
        )
        if answer is not None and answer.status_code != 200:
            phase.note(f"profil sur {label} : {answer.status_code} (session inconnue)")
    if not phase.errors:
        phase.note("le cookie de session posé par A ouvre le profil sur B")
    return phase


def phase_document(nodes, accounts, objectstore):
    phase = Phase("document : déposé par A, lu par B")
    a, b = nodes
    http = session("198.51.100.11")
    if login(http, a.url, accounts["editor"], PASSWORD, phase).status_code != 302:
        phase.fail("connexion de l'éditrice refusée")
        return phase
    title = f"Preuve multi-noeuds {int(time.time())}"
    response, content = upload_document(phase, http, a.url, title)
    if response is None or response.status_code != 302:
        phase.note("dépôt refusé par A")
        return phase
    listing = http.get(a.url + "/admin/documents/", params={"q": title}, timeout=30)
    edit = re.search(r"/admin/documents/edit/(\d+)/", listing.text)
    if not edit:
        phase.fail("document introuvable après le dépôt")
        return phase
    page = http.get(a.url + f"/admin/documents/edit/{edit.group(1)}/", timeout=30)
    link = re.search(r'href="(/documents/\d+/[^"]+)"', page.text)
    if not link:
        phase.fail("lien de téléchargement introuvable")
        return phase
    download = timed(phase, lambda: http.get(b.url + link.group(1), timeout=60))
    if download is not None and download.content != content:
        phase.fail("B ne rend pas les octets déposés sur A")
    elif download is not None:
        phase.note(
            f"{len(content)} octets identiques ; stockage : "
            + (
                f"magasin d'objets ({', '.join(objectstore)})"
                if objectstore
                else "disque local (non intégré : magasin d'objets)"
            )
        )
    return phase


def phase_publication(nodes, proxy, env, accounts):
    phase = Phase("publication par A, fraîche sur B et le proxy")
    a, b = nodes
    draft = django_call(env, "draft")
    anonymous = requests.Session()
    for _ in range(2):
        warm = timed(phase, lambda: anonymous.get(proxy.url + draft["url"], timeout=30))
    if warm is None or warm.headers.get("X-Cache-Status") != "HIT":
        phase.fail("le proxy ne garde pas la page anonyme (pas de HIT)")
    listing_before = anonymous.get(proxy.url + draft["listing"], timeout=30)
    anonymous.get(proxy.url + draft["listing"], timeout=30)
    http = session("198.51.100.12")
    if login(http, a.url, accounts["editor"], PASSWORD, phase).status_code != 302:
        phase.fail("connexion de l'éditrice refusée")
        return phase
    bulk = f"{a.url}/admin/bulk/wagtailcore/page/publish/?id={draft['id']}&next=/admin/"
    confirm = timed(phase, lambda: http.get(bulk, timeout=30))
    if confirm is None:
        return phase
    published = time.monotonic()
    response = timed(
        phase,
        lambda: http.post(
            bulk,
            data={"csrfmiddlewaretoken": csrf_token(confirm.text)},
            headers={"Referer": bulk},
            allow_redirects=False,
            timeout=60,
        ),
        ok=lambda r: r.status_code == 302,
    )
    if response is None or response.status_code != 302:
        phase.fail("publication refusée par A")
        return phase
    title = html.escape(draft["title"])
    on_b = timed(phase, lambda: requests.get(b.url + draft["url"], timeout=30))
    if on_b is None or title not in on_b.text:
        phase.fail("B sert l'ancienne version")
    # The purge goes through the tasks queue: the worker sends the PURGE.
    deadline = time.monotonic() + 20
    fresh = None
    while time.monotonic() < deadline:
        answer = timed(
            phase, lambda: anonymous.get(proxy.url + draft["url"], timeout=30)
        )
        if answer is not None and title in answer.text:
            fresh = time.monotonic() - published
            break
        time.sleep(0.25)
    if fresh is None:
        phase.fail("le proxy sert encore l'ancienne version après 20 s (pas de purge)")
        return phase
    listing = anonymous.get(proxy.url + draft["listing"], timeout=30)
    listed = title in listing.text
    if title.split(" — ")[0] in listing_before.text and not listed:
        phase.fail(f"la liste {draft['listing']} n'a pas été purgée")
    phase.note(
        f"page purgée et servie à jour par le proxy {fresh:.1f} s après la publication"
        + (f" ; liste {draft['listing']} à jour" if listed else "")
    )
    return phase


def phase_rate_limit(nodes, accounts, redis):
    phase = Phase("limite de connexions comptée sur A et B")
    clients = [(node, session("198.51.100.13")) for node in nodes]
    reached = None
    for attempt in range(1, LOGIN_FAILURES_ALLOWED + 3):
        node, http = clients[attempt % 2]
        started = time.monotonic()
        response = login(http, node.url, accounts["target"], "mauvais-mot-de-passe")
        phase.record(started, response.status_code in (200, 429))
        if RATE_LIMIT_MESSAGE in response.text or response.status_code == 429:
            reached = attempt
            break
    if reached != LOGIN_FAILURES_ALLOWED + 1:
        phase.fail(
            f"{LOGIN_FAILURES_ALLOWED} échecs répartis sur A et B : la limite "
            + (
                f"tombe à la tentative {reached}"
                if reached
                else "n'est jamais atteinte"
            )
            + " (compteurs non partagés"
            + ("" if redis else " : non intégré, REDIS_URL absent")
            + ")"
        )
    else:
        phase.note(
            f"{LOGIN_FAILURES_ALLOWED} échecs alternés A/B, la tentative {reached} est refusée"
        )
    return phase


def phase_redis_down(proxy, nodes, accounts, redis, seconds):
    """Redis stopped during a load of anonymous reads (straight to the nodes,
    past nginx's cache) and members' reads (cached_db sessions): all 200; a
    login on each node is refused with the French 503 (fail closed); Redis
    started again, a login is accepted again on both nodes."""
    phase = Phase("Redis arrêté : lectures 200, connexion 503")
    if not redis:
        phase.skipped = (
            "REDIS_URL absent : scripts/services/redis pas encore disponible"
        )
        return phase
    members = member_http(proxy, accounts)
    anonymous = [node.url + path for node in nodes for path in READ_PATHS]
    logged_in = [proxy.url + path for path in READ_PATHS]
    marks = {}

    def stop():
        say("arrêt de Redis (scripts/services/redis stop)")
        marks["stop"] = service_command("redis", "stop")

    def refused_logins():
        refused = 0
        for node, label in zip(nodes, "AB", strict=True):
            started = time.monotonic()
            try:
                response = login(
                    session("198.51.100.14"), node.url, accounts["member"], PASSWORD
                )
            except requests.RequestException as error:
                phase.fail(f"connexion sur {label} : erreur réseau {error!r}"[:160])
                continue
            expected = (
                response.status_code == 503 and REDIS_DOWN_MESSAGE in response.text
            )
            phase.record(started, expected)
            refused += expected
            if not expected:
                phase.note(
                    f"connexion sur {label} pendant la panne : {response.status_code}"
                    + (
                        " (acceptée sans compteurs)"
                        if response.status_code == 302
                        else ""
                    )
                )
        marks["refused"] = refused

    def restart():
        say("relance de Redis (scripts/services/redis start)")
        started = time.monotonic()
        marks["start"] = service_command("redis", "start")
        # Each web process retries Redis a few seconds after its last failure
        # (home.cache, RETRY_AFTER): a login must soon pass on both nodes.
        deadline = started + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                answers = [
                    login(
                        session("198.51.100.16"), node.url, accounts["member"], PASSWORD
                    )
                    for node in nodes
                ]
                if all(answer.status_code == 302 for answer in answers):
                    marks["back"] = time.monotonic() - started
                    return
            time.sleep(0.5)

    load(
        phase,
        lambda n: logged_in if n % 2 else anonymous,
        lambda n: members(n) if n % 2 else session("198.51.100.21"),
        seconds,
        threads=4,
        check=lambda r: (r.status_code == 200, ""),
        events=[
            (seconds * 0.2, stop),
            (seconds * 0.4, refused_logins),
            (seconds * 0.65, restart),
        ],
    )
    if marks["stop"].returncode or marks["start"].returncode:
        phase.fail(
            "redis stop/start a échoué : "
            + (marks["stop"].stderr + marks["start"].stderr).strip()[-200:]
        )
    if "back" not in marks:
        phase.fail("Redis relancé : la connexion reste refusée après 30 s")
        return phase
    phase.note(
        f"Redis arrêté pendant la charge : lectures anonymes (A, B) et de membres "
        f"en 200 ; {marks['refused']}/2 connexions refusées en 503 (message "
        f"français) ; relancé, connexion acceptée sur A et B {marks['back']:.1f} s après"
    )
    return phase


def phase_store_down(nodes, env, accounts, objectstore):
    """The object store stopped: a document upload is refused with the form's
    French message and leaves no row; a member's page with their photo and
    the public pages still render; the store started again, an upload
    passes."""
    phase = Phase("magasin d'objets arrêté : dépôt refusé")
    if not objectstore:
        phase.skipped = (
            "OBJECTSTORE_URL absent : scripts/services/objectstore indisponible"
        )
        return phase
    a, b = nodes
    http = session("198.51.100.15")
    if login(http, a.url, accounts["editor"], PASSWORD, phase).status_code != 302:
        phase.fail("connexion de l'éditrice refusée")
        return phase
    photo = timed(phase, lambda: http.get(a.url + accounts["member_page"], timeout=30))
    if photo is not None and 'class="avatar"' not in photo.text:
        phase.fail(
            f"pas de photo sur {accounts['member_page']} : la phase ne prouve rien"
        )
    say("arrêt du magasin d'objets (scripts/services/objectstore stop)")
    started = time.monotonic()
    stopped = service_command("objectstore", "stop")
    stop_after = time.monotonic() - started
    if stopped.returncode:
        phase.fail(f"objectstore stop a échoué : {stopped.stderr.strip()[-200:]}")
    refused_title = f"Preuve panne magasin {int(time.time())}"
    refused, _content = upload_document(
        phase,
        http,
        a.url,
        refused_title,
        ok=lambda r: r.status_code == 200 and STORE_DOWN_MESSAGE in r.text,
    )
    if refused is not None and STORE_DOWN_MESSAGE not in refused.text:
        phase.note(f"dépôt pendant la panne : {refused.status_code}, sans le message")
    for node in nodes:
        for path in (accounts["member_page"], *READ_PATHS):
            client = http if path == accounts["member_page"] else requests
            timed(
                phase,
                lambda node=node, path=path, c=client: c.get(
                    node.url + path, timeout=30
                ),
            )
    say("relance du magasin d'objets (scripts/services/objectstore start)")
    started = time.monotonic()
    back = service_command("objectstore", "start")
    back_after = time.monotonic() - started
    if back.returncode:
        phase.fail(f"objectstore start a échoué : {back.stderr.strip()[-200:]}")
        return phase
    accepted_title = f"Preuve retour magasin {int(time.time())}"
    upload_document(phase, http, b.url, accepted_title)
    counts = django_call(env, "documents", refused_title, accepted_title)
    if counts != [0, 1]:
        phase.fail(f"documents en base (refusé, accepté) : {counts}, attendu [0, 1]")
    else:
        phase.note(
            f"arrêté en {stop_after:.0f} s ; dépôt refusé sur A (message français, "
            "aucune ligne), page du membre à photo et pages publiques en 200 sur A "
            f"et B ; relancé en {back_after:.0f} s, dépôt accepté sur B"
        )
    return phase


def load(phase, urls, http_factory, seconds, threads, check, events=()):
    """``threads`` clients GET ``urls`` (or ``urls(n)`` for client n) in turn
    for ``seconds``; ``events`` are (at seconds, callable) run meanwhile from
    this thread."""
    stop = time.monotonic() + seconds
    urls_of = urls if callable(urls) else lambda _n: urls

    def client(n):
        http = http_factory(n)
        urls = urls_of(n)
        i = n
        while time.monotonic() < stop:
            url = urls[i % len(urls)]
            i += 1
            started = time.monotonic()
            try:
                response = http.get(url, timeout=30)
            except requests.RequestException as error:
                phase.record(started, False)
                phase.note(f"erreur réseau : {error!r}"[:160])
                continue
            ok, why = check(response)
            phase.record(started, ok)
            if not ok:
                with phase.lock:
                    if len(phase.notes) < 5:
                        phase.notes.append(f"{url} → {response.status_code} {why}")

    workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    begun = time.monotonic()
    for worker in workers:
        worker.start()
    for at, action in events:
        time.sleep(max(0, begun + at - time.monotonic()))
        action()
    for worker in workers:
        worker.join()


def member_http(proxy, accounts):
    """A member's session through the proxy: their pages skip the cache."""
    http = session("198.51.100.20")
    del http.headers["X-Forwarded-For"]  # nginx adds it
    login(http, proxy.url, accounts["member"], PASSWORD)
    cookie = http.cookies.get("sessionid")

    def factory(_n):
        client = LoopbackSession()
        client.cookies.set("sessionid", cookie)
        return client

    return factory


def phase_search_node_down(proxy, es_urls, accounts, seconds):
    phase = Phase("recherche, un nœud Elasticsearch tué")
    if len(es_urls) < ES_NODES:
        phase.skipped = (
            f"grappe de {len(es_urls)} nœud(s) : scripts/services/elasticsearch "
            f"start --nodes {ES_NODES} pas encore disponible"
        )
        return phase
    urls = [f"{proxy.url}/recherche/?q={q}" for q in QUERIES]
    marks = {}

    def check(response):
        if response.status_code != 200:
            return False, ""
        if FALLBACK_NOTICE in response.text:
            return False, "(repli sur la base de données)"
        return True, ""

    def kill():
        say("SIGKILL du nœud Elasticsearch 1 (kill --node 1)")
        marks["killed"] = service_command("elasticsearch", "kill", "--node", "1")

    def restart():
        started = time.monotonic()
        marks["restarted"] = service_command("elasticsearch", "start", "--node", "1")
        marks["green after"] = time.monotonic() - started

    def revive():
        say("relance du nœud Elasticsearch 1 (start --node 1, attend le vert)")
        marks["thread"] = threading.Thread(target=restart)
        marks["thread"].start()

    load(
        phase,
        urls,
        member_http(proxy, accounts),
        seconds,
        threads=4,
        check=check,
        events=[(seconds * 0.25, kill), (seconds * 0.6, revive)],
    )
    marks["thread"].join(timeout=180)
    health = {}
    with contextlib.suppress(requests.RequestException, ValueError):
        health = requests.get(
            es_urls[1] + "/_cluster/health",
            params={"wait_for_status": "green", "timeout": "60s"},
            timeout=70,
        ).json()
    replicas = set()
    with contextlib.suppress(requests.RequestException, ValueError):
        indices = requests.get(
            es_urls[1] + "/_cat/indices/scale_*",
            params={"format": "json", "h": "index,rep"},
            timeout=10,
        ).json()
        replicas = {int(index["rep"]) for index in indices}
    if marks["killed"].returncode:
        phase.fail(f"kill --node 1 a échoué : {marks['killed'].stderr[-300:]}")
    if health.get("status") != "green":
        phase.fail(f"la grappe n'est pas revenue au vert ({health.get('status')})")
    else:
        phase.note(
            f"nœud 1 tué (SIGKILL) puis relancé : grappe verte "
            f"{marks.get('green after', 0):.0f} s après sa relance, "
            f"{health.get('number_of_nodes')} nœuds, répliques par index : "
            f"{', '.join(map(str, sorted(replicas))) or '?'}"
        )
    return phase


def phase_web_node_down(proxy, nodes, accounts, seconds):
    phase = Phase("lectures, un nœud web tué (retries du proxy)")
    urls = [proxy.url + path for path in READ_PATHS]

    def kill():
        # SIGKILL of B's gunicorn master: its workers finish the response they
        # are writing and leave, the port then refuses. (A process killed in
        # the middle of a response cannot be replayed by any proxy: the
        # headers have already gone to the visitor.)
        say(f"SIGKILL du maître gunicorn du nœud B ({nodes[1].process.pid})")
        os.kill(nodes[1].process.pid, signal.SIGKILL)

    load(
        phase,
        urls,
        member_http(proxy, accounts),
        seconds,
        threads=4,
        check=lambda r: (r.status_code == 200, ""),
        events=[(seconds * 0.3, kill)],
    )
    try:
        requests.get(nodes[1].url + "/", timeout=5)
        phase.fail("le nœud B répond encore après la charge")
    except requests.RequestException:
        phase.note(
            "nœud B tué pendant la charge (il ne répond plus) ; nginx rejoue les GET sur A"
        )
    return phase


def phase_anonymous_cache(proxy, seconds):
    phase = Phase("pages anonymes par le proxy (cache)")
    hits = []

    def check(response):
        hits.append(response.headers.get("X-Cache-Status") == "HIT")
        return response.status_code == 200, ""

    urls = [proxy.url + path for path in READ_PATHS]
    load(phase, urls, lambda _n: requests.Session(), seconds, threads=4, check=check)
    if hits:
        phase.note(f"{100 * sum(hits) / len(hits):.0f} % servies par le cache de nginx")
    return phase


# --- the run -----------------------------------------------------------------


def database_url(url, name):
    """The same server, database ``name``, created empty."""
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name))


def run(args, stack, phases):
    STATE.mkdir(parents=True, exist_ok=True)
    database = (
        os.environ.get("DATABASE_URL")
        or stack.service("postgres", required=True)["DATABASE_URL"]
    )
    # The cluster takes minutes to form: it starts while the database is
    # migrated and seeded (on the database search back end: the seeding only
    # queues indexing, dropped below), Redis and the object store beside it.
    started = {}

    def start(key, *arguments):
        started[key] = stack.service(*arguments)

    threads = [
        threading.Thread(target=start, args=(key, *arguments))
        for key, arguments in (
            ("es", ("elasticsearch", "--nodes", str(ES_NODES))),
            ("redis", ("redis",)),
            ("objectstore", ("objectstore",)),
        )
    ]
    for thread in threads:
        thread.start()
    os.environ.update(DATABASE_URL=database, ELASTICSEARCH_URL="http://127.0.0.1:9")
    env = environment(prefix="scale_")
    name = urlsplit(database).path.lstrip("/") + "_scale"
    env["DATABASE_URL"] = database_url(database, name)
    proxy_port = free_port()
    env.update(
        BASE_URL=f"http://127.0.0.1:{proxy_port}",
        FRONTEND_CACHE_URL=f"http://127.0.0.1:{proxy_port}",
    )
    threads[1].join()
    threads[2].join()  # the seeding writes its images and documents there
    redis, objectstore = started.get("redis"), started.get("objectstore")
    env.update(redis or {})
    env.update(objectstore or {})
    say(
        f"base {name}, Redis "
        + ("oui" if redis else "non")
        + ", magasin d'objets "
        + ("oui" if objectstore else "non")
        + " ; migration, démo, index (journal : .cache/load/prepare.log)"
    )
    log_file("prepare.log", "w").close()
    collectstatic = threading.Thread(
        target=timed_manage, args=(env, "collectstatic", "--noinput")
    )
    collectstatic.start()
    early = {**env, "SEARCH_BACKEND": "database"}
    timed_manage(early, "migrate", "--noinput")
    timed_manage(early, "seed_demo")
    django_call(early, "drop_queued_tasks")
    collectstatic.join()
    threads[0].join()
    if not started.get("es"):
        raise SystemExit("la grappe Elasticsearch n'a pas démarré (voir plus haut).")
    env["ELASTICSEARCH_URL"] = started["es"]["ELASTICSEARCH_URL"]
    es_urls = env["ELASTICSEARCH_URL"].split(",")
    say(f"Elasticsearch : {len(es_urls)} nœud(s)")
    timed_manage(env, "update_index")
    timed_manage(env, "search_reindex")
    accounts = django_call(env, "accounts", PASSWORD)

    say("deux nœuds gunicorn (2 workers chacun), le worker des tâches, nginx")
    nodes = []
    for label in ("a", "b"):
        node = Gunicorn(env, name=f"scale-{label}", workers=2)
        nodes.append(node)
        stack.on_close(f"gunicorn {label}", lambda node=node: stop_node(node))
    worker = Worker(env, name="scale")
    stack.on_close("worker", worker.stop)
    proxy = Nginx(proxy_port, [node.port for node in nodes])
    stack.on_close("nginx", proxy.stop)
    say(f"proxy : {proxy.url} (A {nodes[0].url}, B {nodes[1].url})")

    for step in (
        lambda: phase_anonymous_cache(proxy, args.seconds / 2),
        lambda: phase_session(nodes, accounts),
        lambda: phase_document(nodes, accounts, objectstore),
        lambda: phase_publication(nodes, proxy, env, accounts),
        lambda: phase_rate_limit(nodes, accounts, redis),
        lambda: phase_redis_down(proxy, nodes, accounts, redis, args.seconds / 2),
        lambda: phase_store_down(nodes, env, accounts, objectstore),
        lambda: phase_search_node_down(proxy, es_urls, accounts, args.seconds),
        lambda: phase_web_node_down(proxy, nodes, accounts, args.seconds),
    ):
        phase = step()
        say(f"{phase.name} : {len(phase.times)} requêtes, {phase.errors} erreurs")
        phases.append(phase)


def timed_manage(env, *arguments):
    began = time.monotonic()
    manage(env, *arguments)
    say(f"  manage.py {arguments[0]} : {time.monotonic() - began:.0f} s")


def stop_node(node):
    if node.process.poll() is None:
        node.stop()
    else:
        node.log.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=20, help="durée de chaque charge (défaut 20 s)"
    )
    args = parser.parse_args(argv)
    began = float(os.environ.get("SCALE_STARTED") or time.time())
    stack = Stack()
    phases = [stack.phase]

    def interrupted(signum, _frame):
        raise SystemExit(f"interrompu (signal {signum})")

    signal.signal(signal.SIGTERM, interrupted)
    try:
        run(args, stack, phases)
    finally:
        say("arrêt de tout ce que le script a démarré")
        stack.close()
    print_table(phases, time.time() - began)
    failed = [phase.name for phase in phases if phase.errors]
    if failed:
        print("Phases en erreur : " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

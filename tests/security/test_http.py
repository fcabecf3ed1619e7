"""HTTP-level protections: CSRF on every POST form, no open redirect through
``next=``, clickjacking and content-security headers, production cookies and
HSTS, and a clean 503 when the database is gone.

``POST_FORMS`` lists the forms that change something; a capability that adds
one adds its path here (the CSRF check then covers it).
"""

import pytest

from tests.support import demo_paths
from tests.support.cast import make_cast
from tests.support.sessions import logged_in_client
from tests.test_settings import PRODUCTION_ENV, run_django

pytestmark = pytest.mark.django_db


POST_FORMS = [
    "/comptes/login/",
    "/comptes/signup/",
    "/comptes/password/reset/",
    "/comptes/profil/",
    "/comptes/supprimer/",
    "/communaute/e-communautes/rennes/rejoindre/",
    "/communaute/e-communautes/innovation-publique/quitter/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/modifier/",
    "/communaute/e-communautes/innovation-publique/equipes/nouvelle/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/rejoindre/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/quitter/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/ajouter/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/reglages/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/demandes/1/",
    "/communaute/equipes/equipe-mobilites-rennes-2018/demandes/1/annuler/",
    demo_paths.team_member_route(),
    "/i18n/setlang/",
    "/evenements/mon-programme/lien-agenda/",
    demo_paths.session_route("register"),
    demo_paths.session_route("cancel"),
    demo_paths.call_route("propose"),
    demo_paths.proposal_review(),
    demo_paths.challenge_route("progress"),
    demo_paths.challenge_route("status"),
    demo_paths.challenge_route("news"),
    demo_paths.carnet_route("new_entry"),
    demo_paths.carnet_route("carnet_settings"),
    demo_paths.carnet_route("link_create"),
    demo_paths.entry_route("entry_edit"),
    demo_paths.entry_route("entry_sharing"),
    demo_paths.entry_route("entry_delete"),
    demo_paths.entry_route("attachment_add"),
    demo_paths.entry_route("comment_add"),
    demo_paths.entry_route("entry_restore", version=1),
    demo_paths.share_link_revoke(),
    demo_paths.facilitator_carnet(),
    demo_paths.facilitator_carnet("facilitator_sharing"),
    demo_paths.carnet_overview("nudge"),
    "/communaute/discussions/communaute/innovation-publique/nouveau/",
    demo_paths.thread_route("post_comment"),
    demo_paths.thread_route("react_thread"),
    demo_paths.thread_route("animate"),
    demo_paths.thread_route("edit_thread"),
    demo_paths.comment_route("edit_comment"),
    demo_paths.comment_route("delete_comment"),
    demo_paths.comment_route("react_comment"),
    demo_paths.report_route(),
    demo_paths.moderation_decision(),
]

EVIL = "https://evil.example.com/phish"
OPEN_REDIRECT_ATTEMPTS = [
    EVIL,
    "//evil.example.com/",
    "/\\evil.example.com",
    "https:evil.example.com",
]


@pytest.fixture
def member():
    return make_cast()["member"]


@pytest.mark.parametrize(
    "path", POST_FORMS, ids=lambda p: p if isinstance(p, str) else p.__qualname__
)
def test_post_without_csrf_token_is_refused(member, path):
    path = path() if callable(path) else path
    client = logged_in_client(member)
    client.handler.enforce_csrf_checks = True
    response = client.post(path, {"email": "x@example.org", "name": "x"})
    assert response.status_code == 403, f"{path} → {response.status_code}"


@pytest.mark.parametrize("target", OPEN_REDIRECT_ATTEMPTS)
def test_login_never_redirects_off_site(member, target):
    client = logged_in_client(None)
    response = client.post(
        f"/comptes/login/?next={target}",
        {"login": member.email, "password": "motdepasse-solide-42", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example.com" not in response["Location"]


@pytest.mark.parametrize("target", OPEN_REDIRECT_ATTEMPTS)
def test_set_language_never_redirects_off_site(target):
    response = logged_in_client(None).post(
        "/i18n/setlang/", {"language": "en", "next": target}
    )
    assert "evil.example.com" not in response.get("Location", "")


@pytest.mark.parametrize("path", ["/", "/comptes/login/", "/recherche/?q=x"])
def test_clickjacking_and_content_security_headers(client, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_gets_the_policy_it_needs(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def lost_connections():
    """What the drivers raise when the database is gone, as Django wraps it."""
    import sqlite3

    from django.db import InterfaceError, OperationalError

    import psycopg

    def wrapped(error):
        try:
            raise OperationalError(str(error)) from error
        except OperationalError as wrapper:
            return wrapper

    return [
        wrapped(psycopg.OperationalError("server closed the connection unexpectedly")),
        wrapped(psycopg.errors.AdminShutdown("terminating connection")),
        wrapped(psycopg.errors.CannotConnectNow("the database system is starting up")),
        wrapped(sqlite3.OperationalError("database is locked")),
        InterfaceError("connection already closed"),
    ]


@pytest.mark.parametrize("index", range(5))
def test_lost_database_gives_a_french_503(client, monkeypatch, index):
    from home.models import HomePage

    error = lost_connections()[index]

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(HomePage, "serve", broken)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "momentanément indisponible" in response.content.decode()


def refused_statements():
    """Real statements the database refuses (each a list of (sql, params)),
    whichever database runs."""
    from django.db import connection

    statements = [[("SELECT * FROM table_qui_n_existe_pas", None)]]
    if connection.vendor == "postgresql":
        statements += [
            [("SELECT 1 / 0", None)],
            [("SELECT 'a' || %s", ["\x00"])],  # a NUL byte
            [("SET LOCAL statement_timeout = 1", None), ("SELECT pg_sleep(1)", None)],
        ]
    return statements


@pytest.mark.parametrize("index", range(4))
def test_a_refused_statement_is_an_error_not_an_outage(monkeypatch, caplog, index):
    from django.db import connection

    from home.models import HomePage

    statements = refused_statements()
    if index >= len(statements):
        pytest.skip("PostgreSQL only")

    def broken(*args, **kwargs):
        with connection.cursor() as cursor:
            for sql, params in statements[index]:
                cursor.execute(sql, params)

    monkeypatch.setattr(HomePage, "serve", broken)
    response = logged_in_client(None).get("/")
    assert response.status_code == 500, statements[index]
    assert "momentanément indisponible" not in response.content.decode()
    # Logged as the error it is, not as an outage.
    assert "Base de données indisponible" not in caplog.text


@pytest.mark.slow
def test_production_sends_hsts_and_redirects_to_https():
    result = run_django(
        "config.settings.production",
        PRODUCTION_ENV,
        "from django.test import Client; "
        "c = Client(HTTP_HOST='ecommunaute.example.org'); "
        "r = c.post('/i18n/setlang/', {'language': 'en'}, secure=True); "
        "print(r.headers.get('Strict-Transport-Security')); "
        "print(r.cookies['django_language'].value); "
        "print(c.get('/', secure=False).status_code)",
    )
    assert result.returncode == 0, result.stderr
    hsts, language, http_status = result.stdout.split("\n")[:3]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert language == "en"
    assert http_status == "301"

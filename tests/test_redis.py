"""Several web nodes on one Redis (``REDIS_URL``): the cache, sessions, rate
limits and the glossary links hold across processes, and a Redis that is
really stopped leaves the site serving.

The other node is another Python process (``tests/support/redis_node.py``)
with its own settings from the environment and no database of its own.
"""

import os
import re

from django.core.cache import cache
from django.test import Client

import pytest

from config import env
from home import cache as shared_cache
from home import ratelimit
from home.tests.utils import make_user
from resources.glossary_links import VERSION_KEY, glossary_version
from resources.tests.utils import make_method, make_term, page_html
from tests.support import redis as support

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

UNAVAILABLE = "Service momentanément indisponible"


@pytest.fixture(scope="session")
def redis_server():
    started = not support.is_running()
    try:
        url = support.start()
    except RuntimeError as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(error))
        pytest.skip(str(error))
    yield support.RedisServer(url)
    # Under pytest-xdist another worker may still be using it.
    if started and not os.environ.get("PYTEST_XDIST_WORKER"):
        support.run_script("stop")


def _use(server, settings):
    settings.CACHES = {"default": env.redis_cache(server.url)}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    shared_cache._down_until.clear()
    server.flush()


@pytest.fixture
def shared(redis_server, settings):
    """This process is a node on the test Redis (kept running meanwhile)."""
    with redis_server.lock():
        _use(redis_server, settings)
        yield redis_server
        shared_cache._down_until.clear()


@pytest.fixture
def shared_alone(redis_server, settings):
    """Like ``shared``, for a test that stops Redis (no other test meanwhile)."""
    with redis_server.lock(exclusive=True):
        _use(redis_server, settings)
        yield redis_server
        shared_cache._down_until.clear()


class TestScript:
    def test_start_prints_one_line_is_idempotent_and_asks_a_password(self, shared):
        import redis

        first, second = support.run_script("start"), support.run_script("start")
        assert first.returncode == second.returncode == 0
        assert first.stdout == second.stdout
        line = first.stdout.splitlines()
        assert len(line) == 1
        assert re.fullmatch(
            r"REDIS_URL=redis://:[0-9a-f]{32}@127\.0\.0\.1:\d+/0", line[0]
        )
        status = support.run_script("status")
        assert (status.returncode, status.stdout) == (0, "running\n")
        port = int(line[0].rsplit(":", 1)[1].split("/")[0])
        with pytest.raises(redis.exceptions.AuthenticationError):
            redis.Redis(host="127.0.0.1", port=port).ping()

    def test_status_says_stopped_with_exit_code_3(self, shared_alone):
        with shared_alone.stopped():
            status = support.run_script("status")
            assert (status.returncode, status.stdout) == (3, "stopped\n")
            assert support.run_script("stop").returncode == 0  # already stopped


class TestAcrossNodes:
    def test_the_cache_is_the_same_on_both_nodes(self, shared):
        cache.set("essai:partage", "posé par le premier nœud", 60)
        assert shared.node("cache-get", "essai:partage") == "posé par le premier nœud"
        assert shared.node("cache-get", "essai:absent") is None

    def test_a_rate_limit_is_counted_across_two_nodes(self, shared):
        rules = [(3, 60)]
        assert ratelimit.consume("essai", "203.0.113.7", rules) is None
        assert ratelimit.consume("essai", "203.0.113.7", rules) is None
        # The other node sees the two hits: one place left, then none.
        assert shared.node("consume", "essai", "203.0.113.7", 3, 60) is True
        assert shared.node("consume", "essai", "203.0.113.7", 3, 60) is False
        assert ratelimit.consume("essai", "203.0.113.7", rules) == (3, 60)
        assert ratelimit.count("essai", "203.0.113.7", 60) == 3
        # Another address is counted apart.
        assert ratelimit.consume("essai", "203.0.113.8", rules) is None

    def test_allauth_sign_up_limit_is_counted_across_nodes(self, shared, client):
        from django.test import RequestFactory

        from allauth.core.internal import ratelimit as allauth_ratelimit

        request = RequestFactory().post("/comptes/signup/", REMOTE_ADDR="203.0.113.9")
        for _ in range(19):  # allauth's default: 20 sign-ups a minute per address
            assert allauth_ratelimit.consume(
                request, app="allauth.account", action="signup"
            )
        assert shared.node("allauth-signup", "203.0.113.9") is True
        assert shared.node("allauth-signup", "203.0.113.9") is False
        response = client.post(
            "/comptes/signup/", {"email": "x@example.org"}, REMOTE_ADDR="203.0.113.9"
        )
        assert response.status_code == 429
        assert "Trop de tentatives" in response.content.decode()
        other = client.post(
            "/comptes/signup/", {"email": "x@example.org"}, REMOTE_ADDR="203.0.113.10"
        )
        assert other.status_code == 200

    def test_a_login_made_on_one_node_is_valid_on_the_other(self, shared, client):
        user = make_user("noeud@example.org")
        response = client.post(
            "/comptes/login/",
            {"login": "noeud@example.org", "password": "motdepasse-solide"},
        )
        assert response.status_code == 302
        session_key = client.cookies["sessionid"].value
        # The other node has no database: the session can only come from Redis.
        assert shared.node("session-user", session_key) == str(user.pk)

    def test_a_glossary_change_on_one_node_is_seen_by_the_other(self, shared, client):
        method = make_method("Atelier noeud", objective="<p>Du zorglub.</p>")
        assert "glossary-link" not in page_html(client, method)
        seen = glossary_version()
        # The term is saved "on the other node": this one has not bumped.
        term = make_term("Zorglub")
        cache.set(VERSION_KEY, seen, 600)
        assert "glossary-link" not in page_html(client, method)  # stale, as expected
        # The other node's save bumps the shared version…
        new_version = shared.node("bump-glossary")
        assert new_version != seen
        # …which this node reads at once: the page is linked afresh.
        assert glossary_version() == new_version
        linked = f'<a class="glossary-link" href="{term.url}"'
        assert linked in page_html(client, method)


class TestRedisDown:
    def test_pages_are_served_and_sessions_read_from_the_database(
        self, shared_alone, client
    ):
        user = make_user("panne@example.org")
        client.force_login(user)
        method = make_method("Atelier panne", objective="<p>Un prototype.</p>")
        assert client.get("/").status_code == 200
        with shared_alone.stopped():
            assert cache.get("essai:absent") is None
            home = client.get("/")
            assert home.status_code == 200
            # Still logged in: cached_db reads the session from the database.
            assert home.context["user"] == user
            assert "glossary-link" in page_html(client, method)
            assert client.get("/recherche/?q=prototype").status_code == 200
            assert Client().get("/comptes/login/").status_code == 200

    def test_login_and_sign_up_are_refused_with_a_clear_message(
        self, shared_alone, client
    ):
        make_user("refus@example.org")
        with shared_alone.stopped():
            login = client.post(
                "/comptes/login/",
                {"login": "refus@example.org", "password": "motdepasse-solide"},
            )
            assert login.status_code == 503
            assert login["Retry-After"]
            assert UNAVAILABLE in login.content.decode()
            assert "_auth_user_id" not in client.session
            signup = client.post(
                "/comptes/signup/",
                {
                    "email": "nouveau@example.org",
                    "password1": "motdepasse-solide",
                    "password2": "motdepasse-solide",
                },
            )
            assert signup.status_code == 503
            assert UNAVAILABLE in signup.content.decode()
        # Redis back: the same login goes through.
        shared_cache._down_until.clear()
        login = client.post(
            "/comptes/login/",
            {"login": "refus@example.org", "password": "motdepasse-solide"},
        )
        assert login.status_code == 302

    def test_the_site_limits_fail_open_or_closed_as_asked(self, shared_alone):
        with shared_alone.stopped():
            assert ratelimit.consume("essai", "203.0.113.1", [(1, 60)]) is None
            assert ratelimit.consume("essai", "203.0.113.1", [(1, 60)]) is None
            with pytest.raises(ratelimit.Unavailable):
                ratelimit.consume("essai", "203.0.113.1", [(1, 60)], fail_closed=True)

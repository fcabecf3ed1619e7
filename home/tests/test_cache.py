"""The shared cache's helpers: the site's rate limits (``home.ratelimit``),
the Redis back end that takes an unreachable Redis for a miss
(``home.cache``) and allauth's refusal page. On the per-process memory
cache and on a Redis nobody answers; tests/test_redis.py runs them on a
real Redis."""

import time

from django.core.cache import cache, caches

import pytest

from home import cache as shared_cache
from home import ratelimit

from .utils import make_user


class TestRateLimit:
    def test_hits_are_counted_up_to_the_limit_and_refusals_are_not(self):
        rules = [(2, 60)]
        assert ratelimit.consume("essai", "198.51.100.1", rules) is None
        assert ratelimit.consume("essai", "198.51.100.1", rules) is None
        assert ratelimit.consume("essai", "198.51.100.1", rules) == (2, 60)
        assert ratelimit.consume("essai", "198.51.100.1", rules) == (2, 60)
        assert ratelimit.count("essai", "198.51.100.1", 60) == 2

    def test_each_address_and_scope_has_its_own_count(self):
        rules = [(1, 60)]
        assert ratelimit.consume("essai", "198.51.100.1", rules) is None
        assert ratelimit.consume("essai", "198.51.100.2", rules) is None
        assert ratelimit.consume("autre", "198.51.100.1", rules) is None
        assert ratelimit.consume("essai", "198.51.100.1", rules) == (1, 60)

    def test_a_hit_refused_by_one_window_is_taken_back_from_the_others(self):
        rules = [(5, 60), (1, 3600)]
        assert ratelimit.consume("essai", "198.51.100.3", rules) is None
        assert ratelimit.consume("essai", "198.51.100.3", rules) == (1, 3600)
        assert ratelimit.count("essai", "198.51.100.3", 60) == 1

    def test_only_a_salted_hash_of_the_address_is_kept(self):
        ratelimit.consume("essai", "198.51.100.4", [(3, 60)])
        keys = list(cache._cache)
        assert keys and not any("198.51.100.4" in key for key in keys)


class TestUnreachableRedis:
    def test_reads_miss_and_writes_are_not_stored(self, unreachable_redis):
        assert cache.get("essai", "défaut") == "défaut"
        assert cache.add("essai", 1) is False
        assert cache.set("essai", 1) is None
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.delete("essai") is False
        with pytest.raises(ValueError):
            cache.incr("essai")
        assert shared_cache.unavailable()

    def test_after_a_failure_redis_is_left_alone_for_a_while(self, unreachable_redis):
        assert cache.get("essai") is None
        backend = caches["default"]

        class Untouchable:
            def __getattr__(self, name):
                raise AssertionError("Redis asked again during the pause")

        backend.__dict__["_cache"] = Untouchable()
        started = time.monotonic()
        for _ in range(50):
            assert cache.get("essai") is None
        assert time.monotonic() - started < 1

    def test_the_memory_cache_is_never_unavailable(self):
        assert not shared_cache.unavailable()

    def test_limits_fail_open_unless_asked_to_fail_closed(self, unreachable_redis):
        for _ in range(3):
            assert ratelimit.consume("essai", "198.51.100.5", [(1, 60)]) is None
        with pytest.raises(ratelimit.Unavailable) as refused:
            ratelimit.consume("essai", "198.51.100.5", [(1, 60)], fail_closed=True)
        assert "momentanément indisponible" in str(refused.value.message)

    def test_the_password_is_not_logged(self, settings, caplog):
        from config import env

        settings.CACHES = {
            "default": env.redis_cache("redis://:motdepasse-redis@127.0.0.1:1/0")
        }
        shared_cache._down_until.clear()
        try:
            assert cache.get("essai") is None
        finally:
            shared_cache._down_until.clear()
        assert "Redis injoignable" in caplog.text
        assert "motdepasse-redis" not in caplog.text


@pytest.mark.django_db
class TestRefusalPage:
    def test_too_many_attempts_is_a_french_429(self, client, settings):
        settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
        data = {"login": "x@example.org", "password": "faux-mot-de-passe"}
        client.post("/comptes/login/", data)
        response = client.post("/comptes/login/", data)
        assert response.status_code == 429
        assert "Trop de tentatives" in response.content.decode()
        assert "Retry-After" not in response

    def test_with_the_counters_down_login_is_refused_with_a_503(
        self, client, unreachable_redis
    ):
        make_user("refus@example.org")
        response = client.post(
            "/comptes/login/",
            {"login": "refus@example.org", "password": "motdepasse-solide"},
        )
        assert response.status_code == 503
        assert response["Retry-After"] == "120"
        page = response.content.decode()
        assert "Service momentanément indisponible" in page
        assert "réessayez dans quelques minutes" in page
        assert "_auth_user_id" not in client.session

    def test_with_the_counters_down_pages_are_served(self, client, unreachable_redis):
        assert client.get("/").status_code == 200
        assert client.get("/comptes/login/").status_code == 200
        assert client.get("/comptes/signup/").status_code == 200

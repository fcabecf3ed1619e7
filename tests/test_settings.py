"""Every settings module loads, and bad environments fail with one clear sentence.

Settings are read once per process, so each case runs in a fresh interpreter.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "ecommunaute.example.org",
    "BASE_URL": "https://ecommunaute.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "EMAIL_URL": "smtp+tls://site:motdepasse@smtp.example.org:587",
    "TRUSTED_PROXY_COUNT": "1",
}

pytestmark = pytest.mark.slow


def run_django(module, env, *code_or_args, manage=False):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "SEARCH_BACKEND",
            "ELASTICSEARCH_URL",
            "ELASTICSEARCH_REPLICAS",
            "ELASTICSEARCH_TIMEOUT",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "BASE_URL",
            "DEBUG",
            "EMAIL_URL",
            "TRUSTED_PROXY_COUNT",
            "DATABASE_STATEMENT_TIMEOUT",
            "REDIS_URL",
        }
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    if manage:
        command = [sys.executable, "manage.py", *code_or_args]
    else:
        command = [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            + code_or_args[0],
        ]
    return subprocess.run(
        command,
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("module", "env"),
    [
        ("config.settings.dev", {}),
        ("config.settings.test", {}),
        ("config.settings.production", PRODUCTION_ENV),
    ],
)
def test_every_environment_loads(module, env):
    result = run_django(
        module, env, "print(settings.LANGUAGE_CODE, settings.TIME_ZONE)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "fr-fr Europe/Paris"


def test_base_settings_are_safe_by_default():
    result = run_django(
        "config.settings.test",
        {},
        "from config.settings import base; "
        "print(base.DEBUG, base.ALLOWED_HOSTS, base.SECRET_KEY, "
        "base.DATABASES['default']['ATOMIC_REQUESTS'], base.SEARCH_BACKEND)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "[]", "None", "True", "database"]


CACHE_AND_SESSIONS = (
    "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)"
)


def test_without_redis_the_cache_is_per_process_and_sessions_in_the_database():
    result = run_django(
        "config.settings.production", PRODUCTION_ENV, CACHE_AND_SESSIONS
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
    ]


def test_with_redis_the_cache_is_shared_and_sessions_cached_db():
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://:secret@127.0.0.1:6390/0"}
    result = run_django(
        "config.settings.production",
        env,
        CACHE_AND_SESSIONS + "; print(settings.CACHES['default']['LOCATION'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "home.cache.ResilientRedisCache",
        "django.contrib.sessions.backends.cached_db",
        "redis://:secret@127.0.0.1:6390/0",
    ]


def test_the_test_settings_ignore_a_redis_url_from_the_shell():
    env = {"REDIS_URL": "redis://127.0.0.1:6390/0"}
    result = run_django("config.settings.test", env, CACHE_AND_SESSIONS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache"


def test_a_redis_url_that_is_not_one_is_refused():
    env = {**PRODUCTION_ENV, "REDIS_URL": "http://127.0.0.1:6379"}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "La variable d'environnement REDIS_URL vaut « http://127.0.0.1:6379 »" in (
        result.stderr
    )


def test_production_refuses_a_missing_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "SECRET_KEY est obligatoire en production" in result.stderr


def test_production_refuses_missing_allowed_hosts():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS est obligatoire en production" in result.stderr


def test_production_refuses_a_missing_base_url():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "BASE_URL"}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "BASE_URL est obligatoire en production" in result.stderr


def test_a_base_url_that_is_not_an_address_is_refused():
    env = {**PRODUCTION_ENV, "BASE_URL": "ecommunaute.example.org"}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "La variable d'environnement BASE_URL" in result.stderr


def test_production_refuses_a_missing_email_url():
    env = {**PRODUCTION_ENV, "EMAIL_URL": ""}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "EMAIL_URL est obligatoire en production" in result.stderr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "TRUSTED_PROXY_COUNT est obligatoire en production"),
        ("deux", "La variable d'environnement TRUSTED_PROXY_COUNT vaut « deux »"),
        ("-1", "La variable d'environnement TRUSTED_PROXY_COUNT vaut « -1 »"),
    ],
)
def test_production_needs_the_number_of_proxies(value, expected):
    env = {**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": value}
    result = run_django("config.settings.production", env, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert expected in result.stderr


CLIENT_ADDRESS = (
    "from django.test import RequestFactory; "
    "from allauth.core.internal.httpkit import get_client_ip; "
    "r = RequestFactory().get('/', REMOTE_ADDR='10.0.0.2', "
    "HTTP_X_FORWARDED_FOR='198.51.100.7, 203.0.113.9', "
    "HTTP_X_FORWARDED_PROTO='https'); "
    "print(get_client_ip(r), r.is_secure())"
)


@pytest.mark.parametrize(
    ("count", "address", "secure"),
    [
        # Behind one proxy: the address it saw (the last one), https as it says.
        ("1", "203.0.113.9", "True"),
        ("2", "198.51.100.7", "True"),
        # No proxy: the headers come from the visitor and are not believed.
        ("0", "10.0.0.2", "False"),
    ],
)
def test_login_limits_count_each_visitor_behind_the_proxy(count, address, secure):
    env = {**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": count}
    result = run_django("config.settings.production", env, CLIENT_ADDRESS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [address, secure]


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (None, "-c statement_timeout=20000"),
        ("5", "-c statement_timeout=5000"),
        ("0", ""),
    ],
)
def test_postgresql_statements_have_a_timeout(timeout, expected):
    env = {"DATABASE_URL": "postgres://site:motdepasse@db.example.org:5432/site"}
    if timeout is not None:
        env["DATABASE_STATEMENT_TIMEOUT"] = timeout
    result = run_django(
        "config.settings.dev",
        env,
        "print(repr(settings.DATABASES['default'].get('OPTIONS', {}).get('options', '')))",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(expected)


def test_manage_py_commands_run_without_statement_timeout():
    env = {"DATABASE_URL": "postgres://site:motdepasse@db.example.org:5432/site"}
    result = run_django(
        "config.settings.dev",
        env,
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASE_STATEMENT_TIMEOUT)",
        manage=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "0"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs the PostgreSQL of the test run (DATABASE_URL)",
)
def test_postgresql_cancels_a_statement_past_the_timeout():
    # The server's own database: the run's test database is not created yet.
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    env = {"DATABASE_URL": server, "DATABASE_STATEMENT_TIMEOUT": "1"}
    result = run_django(
        "config.settings.dev",
        env,
        "from django.db import connection; "
        "connection.cursor().execute('SELECT pg_sleep(3)')",
    )
    assert result.returncode != 0
    assert "statement timeout" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DATABASE_URL", "mysq://oops", "La variable d'environnement DATABASE_URL"),
        ("DATABASE_URL", "not a url", "La variable d'environnement DATABASE_URL"),
        ("SEARCH_BACKEND", "solr", "La variable d'environnement SEARCH_BACKEND"),
        ("DEBUG", "peut-être", "La variable d'environnement DEBUG"),
        ("EMAIL_URL", "pigeon://x", "La variable d'environnement EMAIL_URL"),
        (
            "DATABASE_STATEMENT_TIMEOUT",
            "vingt",
            "La variable d'environnement DATABASE_STATEMENT_TIMEOUT",
        ),
        (
            "ELASTICSEARCH_REPLICAS",
            "deux",
            "La variable d'environnement ELASTICSEARCH_REPLICAS",
        ),
    ],
)
def test_invalid_environment_names_the_variable(variable, value, expected):
    result = run_django("config.settings.dev", {variable: value}, "print('started')")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert expected in result.stderr


def test_elasticsearch_backend_needs_its_url():
    result = run_django(
        "config.settings.dev", {"SEARCH_BACKEND": "elasticsearch"}, "print('started')"
    )
    assert result.returncode != 0
    assert "ELASTICSEARCH_URL est obligatoire" in result.stderr


def test_elasticsearch_backend_configures_wagtail_with_its_own_prefix():
    result = run_django(
        "config.settings.dev",
        {"SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": "http://127.0.0.1:9"},
        "b = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "print(b['BACKEND'], b['URLS'][0], b['INDEX_PREFIX'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "wagtail.search.backends.elasticsearch8",
        "http://127.0.0.1:9",
        "ecommunaute_wagtail_",
    ]


def test_a_cluster_url_list_configures_both_clients_for_every_node():
    """ELASTICSEARCH_URL with commas: Wagtail's back end and the site's client
    get every node, retry once on each other node, never sniff; indexes get a
    replica as soon as the cluster has two data nodes (auto_expand_replicas)."""
    nodes = "http://127.0.0.1:9201, http://127.0.0.1:9202,http://127.0.0.1:9203"
    result = run_django(
        "config.settings.dev",
        {"SEARCH_BACKEND": "elasticsearch", "ELASTICSEARCH_URL": nodes},
        "import json; b = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "from search.backends.elasticsearch import client; "
        "hosts = [n.port for n in client().transport.node_pool.all()]; "
        "print(json.dumps([b['URLS'], b['OPTIONS'], b['INDEX_SETTINGS'], hosts]))",
    )
    assert result.returncode == 0, result.stderr
    urls, options, index_settings, ports = json.loads(result.stdout)
    assert urls == [f"http://127.0.0.1:{port}" for port in (9201, 9202, 9203)]
    assert sorted(ports) == [9201, 9202, 9203]
    assert options == {
        "max_retries": 2,
        "retry_on_timeout": True,
        "sniff_on_start": False,
        "sniff_on_node_failure": False,
    }
    assert index_settings == {"settings": {"index": {"auto_expand_replicas": "0-1"}}}


def test_a_single_node_is_not_retried_and_replicas_can_be_fixed():
    result = run_django(
        "config.settings.dev",
        {
            "SEARCH_BACKEND": "elasticsearch",
            "ELASTICSEARCH_URL": "http://127.0.0.1:9",
            "ELASTICSEARCH_REPLICAS": "2",
        },
        "b = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "print(b['OPTIONS']['max_retries'], b['OPTIONS']['retry_on_timeout'], "
        "b['INDEX_SETTINGS']['settings']['index']['number_of_replicas'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "False", "2"]


def test_a_bad_node_in_the_url_list_names_the_variable():
    result = run_django(
        "config.settings.dev",
        {
            "SEARCH_BACKEND": "elasticsearch",
            "ELASTICSEARCH_URL": "http://127.0.0.1:9201,127.0.0.1:9202",
        },
        "print('started')",
    )
    assert result.returncode != 0
    assert "La variable d'environnement ELASTICSEARCH_URL" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_django(
        "config.settings.production",
        PRODUCTION_ENV,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        manage=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_hardening():
    result = run_django(
        "config.settings.production",
        PRODUCTION_ENV,
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, "
        "settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0, "
        "settings.X_FRAME_OPTIONS)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True", "DENY"]

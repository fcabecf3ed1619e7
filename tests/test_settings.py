"""Every settings module loads, and bad environments fail with one clear sentence.

Settings are read once per process, so each case runs in a fresh interpreter.
"""

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
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "BASE_URL",
            "DEBUG",
            "EMAIL_URL",
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


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DATABASE_URL", "mysq://oops", "La variable d'environnement DATABASE_URL"),
        ("DATABASE_URL", "not a url", "La variable d'environnement DATABASE_URL"),
        ("SEARCH_BACKEND", "solr", "La variable d'environnement SEARCH_BACKEND"),
        ("DEBUG", "peut-être", "La variable d'environnement DEBUG"),
        ("EMAIL_URL", "pigeon://x", "La variable d'environnement EMAIL_URL"),
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

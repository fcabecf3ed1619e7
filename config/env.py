"""Read settings from the environment, failing with one clear sentence.

Every variable the site reads is listed in `.env.example`. A missing or invalid
value stops start-up with an ``ImproperlyConfigured`` naming the variable, so an
operator never has to read a traceback to find what is wrong.
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

import environ

_env = environ.Env()

TRUE_VALUES = {"1", "true", "yes", "on", "oui"}
FALSE_VALUES = {"0", "false", "no", "off", "non", ""}


def _fail(name, value, expected):
    raise ImproperlyConfigured(
        f"La variable d'environnement {name} vaut « {value} », "
        f"or elle doit être {expected}."
    )


def string(name, default=None):
    value = _env.str(name, default=None)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(
                f"La variable d'environnement {name} est obligatoire et n'est pas définie."
            )
        return default
    return value


def boolean(name, default=False):
    value = _env.str(name, default=None)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    return _fail(name, value, "un booléen (true/false, 1/0)")


def integer(name, default=None, minimum=0):
    """A whole number ≥ ``minimum``; required when ``default`` is None."""
    value = _env.str(name, default=None)
    if value is None or value.strip() == "":
        if default is None:
            raise ImproperlyConfigured(
                f"La variable d'environnement {name} est obligatoire et n'est pas définie."
            )
        return default
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or number < minimum:
        _fail(name, value, f"un nombre entier supérieur ou égal à {minimum}")
    return number


def string_list(name, default=()):
    value = _env.str(name, default=None)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def choice(name, choices, default):
    value = _env.str(name, default=default).strip().lower()
    if value not in choices:
        _fail(name, value, "l'une des valeurs " + ", ".join(sorted(choices)))
    return value


def url(name, default, schemes):
    value = string(name, default)
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in schemes:
        _fail(
            name,
            value,
            "une URL commençant par " + " ou ".join(f"{s}://" for s in schemes),
        )
    return value


def url_list(name, default, schemes):
    """One URL or several separated by commas (the nodes of a cluster): a list."""
    value = string(name, default)
    urls = [item.strip() for item in value.split(",") if item.strip()]
    for item in urls:
        scheme = item.split("://", 1)[0] if "://" in item else ""
        if scheme not in schemes:
            _fail(
                name,
                value,
                "une URL, ou plusieurs séparées par des virgules, commençant par "
                + " ou ".join(f"{s}://" for s in schemes),
            )
    if not urls:
        _fail(name, value, "au moins une URL")
    return urls


def replicas(name, default):
    """Index replicas: a whole number (``number_of_replicas``) or a range such
    as ``0-1`` or ``0-all`` (``auto_expand_replicas``: the cluster sets the
    number from its data nodes). Returns the index settings to apply."""
    value = string(name, default).strip().lower()
    if value.isdigit():
        return {"number_of_replicas": int(value), "auto_expand_replicas": False}
    low, _, high = value.partition("-")
    if (
        low.isdigit()
        and (high.isdigit() or high == "all")
        and (high == "all" or int(high) >= int(low))
    ):
        return {"auto_expand_replicas": value}
    return _fail(
        name, value, "un nombre de répliques (0, 1…) ou un intervalle (0-1, 0-all)"
    )


def elasticsearch_client_options(urls):
    """The Elasticsearch client's options for these node URLs (the site's
    client and Wagtail's): no sniffing (the configured URLs are the nodes,
    e.g. behind a firewall that hides their publish addresses); a request
    that fails on one node (connection refused or reset, timeout, 502/503/504)
    is retried once on each other node, then the site falls back to the
    database. With one URL, no retry: a dead node is reported at once."""
    return {
        "max_retries": max(len(urls) - 1, 0),
        "retry_on_timeout": len(urls) > 1,
        "sniff_on_start": False,
        "sniff_on_node_failure": False,
    }


def database(name, default):
    value = url(
        name,
        default,
        schemes=("sqlite", "postgres", "postgresql", "pgsql", "psql"),
    )
    try:
        config = _env.db_url_config(value)
    except Exception as error:  # django-environ raises several kinds of errors
        _fail(name, value, f"une URL de base de données valide ({error})")
    if config["ENGINE"] != "django.db.backends.sqlite3" and not config.get("NAME"):
        _fail(name, value, "une URL qui nomme la base de données")
    return config


def email(name, default):
    value = url(
        name,
        default,
        schemes=(
            "consolemail",
            "smtp",
            "smtps",
            "smtp+tls",
            "smtp+ssl",
            "memorymail",
            "dummymail",
            "filemail",
        ),
    )
    try:
        return _env.email_url_config(value)
    except Exception as error:
        _fail(name, value, f"une URL de messagerie valide ({error})")


def openid_connect_providers():
    """allauth's generic OpenID Connect provider, from OIDC_* variables (e.g.
    ProConnect, the public agents' single sign-on). Empty when not configured."""
    client_id = _env.str("OIDC_CLIENT_ID", default="")
    if not client_id:
        return {}
    app = {
        "provider_id": string("OIDC_PROVIDER_ID", default="proconnect"),
        "name": string("OIDC_PROVIDER_NAME", default="ProConnect"),
        "client_id": client_id,
        "secret": string("OIDC_CLIENT_SECRET"),
        "settings": {
            "server_url": url(
                "OIDC_SERVER_URL", default=None, schemes=("https", "http")
            ),
            "token_auth_method": string(
                "OIDC_TOKEN_AUTH_METHOD", default="client_secret_post"
            ),
            "oauth_pkce_enabled": True,
        },
    }
    scopes = string_list(
        "OIDC_SCOPES", default=["openid", "email", "given_name", "usual_name"]
    )
    app["settings"]["scope"] = scopes
    return {"openid_connect": {"APPS": [app]}}


def redis_url(name):
    """A ``redis://`` or ``rediss://`` URL, or "" when the variable is unset."""
    if not _env.str(name, default=""):
        return ""
    return url(name, default=None, schemes=("redis", "rediss"))


def redis_cache(location):
    """The ``CACHES`` entry of the Redis at ``location``: Django's Redis cache,
    for which a Redis that does not answer is a miss (``home.cache``).

    Short socket timeouts: a Redis that hangs costs a request at most a
    second, and then nothing for a few seconds (the backend stops trying)."""
    return {
        "BACKEND": "home.cache.ResilientRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": "ecommunaute",
        "OPTIONS": {
            "socket_connect_timeout": 0.5,
            "socket_timeout": 1,
            "health_check_interval": 30,
        },
    }


def object_store(name):
    """The S3-compatible object store of uploaded files, from one URL
    ``http(s)://ACCESS_KEY:SECRET_KEY@host:port/bucket`` (``?region=…`` if the
    store wants one). None when the variable is not set: files stay on the
    local disk."""
    value = _env.str(name, default="").strip()
    return object_store_from_url(value, name) if value else None


def object_store_from_url(value, name="OBJECTSTORE_URL"):
    expected = (
        "une URL de la forme http(s)://CLÉ:SECRET@hôte:port/compartiment "
        "(clé d'accès, clé secrète et nom du compartiment, codés pour une URL)"
    )
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        _fail(name, _masked(value), expected)
    bucket = parts.path.strip("/")
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not parts.username
        or not parts.password
        or not bucket
        or "/" in bucket
    ):
        _fail(name, _masked(value), expected)
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return {
        "endpoint_url": f"{parts.scheme}://{host}" + (f":{port}" if port else ""),
        "access_key": unquote(parts.username),
        "secret_key": unquote(parts.password),
        "bucket_name": bucket,
        "region_name": parse_qs(parts.query).get("region", ["us-east-1"])[0],
    }


def _masked(value):
    """The URL without its secret key, fit for an error message."""
    head, at, tail = value.rpartition("@")
    if not at or "://" not in head:
        return value
    scheme, _sep, userinfo = head.partition("://")
    return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{tail}"

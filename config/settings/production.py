"""Production: everything from the environment, hardened, refuses to start unsafe."""

from django.core.exceptions import ImproperlyConfigured

from config import env

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "La variable d'environnement SECRET_KEY est obligatoire en production "
        "et doit compter au moins 50 caractères aléatoires."
    )
ALLOWED_HOSTS = env.string_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "La variable d'environnement ALLOWED_HOSTS est obligatoire en production "
        "(noms de domaine séparés par des virgules)."
    )

if not env.string("BASE_URL", default=""):
    raise ImproperlyConfigured(
        "La variable d'environnement BASE_URL est obligatoire en production : "
        "l'adresse publique du site, par exemple https://ecommunaute.example.org "
        "(liens des courriels, du plan du site, des flux et de l'API)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.request": {"level": "ERROR"}},
}

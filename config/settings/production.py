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

# Without EMAIL_URL the console back end would print every e-mail, password
# reset links included, into the server's logs.
if not env.string("EMAIL_URL", default=""):
    raise ImproperlyConfigured(
        "La variable d'environnement EMAIL_URL est obligatoire en production "
        "(par exemple smtp+tls://utilisateur:motdepasse@smtp.example.org:587) : "
        "sans elle, les courriels (liens de réinitialisation de mot de passe "
        "compris) seraient écrits dans les journaux au lieu d'être envoyés."
    )

# The reverse proxies in front of the site (nginx, a load balancer…): each
# appends the address it received the request from to X-Forwarded-For, so the
# visitor's own address is the one TRUSTED_PROXY_COUNT places from the end.
# Login and sign-up limits count attempts per address: with a proxy and a
# count of 0, every visitor would share the proxy's address (and one
# attacker's failed logins would lock everyone out).
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", default=-1)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "La variable d'environnement TRUSTED_PROXY_COUNT est obligatoire en "
        "production : le nombre de proxys inverses devant le site (1 derrière "
        "un nginx, 2 derrière un répartiteur de charge puis un nginx, 0 si "
        "gunicorn reçoit directement les visiteurs). Les limites de tentatives "
        "de connexion comptent par adresse de visiteur, lue à cette position "
        "dans l'en-tête X-Forwarded-For."
    )
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Behind a proxy, it tells whether the visitor used https; with no proxy the
# header would come from the visitor, so it is not trusted.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT else None
)
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

"""The site's own middleware: language, security policy, front cache, database and
object store outages.

Language selection: French unless the visitor explicitly chose another.

Django's LocaleMiddleware follows the browser's Accept-Language, which would
turn the interface English around French content (and declare the page
``lang="en"``, misleading screen readers). Here only the language cookie set
by Django's ``set_language`` view (the footer's switch) changes it.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from .storage import ObjectStoreUnavailable

logger = logging.getLogger(__name__)


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy on every response (Django 5.2 has none built in).

    The public site runs only its own scripts (inline styles stay allowed: the
    error pages and Wagtail's user bar use them, and they cannot run code); the Wagtail and
    Django admins need inline scripts and styles, blob: images (upload
    previews) and to frame themselves (page previews).
    """

    SITE = (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
    ADMIN = (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'self'"
    )
    ADMIN_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = (
            self.ADMIN if request.path.startswith(self.ADMIN_PREFIXES) else self.SITE
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        return response


class FrontCacheMiddleware:
    """The one rule saying which responses a shared front cache may keep.

    A page may be kept (``public``, ``s-maxage`` for the proxy, a short
    ``max-age`` for browsers) when an anonymous visitor GETs it, it answers
    200 and it sets no cookie: a page with a POST form sets the CSRF cookie,
    one showing messages clears theirs, a login sets the session's. Any
    other response that did not choose its own ``Cache-Control`` (document
    downloads, the API, ``never_cache`` views) is ``private, no-store``.
    ``Vary: Cookie``: the interface language comes from a cookie. Publishing
    or unpublishing a page purges it and its listings (home/front_cache.py).

    It sits high in the chain so that it sees the cookies set by the
    session, CSRF and messages middleware below it.
    """

    BROWSER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" in response.headers:
            return response
        user = getattr(request, "user", None)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and not (user is not None and user.is_authenticated)
        ):
            patch_cache_control(
                response,
                public=True,
                max_age=min(self.BROWSER_SECONDS, settings.FRONTEND_CACHE_SECONDS),
                s_maxage=settings.FRONTEND_CACHE_SECONDS,
            )
            patch_vary_headers(response, ("Cookie",))
        else:
            patch_cache_control(response, private=True, no_store=True)
        return response


# PostgreSQL error classes that mean the server is gone or refuses
# connections (SQLSTATE class 08, shutdown, starting up, too many connections);
# psycopg gives no SQLSTATE at all when the connection itself broke.
POSTGRES_UNAVAILABLE = ("08", "57P01", "57P02", "57P03", "53300")
# SQLite: the file is locked by a writer, cannot be opened or read.
SQLITE_UNAVAILABLE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_IOERR")
SQLITE_UNAVAILABLE_MESSAGES = (
    "database is locked",
    "unable to open database",
    "disk i/o error",
)


def is_database_unavailable(exception):
    """Whether ``exception`` says the database cannot be reached (a lost or
    refused connection), rather than that one statement failed (bad input,
    a statement timeout, a bug), which stays an error of its own."""
    if isinstance(exception, InterfaceError):
        return True
    if not isinstance(exception, OperationalError):
        return False
    cause = exception.__cause__
    if cause is None:
        return False
    module = type(cause).__module__
    if module.startswith("psycopg"):
        sqlstate = getattr(cause, "sqlstate", None)
        return sqlstate is None or sqlstate.startswith(POSTGRES_UNAVAILABLE)
    if module == "sqlite3":
        name = getattr(cause, "sqlite_errorname", None) or ""
        if name:
            return name.startswith(SQLITE_UNAVAILABLE)
        return str(cause).lower().startswith(SQLITE_UNAVAILABLE_MESSAGES)
    return False


class DatabaseUnavailableMiddleware:
    """A lost database connection becomes a French 503 page, not a 500.

    The page is rendered without context processors (they query the
    database) and asks clients to retry; the next request reconnects. Any
    other database error (a value the database refuses, a statement timeout)
    is not an outage: it goes on to Django's 500 handling and its log.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.warning("Base de données indisponible : %s", exception)
        for connection in connections.all(initialized_only=True):
            connection.close_if_unusable_or_obsolete()
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response


class ObjectStoreUnavailableMiddleware:
    """An object store that does not answer becomes a French 503 page.

    Upload forms refuse the file first (``home.storage.ensure_writable``);
    this catches a store lost after that check, or while a document or an
    attachment is streamed. The request's transaction is rolled back, and the
    file is written before its row is inserted: nothing is half-saved.
    """

    RETRY_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ObjectStoreUnavailable):
            return None
        response = HttpResponse(render_to_string("503_storage.html"), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        return response

"""Anonymous pages a shared front cache may keep, and the purge on publishing."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client, RequestFactory

from wagtail.models import Page

import pytest

from community.challenges.models import ChallengePage
from community.members.tests.utils import make_user
from home.middleware import FrontCacheMiddleware
from tests.support import demo_paths
from tests.support.sessions import logged_in_client

pytestmark = pytest.mark.django_db

# Pages of the demo reached through a page's sub-route or a plain view, read
# anonymously: none has a POST form.
ANONYMOUS_ROUTES = [
    "/recherche/?q=innovation",
    demo_paths.programme(),
]
FORM_PAGES = ["/comptes/login/", "/comptes/signup/", "/comptes/password/reset/"]


def assert_shared_cacheable(response, path):
    assert response.status_code == 200, path
    assert not response.cookies, f"{path} sets {list(response.cookies)}"
    assert "Set-Cookie" not in response.headers, path
    cache_control = response["Cache-Control"]
    assert "public" in cache_control, (path, cache_control)
    assert f"s-maxage={settings.FRONTEND_CACHE_SECONDS}" in cache_control, path
    assert "Cookie" in response["Vary"], path


def assert_not_shared(response, path):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control, (
        path,
        cache_control,
    )
    assert "public" not in cache_control, path


def test_every_page_type_of_the_demo_is_cacheable_for_an_anonymous_visitor():
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    types = {type(page) for page in pages}
    assert len(types) >= 10
    for page in pages:
        # A new visitor each time: no cookie sent, none received.
        assert_shared_cacheable(Client().get(page.get_url()), page.get_url())
    for route in ANONYMOUS_ROUTES:
        path = route() if callable(route) else route
        assert_shared_cacheable(Client().get(path), path)


@pytest.mark.parametrize("path", FORM_PAGES)
def test_a_page_with_a_post_form_sets_its_token_and_stays_private(path):
    response = Client().get(path)
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert_not_shared(response, path)


def test_the_proposal_form_of_a_member_is_private():
    path = demo_paths.call_route("propose")()
    response = logged_in_client(make_user("proposante")).get(path)
    assert response.status_code == 200
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert_not_shared(response, path)


def test_a_member_never_gets_a_shared_page():
    client = logged_in_client(make_user("lectrice"))
    for path in ("/", "/defis/", "/ressources/"):
        response = client.get(path)
        assert response.status_code == 200
        assert_not_shared(response, path)


def test_a_post_and_an_error_are_not_shared():
    assert_not_shared(Client().get("/page-qui-n-existe-pas/"), "404")
    response = Client().post("/comptes/login/", {"login": "x", "password": "y"})
    assert_not_shared(response, "POST")


def test_a_view_that_chose_its_own_cache_control_keeps_it():
    def view(request):
        response = HttpResponse("carnet")
        response["Cache-Control"] = "private, no-store"
        return response

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = FrontCacheMiddleware(view)(request)
    assert response["Cache-Control"] == "private, no-store"
    assert (
        "public"
        in FrontCacheMiddleware(lambda r: HttpResponse())(request)["Cache-Control"]
    )


def test_the_language_switch_is_a_link_that_sets_only_the_language():
    client = Client()
    home = client.get("/").content.decode()
    assert "/i18n/langue/en/?next=/" in home
    response = client.get("/i18n/langue/en/?next=/defis/")
    assert response.status_code == 302 and response["Location"] == "/defis/"
    assert list(response.cookies) == [settings.LANGUAGE_COOKIE_NAME]
    assert '<html lang="en">' in client.get("/defis/").content.decode()
    response = client.get("/i18n/langue/fr/?next=https://evil.example.com/")
    assert response["Location"] == "/"
    assert '<html lang="fr">' in client.get("/").content.decode()


def test_an_unknown_language_changes_nothing():
    response = Client().get("/i18n/langue/xx/?next=/")
    assert response.status_code == 302 and not response.cookies


class PurgeCatcher(BaseHTTPRequestHandler):
    """A front cache's purge endpoint that writes down what it was asked."""

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = HTTPServer(("127.0.0.1", 0), PurgeCatcher)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def test_publishing_a_defi_purges_it_and_its_listings(front_cache):
    challenge = ChallengePage.objects.live().order_by("pk").first()
    challenge.title += " (modifié)"
    challenge.save_revision().publish()
    paths = {path for _host, path in front_cache.purged}
    assert paths == {challenge.url, challenge.get_parent().url, "/"}
    host = challenge.get_site().hostname
    assert all(sent.startswith(host) for sent, _path in front_cache.purged)


def test_unpublishing_purges_the_page_and_its_listing(front_cache):
    challenge = ChallengePage.objects.live().order_by("pk").first()
    url = challenge.url
    challenge.unpublish()
    assert {url, "/defis/", "/"} <= {path for _host, path in front_cache.purged}


def test_without_a_front_cache_nothing_is_sent(front_cache, settings):
    del settings.WAGTAILFRONTENDCACHE
    page = ChallengePage.objects.live().order_by("pk").first()
    page.save_revision().publish()
    assert front_cache.purged == []

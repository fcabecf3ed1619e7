"""Every absolute link the site writes points at BASE_URL, port included.

Under ``make run`` the site answers at http://127.0.0.1:8000 (BASE_URL); the
Wagtail Site used to say ``localhost:80``, so the sitemap, the API's
``html_url`` and feeds sent people to http://localhost/. Each producer of
absolute links is checked here under a BASE_URL with a port, after
``manage.py sync_site``.
"""

import re
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command

import pytest
from icalendar import Calendar

from community.events import registrations
from community.events.models import CalendarFeed, EditionPage
from community.events.tests.utils import make_edition, make_session
from community.members.choices import MembershipRole
from community.members.memberships import invite
from community.members.tests.utils import add_member, make_community, make_user

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8123"


@pytest.fixture
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.WAGTAILAPI_BASE_URL = BASE
    call_command("sync_site", stdout=StringIO())
    yield BASE
    # The rolled-back Site rows must not survive in Wagtail's cached root paths.
    cache.clear()


def absolute_links(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


def assert_all_on_base(links):
    assert links, "no absolute link found"
    wrong = [link for link in links if not link.startswith(BASE + "/")]
    assert not wrong, wrong[:5]


def test_sync_site_sets_the_wagtail_site_and_django_domain(base_url):
    from django.contrib.sites.models import Site as DjangoSite

    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, BASE)
    assert DjangoSite.objects.get_current().domain == "127.0.0.1:8123"
    out = StringIO()
    call_command("sync_site", stdout=out)  # a second run changes nothing
    assert "→" not in out.getvalue()


def test_a_default_port_is_left_out(settings):
    from django.contrib.sites.models import Site as DjangoSite

    from wagtail.models import Site

    from home.sites import sync_sites

    settings.WAGTAILADMIN_BASE_URL = "https://ecommunaute.example.org/"
    sync_sites()
    cache.clear()
    site = Site.objects.get(is_default_site=True)
    assert (site.port, site.root_url) == (443, "https://ecommunaute.example.org")
    assert DjangoSite.objects.get_current().domain == "ecommunaute.example.org"


def test_sitemap(client, base_url):
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert len(locations) > 50
    assert_all_on_base(locations)


def test_robots_names_the_sitemap_on_base_url(client, base_url):
    body = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in body


def test_api_html_url_and_detail_url(client, base_url):
    items = client.get("/api/v2/pages/", {"limit": 20}).json()["items"]
    assert_all_on_base([item["meta"]["html_url"] for item in items])
    assert_all_on_base([item["meta"]["detail_url"] for item in items])


@pytest.mark.parametrize(
    "path",
    [
        "/ressources/flux/",
        "/ressources/glossaire/flux/",
        "/ressources/documents/flux/",
        "/ressources/bibliographie/flux/",
        "/ressources/bibliographie/flux/rss/",
    ],
)
def test_feeds(client, base_url, path):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    # The feed's and its entries' own links (not URLs quoted in descriptions).
    links = re.findall(r'<link[^>]* href="([^"]+)"', body) + re.findall(
        r"<(?:link|id|guid)>([^<]+)</", body
    )
    assert_all_on_base(links)


def test_project_emails(mailoutbox, base_url, django_capture_on_commit_callbacks):
    community = make_community(name="Liens absolus")
    animatrice = make_user("animatrice-liens")
    add_member(community, animatrice, MembershipRole.ANIMATEUR)
    with django_capture_on_commit_callbacks(execute=True):
        invite(community, "invitee@example.org", animatrice)
    [mail] = mailoutbox
    assert_all_on_base(absolute_links(mail.body))


def test_allauth_confirmation_and_reset_links(client, mailoutbox, base_url):
    response = client.post(
        "/comptes/signup/",
        {
            "email": "nouvelle@example.org",
            "display_name": "Nouvelle",
            "accept_terms": "on",
            "password1": "un-mot-de-passe-solide",
            "password2": "un-mot-de-passe-solide",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    [confirmation] = mailoutbox
    assert f"{BASE}/comptes/confirm-email/" in confirmation.body
    assert_all_on_base(absolute_links(confirmation.body))
    make_user("oublieuse")
    client.post("/comptes/password/reset/", {"email": "oublieuse@example.org"})
    reset = mailoutbox[-1]
    assert f"{BASE}/comptes/password/reset/key/" in reset.body
    assert_all_on_base(absolute_links(reset.body))


def test_icalendar_urls_and_the_private_link(client, base_url):
    edition = EditionPage.objects.get(slug="universite-2018")
    calendar = Calendar.from_ical(
        client.get(edition.route_url("programme_ics")).content
    )
    urls = [str(event["url"]) for event in calendar.walk("VEVENT")]
    assert_all_on_base(urls)
    user = make_user("agenda-liens")
    session = make_session(make_edition(slug="edition-liens"), capacity=3)
    registrations.register(session.pk, user)
    client.force_login(user)
    client.post("/evenements/mon-programme/lien-agenda/", {"action": "create"})
    token = CalendarFeed.objects.get(user=user).token
    page = client.get("/evenements/mon-programme/").content.decode()
    assert f"{BASE}/evenements/agenda/{token}.ics" in page


def test_scheduled_publishing_email(
    mailoutbox, base_url, django_capture_on_commit_callbacks
):
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    from home import scheduler
    from home.models import HomePage
    from home.tests.utils import make_standard_page

    editor = make_user("editeur-liens", is_staff=True, is_superuser=True)
    page = make_standard_page(HomePage.objects.get(), "Liens", "liens", live=False)
    page.go_live_at = timezone.now() + timedelta(minutes=1)
    page.save_revision(user=editor).publish(user=editor)
    later = timezone.now() + timedelta(minutes=2)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        django_capture_on_commit_callbacks(execute=True),
    ):
        scheduler.run_due(later)
    [mail] = mailoutbox
    assert f"{BASE}/liens/" in mail.body
    assert_all_on_base(absolute_links(mail.body))

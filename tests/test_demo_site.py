"""The demo site as a visitor sees it, on whichever database the run uses."""

from io import StringIO

from django.contrib.sites.models import Site as DjangoSite
from django.core.management import call_command

from wagtail.models import Page, Revision

import pytest

from home.models import HomePage, Theme

pytestmark = pytest.mark.django_db

DESIGN_SLUGS = [
    "/ressources/roles/",
    "/ressources/glossaire/",
    "/ressources/bibliographie/",
    "/ressources/methodologies/",
    "/ressources/documents/",
    "/communaute/",
    "/defis/",
    "/evenements/",
]


def demo_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific()


def test_the_page_tree_has_the_design_slugs(client):
    urls = {page.get_url() for page in demo_pages()}
    assert set(DESIGN_SLUGS) <= urls
    assert HomePage.objects.get().get_url() == "/"


def test_every_demo_page_renders_for_an_anonymous_visitor(client):
    pages = list(demo_pages())
    assert len(pages) >= 14
    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, page.get_url()
        content = response.content.decode()
        assert '<html lang="fr">' in content
        assert page.title.replace("'", "&#x27;") in content


def test_seed_demo_twice_changes_nothing():
    def snapshot():
        return (
            list(
                Page.objects.order_by("path").values_list(
                    "path", "slug", "title", "latest_revision_id", "live"
                )
            ),
            Revision.objects.count(),
            list(
                Theme.objects.values_list("slug", "name", "description", "sort_order")
            ),
        )

    before = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == before


def test_django_sites_name_is_the_real_name():
    site = DjangoSite.objects.get(pk=1)
    assert site.name == "e-communauté de l'innovation publique territoriale"
    assert site.domain != "example.com"


def test_no_personal_data_from_the_seeds_in_demo_content():
    # The seeds carry e-mail addresses and phone numbers: none may reach the site.
    import re

    text = " ".join(
        str(value)
        for page in demo_pages()
        for value in (page.title, getattr(page, "intro", ""), getattr(page, "body", ""))
    )
    assert not re.search(r"[\w.-]+@[\w-]+\.\w+", text)
    assert not re.search(r"\b0\d(?:[ .]?\d\d){4}\b", text)


def test_unknown_url_gives_the_french_404_page(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_robots_and_sitemap(client):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Disallow: /admin/" in robots.content.decode()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    body = sitemap.content.decode()
    for slug in DESIGN_SLUGS:
        assert slug in body

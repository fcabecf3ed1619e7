"""Context shared by every page of the site shell."""

from django.conf import settings

from wagtail.models import Page, Site

from .models import ShellSettings
from .sites import base_url


def site_shell(request):
    """The site name and the main navigation, built from the page tree.

    Navigation items are the home page's live, public children marked « afficher
    dans les menus »: editors reorder or hide sections from the admin.
    """
    site = Site.find_for_request(request)
    nav_pages = []
    footer = {}
    if site is not None:
        nav_pages = list(
            Page.objects.child_of(site.root_page).live().public().in_menu()
        )
        footer = footer_links(site)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "BASE_URL": base_url(),
        "nav_pages": nav_pages,
        "footer": footer,
    }


def footer_links(site):
    """The footer's legal pages and RGAA mention, read in two queries."""
    shell = ShellSettings.for_site(site)
    wanted = {
        "accessibility": shell.accessibility_page_id,
        "legal": shell.legal_page_id,
        "privacy": shell.privacy_page_id,
        "terms": shell.terms_page_id,
    }
    pages = Page.objects.live().in_bulk([pk for pk in wanted.values() if pk])
    links = {name: pages.get(pk) for name, pk in wanted.items()}
    links["accessibility_status"] = shell.get_accessibility_status_display()
    links["organiser"] = shell.organiser
    return links

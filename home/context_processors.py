"""Context shared by every page of the site shell."""

from django.conf import settings

from wagtail.models import Page, Site

from .models import ShellSettings
from .pages import without_view_restrictions
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
            without_view_restrictions(
                Page.objects.child_of(site.root_page).live().in_menu()
            )
        )
        footer = footer_links(site)
    return {
        "SITE_NAME": settings.SITE_NAME,
        "BASE_URL": base_url(),
        "nav_pages": nav_pages,
        "footer": footer,
    }


def footer_links(site):
    """The footer's legal pages and RGAA mention, read in one query."""
    names = ("accessibility", "legal", "privacy", "terms")
    shell = (
        ShellSettings.objects.filter(site=site)
        .select_related(*(f"{name}_page" for name in names))
        .first()
    ) or ShellSettings.for_site(site)
    links = {}
    for name in names:
        page = (
            getattr(shell, f"{name}_page")
            if getattr(shell, f"{name}_page_id")
            else None
        )
        links[name] = page if page is not None and page.live else None
    links["accessibility_status"] = shell.get_accessibility_status_display()
    links["organiser"] = shell.organiser
    return links

"""Context shared by every page of the site shell."""

from django.conf import settings

from wagtail.models import Page, Site


def site_shell(request):
    """The site name and the main navigation, built from the page tree.

    Navigation items are the home page's live, public children marked « afficher
    dans les menus »: editors reorder or hide sections from the admin.
    """
    site = Site.find_for_request(request)
    nav_pages = []
    if site is not None:
        nav_pages = list(
            Page.objects.child_of(site.root_page).live().public().in_menu()
        )
    return {
        "SITE_NAME": settings.SITE_NAME,
        "site_root": site.root_page if site else None,
        "nav_pages": nav_pages,
    }

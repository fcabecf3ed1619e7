"""Admin: the import views, their menu item, and a button on the library."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import views
from .models import BibliographyIndexPage


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "bibliographie/importer/",
            views.import_upload,
            name="bibliography_import",
        ),
        path(
            "bibliographie/importer/apercu/",
            views.import_preview,
            name="bibliography_import_preview",
        ),
    ]


def can_import(user):
    library = BibliographyIndexPage.objects.first()
    return library is not None and library.permissions_for_user(user).can_add_subpage()


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Importer des références"),
        reverse("bibliography_import"),
        icon_name="doc-full",
        order=310,
    )


@hooks.register("register_page_header_buttons")
def import_button(page, user, view_name=None, next_url=None):
    if page.specific_class is BibliographyIndexPage and can_import(user):
        yield Button(
            _("Importer BibTeX / RIS"),
            reverse("bibliography_import"),
            icon_name="upload",
            priority=60,
        )

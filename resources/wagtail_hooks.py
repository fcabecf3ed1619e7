"""Admin of the resource libraries: the Trello import (``resources/trello``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .trello import views as trello
from .trello.forms import collections_for


@hooks.register("register_admin_urls")
def register_trello_urls():
    return [
        path("trello/importer/", trello.upload, name="trello_import"),
        path(
            "trello/importer/<uuid:pk>/apercu/",
            trello.preview,
            name="trello_import_preview",
        ),
        path(
            "trello/importer/<uuid:pk>/",
            trello.progress,
            name="trello_import_progress",
        ),
    ]


class TrelloMenuItem(MenuItem):
    def is_shown(self, request):
        return collections_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_trello_menu_item():
    return TrelloMenuItem(
        _("Importer un tableau Trello"),
        reverse("trello_import"),
        icon_name="upload",
        order=320,
    )

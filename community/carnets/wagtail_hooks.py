"""The carnets' guides in the Wagtail admin: organisers set, per édition, the
moments' names and introductions and the guiding prompts (the default guide,
written from seed 002, serves the éditions without one)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CarnetGuide


class CarnetGuideViewSet(SnippetViewSet):
    model = CarnetGuide
    icon = "doc-full"
    menu_label = _("Guides du carnet")
    menu_name = "guides-carnet"
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["__str__", "edition"]


register_snippet(CarnetGuideViewSet)

"""The édition's questionnaires in the admin (organisers reword the questions)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EvaluationForm


class EvaluationFormViewSet(SnippetViewSet):
    model = EvaluationForm
    icon = "form"
    menu_label = _("Évaluations")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["__str__", "is_open"]


register_snippet(EvaluationFormViewSet)

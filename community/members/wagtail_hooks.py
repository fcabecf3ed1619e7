"""Communities and learning teams in the Wagtail admin, for staff."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Community, LearningTeam


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    list_display = ["name", "kind", "territory", "access"]
    list_filter = ["kind", "access", "territory"]
    search_fields = ["name", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("territory"),
        FieldPanel("access"),
        FieldPanel("description"),
    ]


class LearningTeamViewSet(SnippetViewSet):
    model = LearningTeam
    icon = "user"
    list_display = ["name", "community", "year"]
    list_filter = ["year", "community"]
    search_fields = ["name", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("community"),
        FieldPanel("year"),
        FieldPanel("description"),
        FieldPanel("join_policy"),
        FieldPanel("max_size"),
    ]


class MembersViewSetGroup(SnippetViewSetGroup):
    items = (CommunityViewSet, LearningTeamViewSet)
    menu_icon = "group"
    menu_label = _("Communautés")
    menu_name = "communities"
    menu_order = 250


register_snippet(MembersViewSetGroup)

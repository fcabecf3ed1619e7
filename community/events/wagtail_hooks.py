"""Sites and sessions in the Wagtail admin, for organisers. Registrations are
not edited here: members take and free places under the waiting list's rules,
and organisers see who is registered on the session's page."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import SessionAdminForm
from .models import Session, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "territory", "region", "timezone"]
    list_filter = ["territory"]
    search_fields = ["name", "city", "region"]


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "time"
    list_display = ["title", "edition", "venue", "kind", "start", "capacity"]
    list_filter = ["edition", "venue", "kind"]
    search_fields = ["title", "description", "speakers"]
    ordering = ["start"]
    edit_handler = ObjectList(Session.panels, base_form_class=SessionAdminForm)


class EventsViewSetGroup(SnippetViewSetGroup):
    items = (VenueViewSet, SessionViewSet)
    menu_icon = "date"
    menu_label = _("Programme")
    menu_name = "programme"
    menu_order = 260


register_snippet(EventsViewSetGroup)

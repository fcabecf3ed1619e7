"""What the events app gives to the site search: programme sessions, found by
those who may see their édition (the policy's ``SessionRule``). Éditions and
calls are pages (indexed by the search app's page adapter, with the facets of
their ``search_facets()``); proposals and registrations are private and never
indexed. ``register()`` is called from ``EventsConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, PageViewRestriction

from search import registry, text
from search.documents import SearchDocument

from .choices import SessionKind
from .models import EditionPage, Session

# Sessions worth finding by their subject. The programme's recurring slots
# (accueil, pauses, défis étapes, moments des équipes) repeat at every site
# and would bury the glossary and the défis under identical titles.
SEARCHED_KINDS = {
    SessionKind.PLENARY,
    SessionKind.MINI_CONFERENCE,
    SessionKind.WORKSHOP,
    SessionKind.ROUND_TABLE,
    SessionKind.EXPOSITION,
}


class SessionAdapter(registry.SearchAdapter):
    model = Session
    type = "session"
    type_label = _("Session du programme")

    def queryset(self):
        return Session.objects.filter(kind__in=SEARCHED_KINDS).select_related(
            "edition", "venue"
        )

    def document(self, obj):
        if obj.kind not in SEARCHED_KINDS:
            return None
        edition = obj.edition
        return SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.title,
            url=obj.get_absolute_url(),
            body=text.indexed_text(obj),
            date=obj.start,
            themes=[theme.slug for theme in edition.themes.all()],
            site=obj.venue.territory,
            year=edition.year,
        )


def reindex_sessions(sender, instance, **kwargs):
    """Publishing or unpublishing an édition changes who finds its sessions."""
    from search.sync import enqueue

    specific = getattr(instance, "specific", instance)
    if isinstance(specific, EditionPage):
        enqueue([registry.key_for(session) for session in specific.sessions.only("pk")])


def reindex_sessions_under(sender, instance, **kwargs):
    """A view restriction on an édition's branch changes who finds its sessions."""
    from search.sync import enqueue

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sessions = Session.objects.filter(edition__path__startswith=page.path).only(
            "pk"
        )
        enqueue([registry.key_for(session) for session in sessions])


def register():
    from django.db.models.signals import post_delete, post_save

    from wagtail.signals import page_published, page_unpublished

    registry.register(SessionAdapter)
    page_published.connect(reindex_sessions, dispatch_uid="search_edition_sessions")
    page_unpublished.connect(
        reindex_sessions, dispatch_uid="search_edition_sessions_unpublished"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            reindex_sessions_under,
            sender=PageViewRestriction,
            dispatch_uid=f"search_edition_sessions_restricted_{signal is post_save}",
        )

"""What the events app gives to the site search: programme sessions, found by
those who may see their édition. Éditions and calls are pages (indexed by the
search app's page adapter, with the facets of their ``search_facets()``);
proposals and registrations are private and never indexed."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import PageViewRestriction

from search import documents as docs
from search.registry import SearchAdapter, audience_for_page, register

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


@register
class SessionAdapter(SearchAdapter):
    model = Session
    type = "session"
    type_label = _("Session du programme")

    def queryset(self):
        return Session.objects.filter(kind__in=SEARCHED_KINDS).select_related(
            "edition", "venue"
        )

    def document(self, obj):
        edition = obj.edition
        if not edition.live or obj.kind not in SEARCHED_KINDS:
            return None
        restrictions = list(
            PageViewRestriction.objects.select_related("page").prefetch_related(
                "groups"
            )
        )
        audience = audience_for_page(edition, restrictions)
        if not audience:
            return None
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.title,
            url=obj.get_absolute_url(),
            body=" ".join(filter(None, [obj.description, obj.speakers, edition.title])),
            date=obj.start,
            themes=[theme.slug for theme in edition.themes.all()],
            site=obj.venue.territory,
            year=edition.year,
            audience=audience,
        )


def reindex_sessions(sender, instance, **kwargs):
    """Publishing or unpublishing an édition changes who finds its sessions."""
    from search.registry import key_for
    from search.sync import enqueue

    specific = getattr(instance, "specific", instance)
    if isinstance(specific, EditionPage):
        enqueue([key_for(session) for session in specific.sessions.only("pk")])


def connect():
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(reindex_sessions, dispatch_uid="search_edition_sessions")
    page_unpublished.connect(
        reindex_sessions, dispatch_uid="search_edition_sessions_unpublished"
    )

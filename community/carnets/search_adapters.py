"""What the carnets give to the site search: entries and facilitators'
carnets, found by exactly who may read them — the policy's audience
(``SearchAdapter.indexed``): a team-only entry by its team (and its author),
never by anyone else; the project's policy matrix checks it.
``register()`` is called from ``CarnetsConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from search import documents as docs
from search import registry, text
from search.registry import SearchAdapter

from .models import Carnet, Entry, FacilitatorCarnet, FacilitatorStep
from .text import excerpt


class EntryAdapter(SearchAdapter):
    model = Entry
    type = "entree-de-carnet"
    type_label = _("Entrée de carnet")

    def queryset(self):
        return Entry.objects.select_related("carnet__team__community", "author")

    def document(self, obj):
        team = obj.carnet.team
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.title,
            url=obj.get_absolute_url(),
            body=text.document_text(
                [
                    team.name,
                    str(obj.signature()),
                    *text.text_passages(excerpt(obj.body, 20_000)),
                ]
            ),
            date=obj.updated_at,
            year=team.year,
            site=team.community.territory,
            communities=[team.community_id],
        )


class FacilitatorCarnetAdapter(SearchAdapter):
    model = FacilitatorCarnet
    type = "carnet-du-facilitateur"
    type_label = _("Carnet du facilitateur")

    def queryset(self):
        return FacilitatorCarnet.objects.select_related("challenge")

    def document(self, obj):
        texts = [
            getattr(step, name)
            for step in obj.steps.all()
            for name in FacilitatorStep.TEXT_FIELDS
        ]
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=str(obj),
            url=obj.get_absolute_url(),
            body=text.document_text(
                text.text_passages(excerpt("\n".join(texts), 20_000))
            ),
            date=obj.updated_at,
        )


def reindex_entries_of(sender, instance, **kwargs):
    """A carnet's sharing decides the audience of the entries that follow it."""
    from search.registry import key_for
    from search.sync import enqueue

    enqueue([key_for(entry) for entry in instance.entries.only("pk")])


def reindex_facilitator_carnet(sender, instance, **kwargs):
    from search.registry import key_for
    from search.sync import enqueue

    enqueue([key_for(instance.carnet)])


def register():
    from django.db.models.signals import post_save

    registry.register(EntryAdapter)
    registry.register(FacilitatorCarnetAdapter)
    post_save.connect(
        reindex_entries_of, sender=Carnet, dispatch_uid="search_carnet_entries"
    )
    post_save.connect(
        reindex_facilitator_carnet,
        sender=FacilitatorStep,
        dispatch_uid="search_facilitator_step",
    )

"""What the members app gives to the site search: the policy's audiences (who
may find what), communities and learning teams, and the names of the
community facet. ``register()`` is called from ``MembersConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from search import registry, text
from search.documents import SearchDocument

from . import policy
from .models import Community, LearningTeam


class CommunityAdapter(registry.SearchAdapter):
    model = Community
    type = "e-communaute"
    type_label = _("E-communauté")
    # Its page shows its name and description to whoever may know it (to ask
    # to join): a restricted community is found by all, a secret one by its
    # members.
    found_by = registry.KNOW

    def document(self, obj):
        return SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.name,
            url=obj.get_absolute_url(),
            body=text.document_text(text.text_passages(obj.description)),
            date=obj.created_at,
            site=obj.territory,
            communities=[obj.pk],
        )


class LearningTeamAdapter(registry.SearchAdapter):
    model = LearningTeam
    type = "equipe-apprenante"
    type_label = _("Équipe apprenante")

    def queryset(self):
        return LearningTeam.objects.select_related("community")

    def document(self, obj):
        return SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.name,
            url=obj.get_absolute_url(),
            body=text.document_text(text.text_passages(obj.description)),
            date=obj.created_at,
            year=obj.year,
            site=obj.community.territory,
            communities=[obj.community_id],
        )


def community_labels(values, user):
    """Names of the communities the searcher may know; other ids are hidden."""
    ids = [int(value) for value in values if value.isdigit()]
    names = dict(
        policy.known_to(Community.objects.filter(pk__in=ids), user).values_list(
            "pk", "name"
        )
    )
    return {
        value: names.get(int(value)) if value.isdigit() else None for value in values
    }


def reindex_teams_of(sender, instance, **kwargs):
    """A community's access decides its teams' audience: reindex them too."""
    from search.sync import enqueue

    enqueue([registry.key_for(team) for team in instance.teams.all()])


def register():
    from django.db.models.signals import post_save

    registry.register_audience_provider(
        searcher_tokens=policy.tokens_for,
        audience=policy.audience,
        known_audience=policy.known_audience,
        batch=policy.snapshot,
    )
    registry.register(CommunityAdapter)
    registry.register(LearningTeamAdapter)
    registry.register_facet_labels("community", community_labels)
    post_save.connect(
        reindex_teams_of, sender=Community, dispatch_uid="search_community_teams"
    )

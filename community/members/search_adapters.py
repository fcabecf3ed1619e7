"""What the members app gives to the site search: communities and learning
teams, each with the audience the permission policy gives them."""

from django.utils.translation import gettext_lazy as _

from search import documents as docs
from search.registry import SearchAdapter, register

from .choices import CommunityAccess
from .models import Community, LearningTeam


@register
class CommunityAdapter(SearchAdapter):
    model = Community
    type = "e-communaute"
    type_label = _("E-communauté")

    def document(self, obj):
        # Public and restricted communities are known to all (one may ask to
        # join); secret ones only to their members.
        audience = (
            [docs.community(obj.pk)]
            if obj.access == CommunityAccess.SECRET
            else [docs.PUBLIC]
        )
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.name,
            url=obj.get_absolute_url(),
            body=obj.description,
            date=obj.created_at,
            site=obj.territory,
            communities=[obj.pk],
            audience=audience,
        )


@register
class LearningTeamAdapter(SearchAdapter):
    model = LearningTeam
    type = "equipe-apprenante"
    type_label = _("Équipe apprenante")

    def queryset(self):
        return LearningTeam.objects.select_related("community")

    def document(self, obj):
        audience = [docs.team(obj.pk), docs.community(obj.community_id)]
        if obj.community.access == CommunityAccess.PUBLIC:
            audience.append(docs.AUTHENTICATED)
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.name,
            url=obj.get_absolute_url(),
            body=obj.description,
            date=obj.created_at,
            year=obj.year,
            site=obj.community.territory,
            communities=[obj.community_id],
            audience=audience,
        )


def reindex_teams_of(sender, instance, **kwargs):
    """A community's access decides its teams' audience: reindex them too."""
    from search.registry import key_for
    from search.sync import enqueue

    enqueue([key_for(team) for team in instance.teams.all()])


def connect():
    from django.db.models.signals import post_save

    post_save.connect(
        reindex_teams_of, sender=Community, dispatch_uid="search_community_teams"
    )

"""The members app's rules in the one policy: communities, learning teams,
member profiles, and what Wagtail itself holds — pages (which every page rule
of the apps above extends), collections and their documents.

``register()`` is called from ``MembersConfig.ready()``.
"""

from django.db.models import Q

from wagtail.documents.models import AbstractDocument
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from . import policy
from .choices import CommunityAccess, MembershipRole, TeamRole
from .models import (
    Community,
    LearningTeam,
    Membership,
    TeamJoinRequest,
    TeamMembership,
    User,
)
from .policy import (
    AUTHENTICATED,
    PUBLIC,
    SUPERUSER,
    AttachedRule,
    Rule,
    both,
    community_token,
    group_token,
    logged_in,
    team_token,
    user_token,
)


class CommunityRule(Rule):
    def can_view(self, user, p, obj):
        return (
            obj.access == CommunityAccess.PUBLIC
            or p.superuser
            or obj.pk in p.communities
        )

    def may_know(self, user, p, obj):
        return obj.access != CommunityAccess.SECRET or self.can_view(user, p, obj)

    def can_edit(self, user, p, obj):
        return p.superuser or obj.pk in p.animated

    def can_moderate(self, user, p, obj):
        return p.superuser or obj.pk in p.animated

    def can_contribute(self, user, p, obj):
        return p.authenticated and (obj.pk in p.communities or p.superuser)

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        return Q(access=CommunityAccess.PUBLIC) | Q(pk__in=p.communities)

    def known_q(self, user, p):
        if p.superuser:
            return Q()
        return ~Q(access=CommunityAccess.SECRET) | Q(pk__in=p.communities)

    def audience(self, obj):
        if obj.access == CommunityAccess.PUBLIC:
            return {PUBLIC}
        return {community_token(obj.pk), SUPERUSER}

    def known_audience(self, obj):
        if obj.access != CommunityAccess.SECRET:
            return {PUBLIC}
        return self.audience(obj)


class LearningTeamRule(AttachedRule):
    """A team is read by its community's readers who are logged in, and by
    its own members; it is known to its community's readers. The team manages
    itself; its facilitateurs and the community's animateurs moderate."""

    target = "community"

    def can_view(self, user, p, obj):
        return obj.pk in p.teams or (p.authenticated and super().can_view(user, p, obj))

    def may_know(self, user, p, obj):
        # Its community's readers know it (a restricted community's outsiders,
        # who may know the community, do not know its teams).
        return obj.pk in p.teams or super().can_view(user, p, obj)

    def can_edit(self, user, p, obj):
        return p.superuser or obj.pk in p.teams or obj.community_id in p.animated

    def can_moderate(self, user, p, obj):
        return p.superuser or obj.pk in p.facilitated or obj.community_id in p.animated

    def can_contribute(self, user, p, obj):
        return p.superuser or obj.pk in p.teams

    def visible_q(self, user, p):
        if not p.authenticated:
            return Q(pk__in=[])
        return Q(pk__in=p.teams) | super().visible_q(user, p)

    def known_q(self, user, p):
        return Q(pk__in=p.teams) | super().visible_q(user, p)

    def audience(self, obj):
        return {team_token(obj.pk)} | logged_in(super().audience(obj))

    def known_audience(self, obj):
        return {team_token(obj.pk)} | super().audience(obj)


class TeamJoinRequestRule(Rule):
    """A request to join a team is private to the person who asks (who may
    withdraw it: *edit*) and to those who moderate the team (who decide it:
    *moderate*), as the team's rule says."""

    def _moderates_team(self, user, p, obj):
        return policy.rule_for(obj.team).can_moderate(user, p, obj.team)

    def can_view(self, user, p, obj):
        return (
            p.superuser
            or (p.authenticated and obj.user_id == p.user_id)
            or self._moderates_team(user, p, obj)
        )

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.user_id == p.user_id

    def can_moderate(self, user, p, obj):
        return self._moderates_team(user, p, obj)

    def can_contribute(self, user, p, obj):
        return False

    def visible_q(self, user, p):
        # The team's moderators as LearningTeamRule.can_moderate names them
        # (the policy has no queryset form of can_moderate to ask).
        if p.superuser:
            return Q()
        if not p.authenticated:
            return Q(pk__in=[])
        return (
            Q(user_id=p.user_id)
            | Q(team_id__in=p.facilitated)
            | Q(team__community_id__in=p.animated)
        )

    def audience(self, obj):
        # Those who decide have no token of their own: they are named one by
        # one (the team's facilitateurs, its community's animateurs).
        facilitators = TeamMembership.objects.filter(
            team_id=obj.team_id, role=TeamRole.FACILITATEUR
        ).values_list("user_id", flat=True)
        animateurs = Membership.objects.filter(
            community_id=obj.team.community_id, role=MembershipRole.ANIMATEUR
        ).values_list("user_id", flat=True)
        deciders = {*facilitators, *animateurs}
        return {user_token(obj.user_id), SUPERUSER} | {
            user_token(pk) for pk in deciders
        }


class MemberRule(Rule):
    """A member's profile page: anyone sees what the member made public,
    logged-in members what they opened to members (see ``profiles.py``)."""

    def can_view(self, user, p, obj):
        return obj.is_active and not obj.is_deleted or p.superuser

    def can_edit(self, user, p, obj):
        return p.superuser or obj.pk == p.user_id

    def can_moderate(self, user, p, obj):
        return p.superuser

    def can_contribute(self, user, p, obj):
        return False

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        return Q(is_active=True, is_deleted=False)

    def audience(self, obj):
        return {PUBLIC} if obj.is_active and not obj.is_deleted else {SUPERUSER}


class ViewRestrictions:
    """Wagtail's view restrictions on a tree (pages, collections): a node is
    viewed by those who pass every restriction of its branch — logged in,
    in one of the groups (superusers always are). A password restriction is
    only passed through Wagtail's own form, so the policy keeps such a branch
    out of listings, search and the API, for everyone."""

    def __init__(self, restriction_model, node):
        self.restriction_model = restriction_model
        self.node = node  # the restriction's foreign key to the tree

    def all(self):
        """Every restriction with its node's path and its groups (two queries,
        once per ``policy.snapshot()`` block)."""
        return policy.remembered(
            self.restriction_model,
            lambda: [
                (getattr(r, self.node).path, r)
                for r in self.restriction_model.objects.select_related(
                    self.node
                ).prefetch_related("groups")
            ],
        )

    @staticmethod
    def passes(restriction, p):
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            return p.authenticated
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            return p.superuser or bool(
                p.groups & {group.pk for group in restriction.groups.all()}
            )
        return False

    @staticmethod
    def tokens(restriction):
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            return {AUTHENTICATED}
        if restriction.restriction_type == BaseViewRestriction.GROUPS:
            return {SUPERUSER} | {group_token(g.pk) for g in restriction.groups.all()}
        return set()

    def failed_paths(self, p):
        """The branches ``p`` may not view."""
        return [path for path, r in self.all() if not self.passes(r, p)]

    def passes_all(self, p, path):
        return not any(path.startswith(failed) for failed in self.failed_paths(p))

    def outside_failed_q(self, p):
        q = Q()
        for path in self.failed_paths(p):
            q &= ~Q(path__startswith=path)
        return q

    def audience(self, path):
        audience = {PUBLIC}
        for restriction_path, restriction in self.all():
            if path.startswith(restriction_path):
                audience = both(audience, self.tokens(restriction))
        return audience


PAGE_RESTRICTIONS = ViewRestrictions(PageViewRestriction, "page")
COLLECTION_RESTRICTIONS = ViewRestrictions(CollectionViewRestriction, "collection")


class PageRule(Rule):
    """Wagtail pages: live, and past every view restriction of their branch
    (see ``ViewRestrictions``). Editing and moderating follow Wagtail's page
    permissions."""

    def can_view(self, user, p, obj):
        return obj.live and PAGE_RESTRICTIONS.passes_all(p, obj.path)

    def may_know(self, user, p, obj):
        # A live page behind a login or group restriction is announced (Wagtail
        # asks to log in); drafts are known to those who may edit them.
        return obj.live or self.can_edit(user, p, obj)

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.permissions_for_user(user).can_edit()

    def can_moderate(self, user, p, obj):
        return p.authenticated and obj.permissions_for_user(user).can_publish()

    def visible_q(self, user, p):
        return Q(live=True) & PAGE_RESTRICTIONS.outside_failed_q(p)

    def audience(self, obj):
        return PAGE_RESTRICTIONS.audience(obj.path) if obj.live else set()


class CollectionRule(Rule):
    """Wagtail collections (of documents, images): past every view restriction
    of their branch. Managed in Wagtail's admin, with its own permissions."""

    def can_view(self, user, p, obj):
        return COLLECTION_RESTRICTIONS.passes_all(p, obj.path)

    def visible_q(self, user, p):
        return COLLECTION_RESTRICTIONS.outside_failed_q(p)

    def audience(self, obj):
        return COLLECTION_RESTRICTIONS.audience(obj.path)


class DocumentRule(AttachedRule):
    """A Wagtail document is read by those who may read its collection."""

    target = "collection"


def register():
    policy.register(Community, CommunityRule)
    policy.register(LearningTeam, LearningTeamRule)
    policy.register(TeamJoinRequest, TeamJoinRequestRule)
    policy.register(User, MemberRule)
    policy.register(Page, PageRule)
    policy.register(Collection, CollectionRule)
    policy.register(AbstractDocument, DocumentRule)

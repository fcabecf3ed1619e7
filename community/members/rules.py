"""The members app's rules in the one policy: communities, learning teams,
member profiles, and Wagtail pages (which every page rule of the apps above
extends)."""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from .choices import CommunityAccess
from .models import Community, LearningTeam, TeamJoinRequest, User
from .policy import Rule, register, rule_for


@register(Community)
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


@register(LearningTeam)
class LearningTeamRule(Rule):
    """Teams are read by their community's readers who are logged in; the team
    manages itself; its facilitateurs and the community's animateurs moderate."""

    def can_view(self, user, p, obj):
        if p.superuser or obj.pk in p.teams:
            return True
        return p.authenticated and CommunityRule().can_view(user, p, obj.community)

    def may_know(self, user, p, obj):
        return self.can_view(user, p, obj) or CommunityRule().can_view(
            user, p, obj.community
        )

    def can_edit(self, user, p, obj):
        return p.superuser or obj.pk in p.teams or obj.community_id in p.animated

    def can_moderate(self, user, p, obj):
        return p.superuser or obj.pk in p.facilitated or obj.community_id in p.animated

    def can_contribute(self, user, p, obj):
        return p.superuser or obj.pk in p.teams

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        if not p.authenticated:
            return Q(pk__in=[])
        return (
            Q(pk__in=p.teams)
            | Q(community__access=CommunityAccess.PUBLIC)
            | Q(community_id__in=p.communities)
        )

    def known_q(self, user, p):
        if p.superuser:
            return Q()
        return (
            Q(community__access=CommunityAccess.PUBLIC)
            | Q(community_id__in=p.communities)
            | Q(pk__in=p.teams)
        )


@register(TeamJoinRequest)
class TeamJoinRequestRule(Rule):
    """A request to join a team is private to the person who asks (who may
    withdraw it: *edit*) and to those who moderate the team (who decide it:
    *moderate*), as the team's rule says."""

    def _moderates_team(self, user, p, obj):
        return rule_for(LearningTeam).can_moderate(user, p, obj.team)

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
        if p.superuser:
            return Q()
        if not p.authenticated:
            return Q(pk__in=[])
        return (
            Q(user_id=p.user_id)
            | Q(team_id__in=p.facilitated)
            | Q(team__community_id__in=p.animated)
        )


@register(User)
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


@register(Page)
class PageRule(Rule):
    """Wagtail pages: live, and past every view restriction of their branch
    (login, groups; a password restriction is only passed through Wagtail's own
    form, so the policy keeps such pages out of listings, search and the API).
    Editing and moderating follow Wagtail's page permissions."""

    def _failed_restrictions(self, user, p):
        restrictions = PageViewRestriction.objects.prefetch_related(
            "groups"
        ).select_related("page")
        failed = []
        for restriction in restrictions:
            if restriction.restriction_type == PageViewRestriction.LOGIN:
                passed = p.authenticated
            elif restriction.restriction_type == PageViewRestriction.GROUPS:
                passed = p.superuser or bool(
                    p.groups & {group.pk for group in restriction.groups.all()}
                )
            else:
                passed = False
            if not passed:
                failed.append(restriction.page.path)
        return failed

    def can_view(self, user, p, obj):
        if not obj.live:
            return False
        return not any(
            obj.path.startswith(path) for path in self._failed_restrictions(user, p)
        )

    def may_know(self, user, p, obj):
        # A live page behind a login or group restriction is announced (Wagtail
        # asks to log in); drafts are known to those who may edit them.
        return obj.live or self.can_edit(user, p, obj)

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.permissions_for_user(user).can_edit()

    def can_moderate(self, user, p, obj):
        return p.authenticated and obj.permissions_for_user(user).can_publish()

    def visible_q(self, user, p):
        q = Q(live=True)
        for path in self._failed_restrictions(user, p):
            q &= ~Q(path__startswith=path)
        return q

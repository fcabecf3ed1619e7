"""Who may see and do what with carnets, as rules of the one policy.

- A **carnet** is read by its team (members and facilitateurs) and, beyond,
  as its sharing says: the team's e-communauté, every logged-in member, or
  everyone. Team members write in it and choose its sharing.
- An **entry** follows its carnet's sharing or has its own. Its author keeps
  reading an individual entry after leaving the team (it is theirs: see the
  README), but edits only while a member. A collective synthesis is edited by
  every member of the team; an individual entry by its author only.
  Commenting is open to logged-in readers.
- **Revisions** and **secret links** are the team's business (and an
  individual entry's author's); an **attachment** is seen exactly when its
  entry is.
- The **facilitator's carnet** of a défi is read and written by the défi's
  facilitateurs (named on the défi, or facilitateurs of its teams), and read
  beyond them, as they share it, by those who may read the défi.

A secret link is not a principal: ``views/links.py`` checks the token and
shows what it opens without asking these rules. ``register()`` is called
from ``CarnetsConfig.ready()``.
"""

from django.db.models import Q

from community.members import policy
from community.members.choices import TeamRole
from community.members.models import LearningTeam, TeamMembership
from community.members.policy import (
    AUTHENTICATED,
    PUBLIC,
    SUPERUSER,
    AttachedRule,
    Rule,
    both,
    community_token,
    logged_in,
    rule_for,
    team_token,
    user_token,
)

from .choices import EntryKind, FacilitatorSharing, Sharing
from .models import (
    Attachment,
    Carnet,
    Entry,
    EntryComment,
    EntryRevision,
    FacilitatorCarnet,
    FacilitatorStep,
    ShareLink,
    sharing_q,
)


def level_allows(level, p, community_id):
    """Whether principals ``p`` pass a sharing level beyond the team."""
    if level == Sharing.PUBLIC:
        return True
    if level == Sharing.MEMBERS:
        return p.authenticated
    if level == Sharing.COMMUNITY:
        return p.authenticated and community_id in p.communities
    return False


def level_audience(level, team_id, community_id):
    """The tokens of those who read what is shared at ``level`` in a team."""
    if level == Sharing.PUBLIC:
        return {PUBLIC}
    if level == Sharing.MEMBERS:
        return {AUTHENTICATED}
    tokens = {team_token(team_id), SUPERUSER}
    if level == Sharing.COMMUNITY:
        tokens.add(community_token(community_id))
    return tokens


class CarnetRule(Rule):
    def can_view(self, user, p, obj):
        return (
            p.superuser
            or obj.team_id in p.teams
            or level_allows(obj.visibility, p, obj.team.community_id)
        )

    def may_know(self, user, p, obj):
        return self.can_view(user, p, obj) or rule_for(LearningTeam).can_view(
            user, p, obj.team
        )

    def can_edit(self, user, p, obj):
        return p.authenticated and (p.superuser or obj.team_id in p.teams)

    def can_contribute(self, user, p, obj):
        return self.can_edit(user, p, obj)

    def can_moderate(self, user, p, obj):
        return p.authenticated and (p.superuser or obj.team_id in p.facilitated)

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        q = Q(team_id__in=p.teams) | Q(visibility=Sharing.PUBLIC)
        if p.authenticated:
            q |= Q(visibility=Sharing.MEMBERS) | Q(
                visibility=Sharing.COMMUNITY, team__community_id__in=p.communities
            )
        return q

    def known_q(self, user, p):
        teams = LearningTeam.objects.filter(rule_for(LearningTeam).visible_q(user, p))
        return self.visible_q(user, p) | Q(team__in=teams)

    def audience(self, obj):
        return level_audience(obj.visibility, obj.team_id, obj.team.community_id)

    def known_audience(self, obj):
        return self.audience(obj) | rule_for(LearningTeam).audience(obj.team)


class EntryRule(Rule):
    def can_view(self, user, p, obj):
        if p.superuser or obj.carnet.team_id in p.teams:
            return True
        if own_individual(p, obj):
            return True
        return level_allows(obj.sharing, p, obj.carnet.team.community_id)

    def may_know(self, user, p, obj):
        return self.can_view(user, p, obj) or CarnetRule().may_know(user, p, obj.carnet)

    def can_edit(self, user, p, obj):
        if not p.authenticated:
            return False
        if p.superuser:
            return True
        if obj.carnet.team_id not in p.teams:
            return False
        return obj.is_collective or obj.author_id == p.user_id

    def can_moderate(self, user, p, obj):
        """Delete the entry: its author (individual), the team's facilitateurs."""
        if not p.authenticated:
            return False
        if p.superuser or obj.carnet.team_id in p.facilitated:
            return True
        return (
            not obj.is_collective
            and obj.author_id == p.user_id
            and obj.carnet.team_id in p.teams
        )

    def can_contribute(self, user, p, obj):
        """Comment on the entry (feedback)."""
        return p.authenticated and self.can_view(user, p, obj)

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        q = Q(carnet__team_id__in=p.teams) | sharing_q(Sharing.PUBLIC)
        if p.authenticated:
            q |= (
                Q(kind=EntryKind.INDIVIDUAL, author_id=p.user_id)
                | sharing_q(Sharing.MEMBERS)
                | (
                    sharing_q(Sharing.COMMUNITY)
                    & Q(carnet__team__community_id__in=p.communities)
                )
            )
        return q

    def known_q(self, user, p):
        carnets = Carnet.objects.filter(CarnetRule().known_q(user, p))
        return self.visible_q(user, p) | Q(carnet__in=carnets)

    def audience(self, obj):
        team = obj.carnet.team
        tokens = level_audience(obj.sharing, team.pk, team.community_id)
        if not obj.is_collective and obj.author_id and PUBLIC not in tokens:
            tokens = tokens | {user_token(obj.author_id)}
        return tokens

    def known_audience(self, obj):
        return self.audience(obj) | CarnetRule().known_audience(obj.carnet)


def own_individual(p, entry):
    """An individual entry of the principals' own: its author reads it always."""
    return (
        p.authenticated
        and entry.kind == EntryKind.INDIVIDUAL
        and entry.author_id == p.user_id
    )


class EntryRevisionRule(Rule):
    """The history of an entry: its team (and the author of an individual entry)."""

    def can_view(self, user, p, obj):
        entry = obj.entry
        return (
            p.superuser or entry.carnet.team_id in p.teams or own_individual(p, entry)
        )

    def may_know(self, user, p, obj):
        return self.can_view(user, p, obj) or EntryRule().may_know(user, p, obj.entry)

    def can_edit(self, user, p, obj):
        return EntryRule().can_edit(user, p, obj.entry)

    def can_moderate(self, user, p, obj):
        return False

    def can_contribute(self, user, p, obj):
        return False

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        if not p.authenticated:
            return Q(pk__in=[])
        return Q(entry__carnet__team_id__in=p.teams) | Q(
            entry__kind=EntryKind.INDIVIDUAL, entry__author_id=p.user_id
        )

    def known_q(self, user, p):
        entries = Entry.objects.filter(EntryRule().known_q(user, p))
        return self.visible_q(user, p) | Q(entry__in=entries)

    def audience(self, obj):
        entry = obj.entry
        tokens = {team_token(entry.carnet.team_id), SUPERUSER}
        if not entry.is_collective and entry.author_id:
            tokens.add(user_token(entry.author_id))
        return tokens

    def known_audience(self, obj):
        return self.audience(obj) | EntryRule().known_audience(obj.entry)


class AttachmentRule(AttachedRule):
    """Seen exactly when its entry is; added and removed by the entry's editors."""

    target = "entry"

    def can_moderate(self, user, p, obj):
        return self.can_edit(user, p, obj)

    def can_contribute(self, user, p, obj):
        return False


class EntryCommentRule(AttachedRule):
    """Feedback is seen exactly when its entry is, and written by those who
    may comment on it (``EntryRule.can_contribute``); its author or the
    team's facilitateurs remove it."""

    target = "content_object"

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.user_id == p.user_id

    def can_moderate(self, user, p, obj):
        entry = obj.content_object
        return p.authenticated and (
            p.superuser
            or obj.user_id == p.user_id
            or (entry is not None and entry.carnet.team_id in p.facilitated)
        )


class ShareLinkRule(Rule):
    """Secret links are listed, made and revoked by the team."""

    def can_view(self, user, p, obj):
        return p.authenticated and (p.superuser or obj.carnet.team_id in p.teams)

    def can_edit(self, user, p, obj):
        return self.can_view(user, p, obj)

    def can_contribute(self, user, p, obj):
        return False

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        return Q(carnet__team_id__in=p.teams)

    def audience(self, obj):
        return {team_token(obj.carnet.team_id), SUPERUSER}


# --- The facilitator's carnet ---------------------------------------------------


def facilitator_ids(challenge):
    """Members who facilitate the défi: named on it, or facilitateurs of its teams."""
    from community.challenges.choices import ChallengeRole

    named = {
        person.member_id
        for person in challenge.people.all()
        if person.role == ChallengeRole.FACILITATOR and person.member_id
    }
    of_teams = set(
        TeamMembership.objects.filter(
            team__in=challenge.teams.all(), role=TeamRole.FACILITATEUR
        ).values_list("user_id", flat=True)
    )
    return named | of_teams


def challenge_team_ids(challenge):
    return set(challenge.teams.values_list("pk", flat=True))


class FacilitatorCarnetRule(Rule):
    """Read and written by the défi's facilitateurs, read beyond them as they
    share it by those who may read the défi; nobody reads the carnet of a
    défi that is not published (as its page)."""

    def is_facilitator(self, p, obj):
        return p.authenticated and (
            p.superuser or p.user_id in facilitator_ids(obj.challenge)
        )

    def can_view(self, user, p, obj):
        if not obj.challenge.live:
            return False
        if self.is_facilitator(p, obj):
            return True
        if not rule_for(obj.challenge).can_view(user, p, obj.challenge):
            return False
        if obj.visibility == FacilitatorSharing.PUBLIC:
            return True
        if obj.visibility == FacilitatorSharing.MEMBERS:
            return p.authenticated
        if obj.visibility == FacilitatorSharing.TEAMS:
            return bool(p.teams & challenge_team_ids(obj.challenge))
        return False

    def may_know(self, user, p, obj):
        return self.can_view(user, p, obj) or rule_for(obj.challenge).can_view(
            user, p, obj.challenge
        )

    def can_edit(self, user, p, obj):
        return obj.challenge.live and self.is_facilitator(p, obj)

    def can_moderate(self, user, p, obj):
        return self.can_edit(user, p, obj)

    def can_contribute(self, user, p, obj):
        return self.can_edit(user, p, obj)

    def visible_q(self, user, p):
        from community.challenges.choices import ChallengeRole
        from community.challenges.models import ChallengePage, ChallengePerson

        live = Q(challenge__live=True)
        if p.superuser:
            return live
        readable = ChallengePage.objects.filter(
            rule_for(ChallengePage).visible_q(user, p)
        ).values("pk")
        if not p.authenticated:
            return Q(visibility=FacilitatorSharing.PUBLIC, challenge_id__in=readable)
        teams = ChallengePage.teams.through.objects
        named = ChallengePerson.objects.filter(
            role=ChallengeRole.FACILITATOR, member_id=p.user_id
        ).values("challenge_id")
        facilitated = teams.filter(learningteam_id__in=p.facilitated).values(
            "challengepage_id"
        )
        in_teams = teams.filter(learningteam_id__in=p.teams).values("challengepage_id")
        return (
            (live & (Q(challenge_id__in=named) | Q(challenge_id__in=facilitated)))
            | Q(
                challenge_id__in=readable,
                visibility__in=[FacilitatorSharing.PUBLIC, FacilitatorSharing.MEMBERS],
            )
            | (
                Q(challenge_id__in=readable, visibility=FacilitatorSharing.TEAMS)
                & Q(challenge_id__in=in_teams)
            )
        )

    def known_q(self, user, p):
        from community.challenges.models import ChallengePage

        readable = ChallengePage.objects.filter(
            rule_for(ChallengePage).visible_q(user, p)
        ).values("pk")
        return self.visible_q(user, p) | Q(challenge_id__in=readable)

    def audience(self, obj):
        challenge = obj.challenge
        if not challenge.live:
            return set()
        tokens = {SUPERUSER} | {user_token(pk) for pk in facilitator_ids(challenge)}
        page = set(rule_for(challenge).audience(challenge))
        if obj.visibility == FacilitatorSharing.PUBLIC:
            return tokens | page
        if obj.visibility == FacilitatorSharing.MEMBERS:
            return tokens | logged_in(page)
        if obj.visibility == FacilitatorSharing.TEAMS:
            teams = {team_token(pk) for pk in challenge_team_ids(challenge)}
            return tokens | both(page, teams)
        return tokens

    def known_audience(self, obj):
        challenge = obj.challenge
        return self.audience(obj) | set(rule_for(challenge).audience(challenge))


class FacilitatorStepRule(AttachedRule):
    target = "carnet"


def register():
    policy.register(Carnet, CarnetRule)
    policy.register(Entry, EntryRule)
    policy.register(EntryRevision, EntryRevisionRule)
    policy.register(Attachment, AttachmentRule)
    policy.register(EntryComment, EntryCommentRule)
    policy.register(ShareLink, ShareLinkRule)
    policy.register(FacilitatorCarnet, FacilitatorCarnetRule)
    policy.register(FacilitatorStep, FacilitatorStepRule)

"""The sections the carnets add to the pages below them (``home.sections``):
the carnet on its team's page, « mon carnet » on the member's dashboard, the
shared entries and the facilitator's carnet on a défi's page, the
organisers' overview on an édition's page. Each asks the policy."""

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from community.members import policy
from community.members.models import TeamMembership
from home.sections import register_section

from .choices import Moment
from .models import Carnet, Entry, FacilitatorCarnet


def team_carnet(request, team):
    """The team's carnet: what is in it, moment by moment, for its readers."""
    carnet = Carnet.objects.filter(team=team).first() or Carnet(team=team)
    carnet.team = team
    if not policy.can_view(request.user, carnet):
        return None
    counts = {}
    last = None
    if carnet.pk:
        rows = (
            policy.visible_to(Entry.objects.filter(carnet=carnet), request.user)
            .values("moment")
            .annotate(n=Count("pk"), last=Max("updated_at"))
        )
        for row in rows:
            counts[row["moment"]] = row["n"]
            last = max(filter(None, [last, row["last"]]))
    return {
        "carnet": carnet,
        "team": team,
        "moments": [(moment, counts.get(moment.value, 0)) for moment in Moment],
        "last": last,
        "can_write": policy.can_contribute(request.user, carnet),
    }


def my_carnets(request, user):
    """« Mon carnet »: my teams' carnets, what I wrote in teams I have left,
    and the facilitator's carnets of the défis I facilitate."""
    memberships = list(TeamMembership.objects.filter(user=user).select_related("team"))
    team_ids = [m.team_id for m in memberships]
    latest = dict(
        Entry.objects.filter(carnet__team_id__in=team_ids)
        .values_list("carnet__team_id")
        .annotate(last=Max("updated_at"))
    )
    departed = list(
        policy.visible_to(
            Entry.objects.filter(author=user).exclude(carnet__team_id__in=team_ids),
            user,
        ).select_related("carnet__team")[:20]
    )
    facilitated = facilitated_carnets(user, memberships)
    if not (memberships or departed or facilitated):
        return None
    return {
        "teams": [(m.team, latest.get(m.team_id)) for m in memberships],
        "departed": departed,
        "facilitated": facilitated,
    }


def facilitated_carnets(user, memberships):
    """The facilitator's carnets of the défis ``user`` facilitates: named on
    the défi, or facilitateur of one of its teams (two queries)."""
    from community.challenges.choices import ChallengeRole
    from community.challenges.models import ChallengePage, ChallengePerson
    from community.members.choices import TeamRole

    teams = [m.team_id for m in memberships if m.role == TeamRole.FACILITATEUR]
    named = ChallengePerson.objects.filter(
        role=ChallengeRole.FACILITATOR, member=user
    ).values("challenge_id")
    of_teams = ChallengePage.teams.through.objects.filter(
        learningteam_id__in=teams
    ).values("challengepage_id")
    return list(
        FacilitatorCarnet.objects.filter(
            Q(challenge_id__in=named) | Q(challenge_id__in=of_teams),
            challenge__live=True,
        ).select_related("challenge")
    )


def challenge_carnets(request, challenge):
    """On a défi: the entries its teams shared that the reader may read, and
    the facilitator's carnet for those who may read it."""
    entries = list(
        policy.visible_to(
            Entry.objects.filter(carnet__team__in=challenge.teams.all()), request.user
        )
        .select_related("carnet__team", "author")
        .order_by("-updated_at")[:10]
    )
    facilitator = FacilitatorCarnet.objects.filter(challenge=challenge).first()
    if facilitator is None:
        facilitator = FacilitatorCarnet(challenge=challenge)
    facilitator.challenge = challenge
    show_facilitator = policy.can_view(request.user, facilitator)
    if not entries and not show_facilitator:
        return None
    return {
        "entries": entries,
        "facilitator": facilitator if show_facilitator else None,
        "challenge": challenge,
    }


def edition_overview(request, edition):
    """The organisers' overview of the édition's carnets."""
    if not policy.can_edit(request.user, edition):
        return None
    return {"edition": edition, "teams": edition.teams.count()}


def register():
    register_section(
        "members.team",
        "carnet",
        "carnets/sections/team_carnet.html",
        team_carnet,
        order=20,
        title=_("Carnet d'apprentissage"),
    )
    register_section(
        "members.dashboard",
        "carnets",
        "carnets/sections/my_carnets.html",
        my_carnets,
        order=30,
        title=_("Mon carnet d'apprentissage"),
    )
    register_section(
        "challenges.challenge",
        "carnets",
        "carnets/sections/challenge_carnets.html",
        challenge_carnets,
        order=60,
        title=_("Carnets des équipes"),
    )
    register_section(
        "events.edition",
        "carnets",
        "carnets/sections/edition_overview.html",
        edition_overview,
        order=80,
        title=_("Suivi des carnets d'apprentissage"),
    )

"""The sections this app adds to the pages of the apps below it
(``home.sections``): the défis of an édition, on the édition's page; the
défis a learning team works on, on the team's page."""

from django.utils.translation import gettext_lazy as _

from community.members import policy
from home.sections import register_section


def edition_challenges(request, edition):
    """The édition's défis that the reader may see (the policy decides), by
    site then number; hidden when none."""
    from .models import ChallengePage

    challenges = list(
        policy.visible_to(ChallengePage.objects.filter(edition=edition), request.user)
        .select_related("venue")
        .order_by("venue__sort_order", "number")
    )
    if not challenges:
        return None
    return {"challenges": challenges}


def team_challenges(request, team):
    """The défis the team works on that the viewer may see; hidden when none."""
    from community.members import policy

    from .models import ChallengePage

    challenges = list(
        policy.visible_to(ChallengePage.objects.live().filter(teams=team), request.user)
        .select_related("edition")
        .order_by("-edition__year", "number")
    )
    if not challenges:
        return None
    title = _("Le défi de l'équipe") if len(challenges) == 1 else _("Ses défis")
    return {"challenges": challenges, "title": title}


def register():
    register_section(
        "events.edition",
        "defis",
        "challenges/sections/edition_challenges.html",
        edition_challenges,
        order=50,
        title=_("Les défis de l'édition"),
    )
    register_section(
        "members.team",
        "defis",
        "challenges/sections/team_challenges.html",
        team_challenges,
        order=50,
    )

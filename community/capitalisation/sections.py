"""The sections this app adds to the pages below it (``home.sections``): the
booklet's link on a défi's page, the results' link on an édition's page
(organisers), the evaluations to fill on the member's dashboard."""

from django.utils.translation import gettext_lazy as _

from community.members import policy
from home.sections import register_section


def challenge_booklet(request, challenge):
    """Shown when the défi is public (the booklet holds only what is)."""
    from .booklet import is_public

    if not is_public(challenge):
        return None
    return {"challenge": challenge}


def edition_results(request, edition):
    if not request.user.is_authenticated or not policy.can_edit(request.user, edition):
        return None
    return {"edition": edition}


def dashboard_evaluations(request, user):
    from .evaluations import pending_for

    pending = pending_for(request.user)
    if not pending:
        return None
    return {"pending": pending}


def register():
    register_section(
        "challenges.challenge",
        "livret",
        "capitalisation/sections/challenge_booklet.html",
        challenge_booklet,
        order=90,
        title=_("Livret de capitalisation"),
    )
    register_section(
        "events.edition",
        "evaluations",
        "capitalisation/sections/edition_results.html",
        edition_results,
        order=90,
        title=_("Évaluations"),
    )
    register_section(
        "members.dashboard",
        "evaluations",
        "capitalisation/sections/dashboard_evaluations.html",
        dashboard_evaluations,
        order=40,
        title=_("Évaluations à remplir"),
    )

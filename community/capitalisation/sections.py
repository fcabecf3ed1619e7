"""The sections this app adds to the pages below it (``home.sections``): the
booklet's link on a défi's page, the bilan's link on an édition's page, the
results and the bilan's drafting on it (organisers), the evaluations to fill
on the member's dashboard."""

from django.utils.translation import gettext_lazy as _

from community.members import policy
from home.sections import register_section


def challenge_booklet(request, challenge):
    """Shown when the défi is public (the booklet holds only what is)."""
    from .booklet import is_public

    if not is_public(challenge):
        return None
    return {
        "challenge": challenge,
        "may_import": request.user.is_authenticated
        and policy.can_contribute(request.user, challenge),
    }


def edition_bilan(request, edition):
    """The bilan, once validated (live) and open to this visitor."""
    from .models import BilanPage

    bilan = BilanPage.objects.child_of(edition).live().first()
    if bilan is None or not policy.can_view(request.user, bilan):
        return None
    return {"bilan": bilan}


def edition_results(request, edition):
    if not request.user.is_authenticated or not policy.can_edit(request.user, edition):
        return None
    from .models import BilanPage

    return {
        "edition": edition,
        "bilan": BilanPage.objects.child_of(edition).first(),
    }


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
        "bilan",
        "capitalisation/sections/edition_bilan.html",
        edition_bilan,
        order=85,
        title=_("Bilan de l'édition"),
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

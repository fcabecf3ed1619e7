"""The sections this app adds to the pages of the apps below it
(``home.sections``): the défis of an édition, on the édition's page."""

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


def register():
    register_section(
        "events.edition",
        "defis",
        "challenges/sections/edition_challenges.html",
        edition_challenges,
        order=50,
        title=_("Les défis de l'édition"),
    )

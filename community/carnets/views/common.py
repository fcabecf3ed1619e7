"""What every carnet view needs: the objects behind a URL, the refusals, and
the rendering of entry texts."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from community.members import policy
from community.members.models import LearningTeam

from ..models import Entry
from ..text import render_entry_body, render_markdown


class PageState:
    """Shared by everything rendered on one page: glossary terms are linked
    once per page, not once per entry."""


def team_or_404(slug):
    return get_object_or_404(
        LearningTeam.objects.select_related("community"), slug=slug
    )


def entry_or_404(pk):
    return get_object_or_404(
        Entry.objects.select_related(
            "carnet__team__community", "author", "updated_by", "prompt"
        ),
        pk=pk,
    )


def with_html(entries, state=None, glossary=True):
    state = state or PageState()
    for entry in entries:
        entry.body_html = (
            render_entry_body(entry.body, state)
            if glossary
            else render_markdown(entry.body)
        )
    return entries


def refuse_departed(request, entry):
    """A member who left the team keeps reading what they wrote but may not
    change it: say so plainly (403) rather than a bare refusal."""
    user = request.user
    if (
        user.is_authenticated
        and entry.author_id == user.pk
        and not policy.can_edit(user, entry)
    ):
        return render(
            request,
            "carnets/refused.html",
            {
                "entry": entry,
                "message": _(
                    "Vous ne faites plus partie de l'équipe « %(team)s » : vous "
                    "pouvez relire vos contributions, mais plus les modifier."
                )
                % {"team": entry.carnet.team},
            },
            status=403,
        )
    return None

"""Learning teams: a team's page, editing it, adding members, leaving."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import memberships, policy
from ..forms import TeamAddMemberForm, TeamForm
from ..models import LearningTeam


def _team(slug):
    return get_object_or_404(
        LearningTeam.objects.select_related("community"), slug=slug
    )


def team_detail(request, slug):
    team = policy.ensure(request.user, _team(slug), "view")
    can_edit = policy.can_edit(request.user, team)
    return render(
        request,
        "members/team_detail.html",
        {
            "team": team,
            "members": team.memberships.select_related("user").order_by(
                "-role", "user__display_name"
            ),
            "can_edit": can_edit,
            "is_member": team.memberships.filter(user_id=request.user.pk).exists(),
            "form": TeamForm(instance=team) if can_edit else None,
            "add_form": TeamAddMemberForm(team=team) if can_edit else None,
        },
    )


@login_required
@require_POST
def team_edit(request, slug):
    team = policy.ensure(request.user, _team(slug), "edit")
    form = TeamForm(request.POST, instance=team)
    if form.is_valid():
        form.save()
        messages.success(request, _("L'équipe est mise à jour."))
    else:
        messages.error(
            request,
            _(
                "L'équipe n'a pas été modifiée : le nom est obligatoire (150 caractères au plus)."
            ),
        )
    return redirect(team.get_absolute_url())


@login_required
@require_POST
def team_add_member(request, slug):
    team = policy.ensure(request.user, _team(slug), "edit")
    form = TeamAddMemberForm(request.POST, team=team)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("email", [])))
        return redirect(team.get_absolute_url())
    try:
        memberships.add_to_team(team, form.user, request.user)
    except memberships.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(member)s rejoint l'équipe.") % {"member": form.user}
        )
    return redirect(team.get_absolute_url())


@login_required
@require_POST
def team_leave(request, slug):
    team = policy.ensure(request.user, _team(slug), "view")
    try:
        memberships.leave_team(request.user, team)
    except memberships.MembershipError as error:
        messages.error(request, str(error))
        return redirect(team.get_absolute_url())
    messages.success(
        request, _("Vous avez quitté l'équipe « %(team)s ».") % {"team": team}
    )
    return redirect("members:dashboard")

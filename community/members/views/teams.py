"""Learning teams: a team's page (with how to join it), creating a team,
joining or asking to join, deciding requests, naming facilitateurs, editing,
adding a colleague, leaving.

Every write is a POST, refused through ``policy.ensure`` (404 when the person
may not know the object exists, 403 otherwise); the action itself is in
``community/members/teams.py`` and its refusals come back as messages.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import policy, team_links, teams
from ..choices import RequestStatus, TeamRole
from ..forms import (
    TeamAddMemberForm,
    TeamCreateForm,
    TeamForm,
    TeamJoinForm,
    TeamSettingsForm,
)
from ..models import Community, LearningTeam, TeamJoinRequest, User


def _team(slug):
    return get_object_or_404(
        LearningTeam.objects.select_related("community"), slug=slug
    )


def _add_action(team):
    """Adding a colleague directly: any team member in an open team, the
    facilitateurs and animateurs in a team that admits on request."""
    return "moderate" if team.is_on_request else "edit"


def _render(request, team, form=None, settings_form=None, status=200):
    user = request.user
    members = list(
        team.memberships.select_related("user").order_by(
            "role", "user__display_name", "pk"
        )
    )
    membership = next((m for m in members if m.user_id == user.pk), None)
    state = teams.join_state(user, team, membership=membership, count=len(members))
    can_edit = policy.can_edit(user, team)
    can_moderate = policy.can_moderate(user, team)
    can_add = policy.ACTIONS[_add_action(team)](user, team)
    facilitators = sum(1 for m in members if m.is_facilitator)
    context = {
        "team": team,
        "members": members,
        "member_count": len(members),
        "facilitator_count": facilitators,
        "membership": membership,
        "is_member": membership is not None,
        "state": state,
        "last_facilitator": (
            membership is not None
            and membership.is_facilitator
            and facilitators == 1
            and len(members) > 1
        ),
        "can_edit": can_edit,
        "can_moderate": can_moderate,
        "form": (form or TeamForm(instance=team)) if can_edit else None,
        "settings_form": (
            (settings_form or TeamSettingsForm(instance=team)) if can_moderate else None
        ),
        "add_form": TeamAddMemberForm(team=team) if can_add else None,
        "join_form": TeamJoinForm() if state.action == "request" else None,
        "roles": TeamRole,
    }
    if can_moderate:
        context["pending_requests"] = list(
            team.join_requests.filter(status=RequestStatus.PENDING).select_related(
                "user"
            )
        )
    return render(request, "members/team_detail.html", context, status=status)


def team_detail(request, slug):
    team = policy.ensure(request.user, _team(slug), "view")
    return _render(request, team)


# --- Creating a team --------------------------------------------------------------


def _link_query(request):
    """The team links preselected in the query string (``?defi=12``), kept
    when going from the community chooser to the form."""
    keys = {link.key for link in team_links.links()}
    return {key: value for key, value in request.GET.items() if key in keys and value}


@login_required
def team_start(request):
    """« Créer une équipe » from anywhere (a défi's page): choose the
    community the team belongs to; straight to the form if there is one."""
    communities = list(
        Community.objects.filter(memberships__user=request.user).order_by("name")
    )
    query = request.GET.urlencode()
    if len(communities) == 1:
        url = reverse("members:team_create", args=[communities[0].slug])
        return redirect(f"{url}?{query}" if query else url)
    return render(
        request,
        "members/team_start.html",
        {"communities": communities, "query": query},
    )


@login_required
def team_create(request, slug):
    community = get_object_or_404(Community, slug=slug)
    policy.ensure(request.user, community, "contribute")
    if request.method == "POST":
        form = TeamCreateForm(request.POST, community=community, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                team = teams.create_team(
                    community,
                    request.user,
                    name=data["name"],
                    year=data["year"],
                    description=data["description"],
                    join_policy=data["join_policy"],
                    max_size=data["max_size"],
                    links=form.link_values(),
                )
            except teams.MembershipError as error:
                field = "name" if isinstance(error, teams.DuplicateTeamName) else None
                form.add_error(field, str(error))
            else:
                messages.success(
                    request,
                    _(
                        "L'équipe « %(team)s » est créée ; vous en êtes le "
                        "facilitateur. Les membres de l'e-communauté peuvent "
                        "maintenant la rejoindre."
                    )
                    % {"team": team.name},
                )
                return redirect(team.get_absolute_url())
    else:
        form = TeamCreateForm(
            initial=_link_query(request), community=community, user=request.user
        )
    return render(
        request, "members/team_form.html", {"form": form, "community": community}
    )


# --- Joining ------------------------------------------------------------------------


def _back(request, team, error=None, success=None):
    if error is not None:
        messages.error(request, str(error))
    elif success:
        messages.success(request, success)
    return redirect(team.get_absolute_url())


@login_required
@require_POST
def team_join(request, slug):
    team = policy.ensure(request.user, _team(slug), "view")
    policy.ensure(request.user, team.community, "contribute")
    form = TeamJoinForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        result = teams.join(request.user, team, message)
    except teams.MembershipError as error:
        return _back(request, team, error)
    if isinstance(result, TeamJoinRequest):
        return _back(
            request,
            team,
            success=_(
                "Votre demande est envoyée aux facilitateurs de l'équipe ; vous "
                "recevrez leur réponse par courriel."
            ),
        )
    return _back(
        request,
        team,
        success=_("Bienvenue dans l'équipe « %(team)s » !") % {"team": team.name},
    )


def _join_request(team, request_id):
    return get_object_or_404(
        TeamJoinRequest.objects.select_related("user", "team__community"),
        pk=request_id,
        team=team,
    )


@login_required
@require_POST
def team_decide(request, slug, request_id):
    team = policy.ensure(request.user, _team(slug), "view")
    join_request = policy.ensure(
        request.user, _join_request(team, request_id), "moderate"
    )
    approve = request.POST.get("decision") == "approve"
    try:
        teams.decide_request(join_request, request.user, approve)
    except teams.MembershipError as error:
        return _back(request, team, error)
    return _back(
        request,
        team,
        success=(
            _("%(member)s rejoint l'équipe.") % {"member": join_request.user}
            if approve
            else _("Demande de %(member)s refusée.") % {"member": join_request.user}
        ),
    )


@login_required
@require_POST
def team_cancel_request(request, slug, request_id):
    team = policy.ensure(request.user, _team(slug), "view")
    join_request = policy.ensure(request.user, _join_request(team, request_id), "edit")
    try:
        teams.cancel_request(join_request, request.user)
    except teams.MembershipError as error:
        return _back(request, team, error)
    return _back(request, team, success=_("Votre demande est annulée."))


# --- Members, roles, settings -----------------------------------------------------


@login_required
@require_POST
def team_set_role(request, slug, user_id):
    team = policy.ensure(request.user, _team(slug), "moderate")
    member = get_object_or_404(User, pk=user_id)
    role = request.POST.get("role", "")
    try:
        teams.set_role(team, member, role, request.user)
    except teams.MembershipError as error:
        return _back(request, team, error)
    if role == TeamRole.FACILITATEUR:
        done = _("%(member)s est maintenant facilitateur de l'équipe.")
    else:
        done = _("%(member)s n'est plus facilitateur de l'équipe.")
    return _back(request, team, success=done % {"member": member})


@login_required
@require_POST
def team_settings(request, slug):
    team = policy.ensure(request.user, _team(slug), "moderate")
    form = TeamSettingsForm(request.POST, instance=_team(slug))
    if not form.is_valid():
        return _render(request, team, settings_form=form)
    try:
        teams.update_settings(
            team,
            request.user,
            join_policy=form.cleaned_data["join_policy"],
            max_size=form.cleaned_data["max_size"],
        )
    except teams.MembershipError as error:
        form.add_error("max_size", str(error))
        return _render(request, team, settings_form=form)
    return _back(request, team, success=_("Les réglages de l'équipe sont enregistrés."))


@login_required
@require_POST
def team_edit(request, slug):
    team = policy.ensure(request.user, _team(slug), "edit")
    # A fresh instance: an invalid form must not rename the page's team.
    form = TeamForm(request.POST, instance=_team(slug))
    if not form.is_valid():
        messages.error(request, _("L'équipe n'a pas été modifiée : voir ci-dessous."))
        return _render(request, team, form=form)
    form.save()
    return _back(request, team, success=_("L'équipe est mise à jour."))


@login_required
@require_POST
def team_add_member(request, slug):
    team = _team(slug)
    policy.ensure(request.user, team, _add_action(team))
    form = TeamAddMemberForm(request.POST, team=team)
    if not form.is_valid():
        return _back(request, team, " ".join(form.errors.get("email", [])))
    try:
        teams.add_member(team, form.user, request.user)
    except teams.MembershipError as error:
        return _back(request, team, error)
    return _back(
        request, team, success=_("%(member)s rejoint l'équipe.") % {"member": form.user}
    )


@login_required
@require_POST
def team_leave(request, slug):
    team = policy.ensure(request.user, _team(slug), "contribute")
    try:
        teams.leave(request.user, team)
    except teams.MembershipError as error:
        return _back(request, team, error)
    messages.success(
        request, _("Vous avez quitté l'équipe « %(team)s ».") % {"team": team.name}
    )
    return redirect("members:dashboard")

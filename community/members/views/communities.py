"""A community's page and what members and animateurs do there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.pagination import paginate

from .. import memberships, policy
from ..choices import MembershipRole, RequestStatus
from ..forms import InvitationForm, MembershipRequestForm
from ..models import Community, Invitation, Membership, MembershipRequest, User

MEMBERS_PER_PAGE = 30
TEAMS_PER_PAGE = 12


def community_detail(request, slug):
    community = get_object_or_404(Community, slug=slug)
    if not policy.may_know(request.user, community):
        raise Http404
    can_view = policy.can_view(request.user, community)
    can_moderate = policy.can_moderate(request.user, community)
    membership = memberships.membership_of(request.user, community)
    context = {
        "community": community,
        "can_view": can_view,
        "can_moderate": can_moderate,
        "membership": membership,
        "request_form": MembershipRequestForm(),
    }
    if request.user.is_authenticated and membership is None:
        context["pending_request"] = MembershipRequest.objects.filter(
            community=community, user=request.user, status=RequestStatus.PENDING
        ).first()
    if can_view:
        members = (
            Membership.objects.filter(community=community)
            .select_related("user")
            .order_by("-role", "user__display_name", "pk")
        )
        context["members"] = paginate(request, members, MEMBERS_PER_PAGE)
        context["member_count"] = context["members"].paginator.count
        # A national community gathers hundreds of teams: a page of them, with
        # its own parameter beside the members' pages.
        teams = (
            policy.visible_to(community.teams.all(), request.user)
            .annotate(size=Count("memberships"))
            .order_by("-year", "name", "pk")
        )
        context["teams"] = paginate(request, teams, TEAMS_PER_PAGE, param="equipes")
    else:
        context["member_count"] = community.memberships.count()
    if can_moderate:
        context["pending_requests"] = MembershipRequest.objects.filter(
            community=community, status=RequestStatus.PENDING
        ).select_related("user")
        context["invitation_form"] = InvitationForm()
        context["open_invitations"] = Invitation.objects.filter(
            community=community, accepted_at__isnull=True
        )
    return render(request, "members/community_detail.html", context)


def _community_for(request, slug):
    community = get_object_or_404(Community, slug=slug)
    if not policy.may_know(request.user, community):
        raise Http404
    return community


def _done(request, community, success_message, error=None):
    if error is not None:
        messages.error(request, str(error))
    elif success_message:
        messages.success(request, success_message)
    return redirect(community.get_absolute_url())


@login_required
@require_POST
def join(request, slug):
    community = _community_for(request, slug)
    form = MembershipRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        created_request = memberships.join(request.user, community, message)
    except memberships.MembershipError as error:
        return _done(request, community, None, error)
    if created_request is None:
        return _done(request, community, _("Bienvenue dans l'e-communauté !"))
    return _done(
        request,
        community,
        _(
            "Votre demande est envoyée aux animateurs ; vous recevrez leur réponse par courriel."
        ),
    )


@login_required
@require_POST
def leave(request, slug):
    community = _community_for(request, slug)
    try:
        memberships.leave(request.user, community)
    except memberships.MembershipError as error:
        return _done(request, community, None, error)
    messages.success(
        request,
        _("Vous avez quitté l'e-communauté « %(name)s ».") % {"name": community},
    )
    return redirect("members:dashboard")


@login_required
@require_POST
def decide(request, slug, request_id):
    community = _community_for(request, slug)
    policy.ensure(request.user, community, "moderate")
    membership_request = get_object_or_404(
        MembershipRequest, pk=request_id, community=community
    )
    approve = request.POST.get("decision") == "approve"
    try:
        memberships.decide(membership_request, request.user, approve)
    except memberships.MembershipError as error:
        return _done(request, community, None, error)
    return _done(
        request,
        community,
        _("Demande acceptée.") if approve else _("Demande refusée."),
    )


@login_required
@require_POST
def invite(request, slug):
    community = _community_for(request, slug)
    policy.ensure(request.user, community, "moderate")
    form = InvitationForm(request.POST)
    if not form.is_valid():
        errors = " ".join(str(e) for field in form.errors.values() for e in field)
        return _done(
            request,
            community,
            None,
            _("Invitation non envoyée : %(e)s") % {"e": errors},
        )
    try:
        memberships.invite(
            community,
            form.cleaned_data["email"],
            request.user,
            form.cleaned_data["role"],
        )
    except memberships.MembershipError as error:
        return _done(request, community, None, error)
    return _done(
        request, community, _("Invitation envoyée à %(email)s.") % form.cleaned_data
    )


@login_required
@require_POST
def remove(request, slug, user_id):
    community = _community_for(request, slug)
    policy.ensure(request.user, community, "moderate")
    member = get_object_or_404(User, pk=user_id)
    try:
        memberships.remove_member(community, member, request.user)
    except memberships.MembershipError as error:
        return _done(request, community, None, error)
    return _done(
        request,
        community,
        _("%(member)s ne fait plus partie de l'e-communauté.") % {"member": member},
    )


@login_required
@require_POST
def set_role(request, slug, user_id):
    community = _community_for(request, slug)
    policy.ensure(request.user, community, "moderate")
    role = request.POST.get("role")
    if role not in MembershipRole.values:
        return _done(request, community, None, _("Rôle inconnu."))
    updated = Membership.objects.filter(community=community, user_id=user_id).update(
        role=role
    )
    if not updated:
        return _done(
            request,
            community,
            None,
            _("Cette personne n'est pas membre de l'e-communauté."),
        )
    return _done(request, community, _("Rôle mis à jour."))


def invitation(request, token):
    """Show an invitation (its token is the secret) and accept it by POST."""
    found = Invitation.objects.select_related("community").filter(token=token).first()
    if found is None:
        raise Http404
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            memberships.accept_invitation(token, request.user)
        except memberships.MembershipError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(
            request,
            _("Bienvenue dans l'e-communauté « %(name)s » !")
            % {"name": found.community},
        )
        return redirect(found.community.get_absolute_url())
    return render(request, "members/invitation.html", {"invitation": found})

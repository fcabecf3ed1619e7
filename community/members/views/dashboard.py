"""A member's dashboard: their communities, teams, requests and recent activity."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import activity, policy
from ..choices import RequestStatus
from ..models import Membership, MembershipRequest, TeamJoinRequest, TeamMembership


@login_required
def dashboard(request):
    user = request.user
    p = policy.principals(user)
    context = {
        "memberships": Membership.objects.filter(user=user).select_related("community"),
        "team_memberships": TeamMembership.objects.filter(user=user).select_related(
            "team", "team__community"
        ),
        "my_requests": MembershipRequest.objects.filter(
            user=user, status=RequestStatus.PENDING
        ).select_related("community"),
        "to_review": MembershipRequest.objects.filter(
            community_id__in=p.animated, status=RequestStatus.PENDING
        ).select_related("community", "user"),
        "my_team_requests": TeamJoinRequest.objects.filter(
            user=user, status=RequestStatus.PENDING
        ).select_related("team"),
        # Requests the policy lets them see, other than their own: those of
        # the teams they facilitate and of the communities they animate.
        "team_requests_to_review": policy.visible_to(
            TeamJoinRequest.objects.filter(status=RequestStatus.PENDING), user
        )
        .exclude(user=user)
        .select_related("team", "user"),
        "activity": activity.recent_activity(user),
    }
    return render(request, "members/dashboard.html", context)

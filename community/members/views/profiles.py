"""Profiles: edit mine, see a member's, and the members-only directory."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from home.filters import clean_text
from home.models import Theme
from home.pagination import paginate

from .. import policy
from ..choices import Territory
from ..forms import ProfileForm, ProfileLinkFormSet
from ..models import Profile, User
from ..profiles import field_visible_q, visible_fields

DIRECTORY_PER_PAGE = 24


@login_required
def edit_profile(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    if request.method == "POST":
        form = ProfileForm(
            request.POST, request.FILES, instance=profile, user=request.user
        )
        links = ProfileLinkFormSet(request.POST, instance=profile)
        if form.is_valid() and links.is_valid():
            with transaction.atomic():
                form.save()
                links.save()
            messages.success(request, _("Votre profil est enregistré."))
            return redirect("members:edit_profile")
        messages.error(
            request,
            _("Le profil n'a pas été enregistré : corrigez les erreurs signalées."),
        )
    else:
        form = ProfileForm(instance=profile, user=request.user)
        links = ProfileLinkFormSet(instance=profile)
    return render(request, "members/profile_form.html", {"form": form, "links": links})


def member_detail(request, pk):
    member = get_object_or_404(User.objects.select_related("profile"), pk=pk)
    policy.ensure(request.user, member, "view")
    profile = getattr(member, "profile", None)
    shown = visible_fields(request.user, profile) if profile else set()
    return render(
        request,
        "members/member_detail.html",
        {
            "member": member,
            "profile": profile,
            "shown": shown,
            "interests": profile.interests.all()
            if profile and "interests" in shown
            else [],
            "links": profile.links.all() if profile and "links" in shown else [],
        },
    )


@login_required
def directory(request):
    """Members only: search and filters match only what the searcher may see."""
    members = (
        policy.visible_to(User.objects.all(), request.user)
        .filter(profile__isnull=False)
        .select_related("profile")
        .order_by("display_name", "pk")
    )
    # One condition per filter whatever is sent; control characters (a NUL
    # byte is refused by PostgreSQL) and overlong values never reach SQL.
    query = clean_text(request.GET.get("q"))
    territory = request.GET.get("territoire", "")
    theme = clean_text(request.GET.get("theme"))
    organisation = clean_text(request.GET.get("organisation"))
    viewer = request.user
    if query:
        members = members.filter(
            Q(display_name__icontains=query)
            | (
                Q(profile__job_title__icontains=query)
                & field_visible_q("job_title", viewer)
            )
            | (
                Q(profile__organisation__icontains=query)
                & field_visible_q("organisation", viewer)
            )
            | (Q(profile__bio__icontains=query) & field_visible_q("bio", viewer))
        )
    if territory in Territory.values:
        members = members.filter(
            Q(profile__territory=territory) & field_visible_q("territory", viewer)
        )
    if organisation:
        members = members.filter(
            Q(profile__organisation__icontains=organisation)
            & field_visible_q("organisation", viewer)
        )
    if theme:
        members = members.filter(
            Q(profile__interests__slug=theme) & field_visible_q("interests", viewer)
        ).distinct()
    page = paginate(request, members, DIRECTORY_PER_PAGE)
    # Visible fields of each listed member, computed without extra queries.
    rows = []
    for member in page.object_list:
        rows.append((member, visible_fields(viewer, member.profile)))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "members/directory.html",
        {
            "page_obj": page,
            "rows": rows,
            "query": query,
            "territory": territory,
            "theme": theme,
            "organisation": organisation,
            "territories": Territory.choices,
            "themes": Theme.objects.all(),
            "query_string": params.urlencode(),
        },
    )

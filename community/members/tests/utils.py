"""Small builders for the members tests."""

from django.contrib.auth.models import Group

from community.members.choices import CommunityAccess, MembershipRole, TeamRole
from community.members.models import (
    Community,
    LearningTeam,
    Membership,
    Profile,
    TeamMembership,
    User,
)

PASSWORD = "motdepasse-solide-42"


def make_user(name="membre", password=PASSWORD, **extra):
    from allauth.account.models import EmailAddress

    email = f"{name}@example.org"
    user = User.objects.create_user(
        username=name,
        email=email,
        password=password,
        display_name=name.capitalize(),
        **extra,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    Profile.objects.create(user=user)
    return user


def make_community(access=CommunityAccess.PUBLIC, name=None, **fields):
    name = name or f"Communauté {access}"
    from django.utils.text import slugify

    return Community.objects.create(
        name=name, slug=slugify(name), access=access, **fields
    )


def add_member(community, user, role=MembershipRole.MEMBER):
    return Membership.objects.create(community=community, user=user, role=role)


def make_team(community, name="Équipe test", year=2018, members=()):
    from django.utils.text import slugify

    team = LearningTeam.objects.create(
        name=name, slug=slugify(name), community=community, year=year
    )
    for user, role in members:
        TeamMembership.objects.create(
            team=team, user=user, role=role or TeamRole.PARTICIPANT
        )
    return team


def make_editor(name="editrice"):
    """A member of the Wagtail editors group with edit/publish rights on the site."""
    from django.contrib.auth.models import Permission

    from wagtail.models import GroupPagePermission, Page

    user = make_user(name)
    group, _ = Group.objects.get_or_create(name="Éditeurs de test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    root = Page.objects.get(depth=2)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user

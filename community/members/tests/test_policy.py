"""The permission matrix: every kind of object × every kind of person, through
the policy and through HTTP. One table says what is expected; both checks read it."""

from wagtail.models import PageViewRestriction

import pytest

from community.members import policy
from community.members.choices import CommunityAccess, MembershipRole, TeamRole
from community.members.models import Community, LearningTeam
from community.members.tests.utils import (
    add_member,
    make_community,
    make_editor,
    make_team,
    make_user,
)
from home.models import HomePage
from home.tests.utils import make_standard_page

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "outsider", "member", "animateur", "editor", "superuser"]


@pytest.fixture
def world():
    people = {
        "anonymous": None,
        "outsider": make_user("exterieur"),
        "member": make_user("membre"),
        "animateur": make_user("animatrice"),
        "editor": make_editor("editrice"),
        "superuser": make_user("admin", is_superuser=True, is_staff=True),
    }
    objects = {}
    for access in CommunityAccess.values:
        community = make_community(access)
        add_member(community, people["member"])
        add_member(community, people["animateur"], MembershipRole.ANIMATEUR)
        objects[f"{access} community"] = community
    restricted = objects["restricted community"]
    objects["team"] = make_team(
        restricted, members=[(people["member"], TeamRole.PARTICIPANT)]
    )
    home = HomePage.objects.get()
    objects["public page"] = make_standard_page(home, "Page publique")
    login_page = make_standard_page(home, "Page réservée aux membres")
    PageViewRestriction.objects.create(page=login_page, restriction_type="login")
    objects["login page"] = login_page
    objects["draft page"] = make_standard_page(home, "Brouillon", live=False)
    return people, objects


# (object, action) -> the actors allowed, in ACTORS order.
EXPECTED = {
    ("public community", "view"): {
        "anonymous",
        "outsider",
        "member",
        "animateur",
        "editor",
        "superuser",
    },
    ("public community", "contribute"): {"member", "animateur", "superuser"},
    ("public community", "edit"): {"animateur", "superuser"},
    ("public community", "moderate"): {"animateur", "superuser"},
    ("restricted community", "view"): {"member", "animateur", "superuser"},
    ("restricted community", "know"): set(ACTORS),
    ("restricted community", "contribute"): {"member", "animateur", "superuser"},
    ("restricted community", "edit"): {"animateur", "superuser"},
    ("restricted community", "moderate"): {"animateur", "superuser"},
    ("secret community", "view"): {"member", "animateur", "superuser"},
    ("secret community", "know"): {"member", "animateur", "superuser"},
    ("secret community", "edit"): {"animateur", "superuser"},
    ("secret community", "moderate"): {"animateur", "superuser"},
    ("team", "view"): {"member", "animateur", "superuser"},
    ("team", "know"): {"member", "animateur", "superuser"},
    ("team", "edit"): {"member", "animateur", "superuser"},
    ("team", "moderate"): {"animateur", "superuser"},
    ("team", "contribute"): {"member", "superuser"},
    ("public page", "view"): set(ACTORS),
    ("public page", "edit"): {"editor", "superuser"},
    ("public page", "moderate"): {"editor", "superuser"},
    ("login page", "view"): {"outsider", "member", "animateur", "editor", "superuser"},
    ("login page", "know"): set(ACTORS),
    ("draft page", "view"): set(),
    ("draft page", "know"): {"editor", "superuser"},
    ("draft page", "edit"): {"editor", "superuser"},
}

CHECKS = {
    "view": policy.can_view,
    "know": policy.may_know,
    "edit": policy.can_edit,
    "moderate": policy.can_moderate,
    "contribute": policy.can_contribute,
}


def as_user(person):
    from django.contrib.auth.models import AnonymousUser

    return person or AnonymousUser()


@pytest.mark.parametrize(("target", "action"), list(EXPECTED))
def test_policy_answers(world, target, action):
    people, objects = world
    allowed = {
        name
        for name in ACTORS
        if CHECKS[action](as_user(people[name]), objects[target])
    }
    assert allowed == EXPECTED[(target, action)]


@pytest.mark.parametrize(
    ("model", "target"),
    [
        (Community, "public community"),
        (Community, "restricted community"),
        (Community, "secret community"),
        (LearningTeam, "team"),
    ],
)
def test_querysets_match_can_view(world, model, target):
    people, objects = world
    for name in ACTORS:
        user = as_user(people[name])
        listed = (
            policy.visible_to(model.objects.all(), user)
            .filter(pk=objects[target].pk)
            .exists()
        )
        assert listed == policy.can_view(user, objects[target]), name


def test_pages_queryset_matches_can_view(world):
    from wagtail.models import Page

    people, objects = world
    for name in ACTORS:
        user = as_user(people[name])
        visible = set(
            policy.visible_to(Page.objects.all(), user).values_list("pk", flat=True)
        )
        for target in ("public page", "login page", "draft page"):
            page = objects[target]
            assert (page.pk in visible) == policy.can_view(user, page), (name, target)


def login(client, person):
    if person is not None:
        client.force_login(person)


# What each actor gets when opening each object's page.
HTTP_EXPECTED = {
    "restricted community": {
        "anonymous": (200, False),
        "outsider": (200, False),
        "member": (200, True),
        "animateur": (200, True),
        "editor": (200, False),
        "superuser": (200, True),
    },
    "secret community": {
        "anonymous": (404, False),
        "outsider": (404, False),
        "member": (200, True),
        "animateur": (200, True),
        "editor": (404, False),
        "superuser": (200, True),
    },
    "team": {
        "anonymous": (404, None),
        "outsider": (404, None),
        "member": (200, None),
        "animateur": (200, None),
        "editor": (404, None),
        "superuser": (200, None),
    },
}


@pytest.mark.parametrize("target", list(HTTP_EXPECTED))
@pytest.mark.parametrize("actor", ACTORS)
def test_http_answers(client, world, target, actor):
    people, objects = world
    login(client, people[actor])
    response = client.get(objects[target].get_absolute_url())
    status, sees_members = HTTP_EXPECTED[target][actor]
    assert response.status_code == status
    if sees_members is not None and status == 200:
        shows_list = 'id="members-title"' in response.content.decode()
        assert shows_list == sees_members


def test_team_of_a_public_community_is_known_but_refused_to_anonymous(client, world):
    """403 for those who may know it exists: anonymous visitors are sent to log in."""
    people, objects = world
    team = make_team(objects["public community"], name="Équipe ouverte")
    response = client.get(team.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")
    login(client, people["outsider"])
    assert client.get(team.get_absolute_url()).status_code == 200


def test_team_is_forbidden_to_a_non_member_who_knows_it(client, world):
    people, objects = world
    secret_team = make_team(objects["secret community"], name="Équipe secrète")
    stranger = make_user("inconnu")
    # A member of the community but not of the team can view it (community readers).
    login(client, people["member"])
    assert client.get(secret_team.get_absolute_url()).status_code == 200
    client.logout()
    login(client, stranger)
    assert client.get(secret_team.get_absolute_url()).status_code == 404


def test_moderation_pages_refused_with_403_to_members(client, world):
    people, objects = world
    community = objects["restricted community"]
    login(client, people["member"])
    response = client.post(
        f"{community.get_absolute_url()}inviter/", {"email": "x@example.org"}
    )
    assert response.status_code == 403
    assert not community.invitations.exists()

"""Who reads and writes carnets, both ways: every sharing level × every kind
of person, through the policy, its queryset filter and its audience tokens
(which must say the same thing), then through HTTP (404 or 403)."""

import pytest

from community.members import policy
from community.members.models import TeamMembership
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from ..choices import EntryKind, EntrySharing, Sharing
from ..models import Carnet, Entry
from .utils import World, make_entry

pytestmark = pytest.mark.django_db

PEOPLE = ("anonymous", "stranger", "neighbour", "alice", "bruno", "facilitator")


@pytest.fixture
def world():
    return World("regles")


def person(world, name):
    return None if name == "anonymous" else getattr(world, name)


def readers(obj, world):
    return {name for name in PEOPLE if policy.can_view(person(world, name), obj)}


def queryset_readers(obj, world):
    model = type(obj)
    return {
        name
        for name in PEOPLE
        if policy.visible_to(
            model.objects.filter(pk=obj.pk), person(world, name)
        ).exists()
    }


def token_readers(obj, world):
    audience = set(policy.audience(obj))
    return {
        name
        for name in PEOPLE
        if audience & set(policy.tokens_for(person(world, name)))
    }


TEAM = {"alice", "bruno", "facilitator"}
EXPECTED = {
    Sharing.TEAM: TEAM,
    Sharing.COMMUNITY: TEAM | {"neighbour"},
    Sharing.MEMBERS: TEAM | {"neighbour", "stranger"},
    Sharing.PUBLIC: set(PEOPLE),
}


@pytest.mark.parametrize("level", Sharing.values)
def test_carnet_readers_follow_its_sharing(world, level):
    world.carnet.visibility = level
    world.carnet.save()
    carnet = Carnet.objects.select_related("team").get(pk=world.carnet.pk)
    assert readers(carnet, world) == EXPECTED[level]
    assert queryset_readers(carnet, world) == EXPECTED[level]
    assert token_readers(carnet, world) == EXPECTED[level]


@pytest.mark.parametrize("level", Sharing.values)
@pytest.mark.parametrize("carnet_level", [Sharing.TEAM, Sharing.PUBLIC])
def test_entry_readers_follow_its_own_sharing(world, level, carnet_level):
    world.carnet.visibility = carnet_level
    world.carnet.save()
    entry = make_entry(world.carnet, world.alice, visibility=level)
    entry = Entry.objects.get(pk=entry.pk)
    assert readers(entry, world) == EXPECTED[level]
    assert queryset_readers(entry, world) == EXPECTED[level]
    assert token_readers(entry, world) == EXPECTED[level]


@pytest.mark.parametrize("carnet_level", Sharing.values)
def test_entry_following_the_carnet(world, carnet_level):
    world.carnet.visibility = carnet_level
    world.carnet.save()
    entry = make_entry(world.carnet, world.alice, visibility=EntrySharing.CARNET)
    entry = Entry.objects.get(pk=entry.pk)
    assert readers(entry, world) == EXPECTED[carnet_level]
    assert queryset_readers(entry, world) == EXPECTED[carnet_level]
    assert token_readers(entry, world) == EXPECTED[carnet_level]


def test_who_edits_what(world):
    own = make_entry(world.carnet, world.alice, title="À moi")
    collective = make_entry(
        world.carnet, world.alice, title="À nous", kind=EntryKind.COLLECTIVE
    )
    assert policy.can_edit(world.alice, own)
    assert not policy.can_edit(world.bruno, own)  # signed: its author only
    assert not policy.can_edit(world.facilitator, own)
    for member in (world.alice, world.bruno, world.facilitator):
        assert policy.can_edit(member, collective)  # co-edited by the team
    for outsider in (None, world.neighbour, world.stranger):
        assert not policy.can_edit(outsider, collective)
    # Deleting: the author (individual), the facilitateurs (anything).
    assert policy.can_moderate(world.alice, own)
    assert not policy.can_moderate(world.bruno, own)
    assert policy.can_moderate(world.facilitator, collective)
    assert not policy.can_moderate(world.alice, collective)


def test_a_member_who_left_keeps_reading_what_they_wrote_but_cannot_edit(world):
    own = make_entry(world.carnet, world.alice, title="Mon écrit")
    collective = make_entry(
        world.carnet, world.alice, title="Notre synthèse", kind=EntryKind.COLLECTIVE
    )
    TeamMembership.objects.filter(user=world.alice).delete()
    policy.forget(world.alice)
    own = Entry.objects.get(pk=own.pk)
    assert policy.can_view(world.alice, own)
    assert not policy.can_edit(world.alice, own)
    assert not policy.can_view(world.alice, Entry.objects.get(pk=collective.pk))
    assert not policy.can_view(world.alice, Carnet.objects.get(pk=world.carnet.pk))
    client = logged_in_client(world.alice)
    assert client.get(own.get_absolute_url()).status_code == 200
    response = client.get(own.get_absolute_url() + "modifier/")
    assert response.status_code == 403
    assert "ne faites plus partie de l" in response.content.decode()
    response = client.post(
        own.get_absolute_url() + "modifier/",
        {"title": "Changé", "body": "Changé", "moment": "before", "base_version": 1},
    )
    assert response.status_code == 403
    assert Entry.objects.get(pk=own.pk).title == "Mon écrit"


def test_http_refusals_are_404_to_strangers_and_403_to_those_who_know(world):
    entry = make_entry(world.carnet, world.alice, title="Entrée d'équipe")
    url = entry.get_absolute_url()
    assert logged_in_client(world.bruno).get(url).status_code == 200
    # The team is visible in its public community: its members know it.
    assert logged_in_client(world.neighbour).get(url).status_code == 403
    anonymous = logged_in_client(None).get(url)
    assert anonymous.status_code == 404
    carnet_url = world.carnet.get_absolute_url()
    assert logged_in_client(world.alice).get(carnet_url).status_code == 200
    assert logged_in_client(world.stranger).get(carnet_url).status_code == 403


def test_secret_community_teams_carnet_is_unknown_outside(world):
    from community.members.choices import CommunityAccess

    secret = World("secrete", access=CommunityAccess.SECRET)
    entry = make_entry(secret.carnet, secret.alice, title="Secret")
    outsider = make_user("dehors")
    for url in (secret.carnet.get_absolute_url(), entry.get_absolute_url()):
        assert logged_in_client(outsider).get(url).status_code == 404
        assert logged_in_client(secret.bruno).get(url).status_code == 200


def test_facilitator_carnet_is_private_to_the_defis_facilitators():
    from community.challenges.choices import ChallengeRole
    from community.challenges.models import ChallengePerson
    from community.challenges.tests.utils import make_challenge

    from ..choices import FacilitatorSharing
    from ..views.facilitators import carnet_for_challenge

    world = World("facil")
    challenge = make_challenge("Comment faciliter ?", slug="defi-facil")
    challenge.teams.add(world.team)
    challenge.save()
    named = make_user("nommee")
    ChallengePerson.objects.create(
        challenge=challenge, role=ChallengeRole.FACILITATOR, member=named
    )
    carnet = carnet_for_challenge(challenge)
    expected = {
        FacilitatorSharing.FACILITATORS: {"facilitator"},
        FacilitatorSharing.TEAMS: TEAM,
        FacilitatorSharing.MEMBERS: TEAM | {"neighbour", "stranger"},
        FacilitatorSharing.PUBLIC: set(PEOPLE),
    }
    for level, allowed in expected.items():
        carnet.visibility = level
        carnet.save()
        assert readers(carnet, world) == allowed, level
        assert queryset_readers(carnet, world) == allowed, level
        assert token_readers(carnet, world) == allowed, level
        assert policy.can_view(named, carnet)
    assert policy.can_edit(named, carnet)
    assert policy.can_edit(world.facilitator, carnet)
    assert not policy.can_edit(world.alice, carnet)
    url = carnet.get_absolute_url()
    carnet.visibility = FacilitatorSharing.FACILITATORS
    carnet.save()
    assert logged_in_client(world.facilitator).get(url).status_code == 200
    assert logged_in_client(world.alice).get(url).status_code == 403
    assert logged_in_client(named).get(url).status_code == 200

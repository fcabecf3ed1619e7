"""Joining, asking, approving, inviting, leaving, removing — and refusals."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from community.members.choices import CommunityAccess, MembershipRole, RequestStatus
from community.members.models import Invitation, Membership, MembershipRequest
from community.members.tests.utils import (
    add_member,
    make_community,
    make_team,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted():
    community = make_community(CommunityAccess.RESTRICTED, name="Communauté de Rennes")
    animateur = make_user("animatrice")
    add_member(community, animateur, MembershipRole.ANIMATEUR)
    return community, animateur


def url(community, action=""):
    return f"{community.get_absolute_url()}{action}"


def test_joining_a_public_community_is_immediate(client):
    community = make_community(CommunityAccess.PUBLIC)
    user = make_user()
    client.force_login(user)
    client.post(url(community, "rejoindre/"))
    assert Membership.objects.filter(community=community, user=user).exists()


def test_restricted_join_request_is_approved_by_an_animateur(
    client, restricted, django_capture_on_commit_callbacks
):
    community, animateur = restricted
    newcomer = make_user("nouvelle")
    client.force_login(newcomer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(community, "rejoindre/"), {"message": "Je participe au site de Rennes"}
        )
    request = MembershipRequest.objects.get(community=community, user=newcomer)
    assert request.status == RequestStatus.PENDING
    assert not Membership.objects.filter(community=community, user=newcomer).exists()
    assert mail.outbox[-1].to == [animateur.email]
    assert "Nouvelle demande d'adhésion" in mail.outbox[-1].subject
    assert "&#x27;" not in mail.outbox[-1].subject  # plain text, not HTML

    # Asking twice is refused with a message and creates nothing.
    response = client.post(url(community, "rejoindre/"), follow=True)
    assert "déjà en attente" in response.content.decode()
    assert (
        MembershipRequest.objects.filter(community=community, user=newcomer).count()
        == 1
    )

    client.force_login(animateur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(community, f"demandes/{request.pk}/"), {"decision": "approve"})
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    assert Membership.objects.filter(community=community, user=newcomer).exists()
    assert "Bienvenue" in mail.outbox[-1].subject
    assert mail.outbox[-1].to == [newcomer.email]


def test_a_non_animateur_cannot_approve(client, restricted):
    community, _animateur = restricted
    newcomer = make_user("nouvelle")
    request = MembershipRequest.objects.create(community=community, user=newcomer)
    member = make_user("membre")
    add_member(community, member)
    client.force_login(member)
    response = client.post(
        url(community, f"demandes/{request.pk}/"), {"decision": "approve"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING
    assert not Membership.objects.filter(community=community, user=newcomer).exists()


def test_forged_membership_posts_change_nothing(client, restricted):
    community, animateur = restricted
    outsider = make_user("exterieure")
    client.force_login(outsider)
    for action in (f"membres/{animateur.pk}/retirer/", f"membres/{outsider.pk}/role/"):
        response = client.post(url(community, action), {"role": "animateur"})
        assert response.status_code == 403
    assert (
        Membership.objects.get(community=community, user=animateur).role == "animateur"
    )
    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_secret_community_cannot_be_joined_without_invitation(client):
    secret = make_community(CommunityAccess.SECRET)
    client.force_login(make_user())
    response = client.post(url(secret, "rejoindre/"))
    assert response.status_code == 404
    assert not secret.memberships.exists()


def test_invitation_by_email_then_accept_once(
    client, restricted, django_capture_on_commit_callbacks
):
    community, animateur = restricted
    client.force_login(animateur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(community, "inviter/"),
            {"email": "invitee@example.org", "role": "member"},
        )
    invitation = Invitation.objects.get(community=community)
    message = mail.outbox[-1]
    assert message.to == ["invitee@example.org"]
    assert invitation.get_absolute_url() in message.body

    invitee = make_user("invitee")
    client.force_login(invitee)
    client.post(invitation.get_absolute_url())
    assert Membership.objects.filter(community=community, user=invitee).exists()

    # Reused link: clear message, nothing changes.
    other = make_user("autre")
    client.force_login(other)
    response = client.post(invitation.get_absolute_url(), follow=True)
    assert "déjà été utilisée" in response.content.decode()
    assert not Membership.objects.filter(community=community, user=other).exists()


def test_expired_invitation_is_refused(client, restricted):
    community, animateur = restricted
    invitation = Invitation.objects.create(
        community=community,
        email="tard@example.org",
        invited_by=animateur,
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    user = make_user("tard")
    client.force_login(user)
    response = client.post(invitation.get_absolute_url(), follow=True)
    assert "a expiré" in response.content.decode()
    assert not Membership.objects.filter(community=community, user=user).exists()


def test_unknown_invitation_token_is_404(client):
    assert client.get("/communaute/invitations/pas-un-jeton/").status_code == 404


def test_leave_and_last_animateur_must_stay(client, restricted):
    community, animateur = restricted
    member = make_user("membre")
    add_member(community, member)
    team = make_team(community, members=[(member, None)])
    client.force_login(member)
    client.post(url(community, "quitter/"))
    assert not Membership.objects.filter(community=community, user=member).exists()
    assert not team.memberships.filter(user=member).exists()

    client.force_login(animateur)
    response = client.post(url(community, "quitter/"), follow=True)
    assert "seul animateur" in response.content.decode()
    assert Membership.objects.filter(community=community, user=animateur).exists()


def test_animateur_removes_a_member(client, restricted):
    community, animateur = restricted
    member = make_user("membre")
    add_member(community, member)
    client.force_login(animateur)
    client.post(url(community, f"membres/{member.pk}/retirer/"))
    assert not Membership.objects.filter(community=community, user=member).exists()


def test_team_members_add_community_members_only(client, restricted):
    community, _animateur = restricted
    participant = make_user("participante")
    add_member(community, participant)
    team = make_team(community, members=[(participant, None)])
    colleague = make_user("collegue")
    add_member(community, colleague)
    stranger = make_user("etrangere")
    client.force_login(participant)
    client.post(f"{team.get_absolute_url()}ajouter/", {"email": stranger.email})
    assert not team.memberships.filter(user=stranger).exists()
    client.post(f"{team.get_absolute_url()}ajouter/", {"email": colleague.email})
    assert team.memberships.filter(user=colleague).exists()


def test_community_page_query_count_is_constant(
    client, restricted, django_assert_max_num_queries
):
    from community.members.models import Profile, User

    community, animateur = restricted

    def add_members(start, count):
        users = User.objects.bulk_create(
            User(username=f"m{n}", email=f"m{n}@example.org", display_name=f"M {n}")
            for n in range(start, start + count)
        )
        Profile.objects.bulk_create(Profile(user=u) for u in users)
        Membership.objects.bulk_create(
            Membership(community=community, user=u) for u in users
        )

    client.force_login(animateur)
    add_members(0, 10)
    # 21, plus the header's unread count and the « Suivre » section (notifications).
    with django_assert_max_num_queries(23) as small:
        client.get(url(community))
    add_members(10, 1000)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url(community))
    assert "1011 membres" in response.content.decode()


def test_dashboard_lists_spaces_and_activity(client, restricted):
    community, animateur = restricted
    member = make_user("membre")
    add_member(community, member)
    make_team(community, name="Équipe du tableau", members=[(member, None)])
    client.force_login(animateur)
    content = client.get("/communaute/tableau-de-bord/").content.decode()
    assert "Communauté de Rennes" in content
    assert "Membre a rejoint" in content
    assert "Équipe du tableau" in content


def test_community_page_teams_come_in_pages_of_their_own(
    client, restricted, django_assert_max_num_queries
):
    from community.members.views.communities import TEAMS_PER_PAGE

    community, animateur = restricted
    client.force_login(animateur)
    make_team(community, "Équipe 000")
    # As the member list's test: 21, plus the unread count and « Suivre ».
    with django_assert_max_num_queries(23) as small:
        client.get(url(community))
    for n in range(1, 2 * TEAMS_PER_PAGE + 3):
        make_team(community, f"Équipe {n:03d}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        first = client.get(url(community)).content.decode()
    assert first.count('<li class="card"><h3 class="card__title">') == TEAMS_PER_PAGE
    assert "Équipe 000" in first and "Équipe 026" not in first
    assert 'href="?equipes=2"' in first
    last = client.get(url(community, "?equipes=3")).content.decode()
    assert last.count('<li class="card"><h3 class="card__title">') == 3
    assert "Équipe 026" in last and "Équipe 000" not in last
    # The members' own pages keep their parameter.
    assert client.get(url(community, "?page=abc")).status_code == 200

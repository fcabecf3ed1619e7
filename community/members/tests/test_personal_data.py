"""RGPD: the data export holds the member's data only; deletion erases them."""

import json

from django.contrib.sessions.models import Session

import pytest
from allauth.account.models import EmailAddress

from community.members import personal_data
from community.members.models import (
    Membership,
    MembershipRequest,
    Profile,
    TeamMembership,
    TermsConsent,
    User,
)
from community.members.tests.utils import (
    add_member,
    make_community,
    make_team,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    user = make_user("camille")
    Profile.objects.filter(user=user).update(
        bio="Ma présentation à moi", organisation="Rennes"
    )
    TermsConsent.objects.create(user=user, version="2026-11")
    community = make_community(name="Communauté exportée")
    add_member(community, user)
    make_team(community, name="Équipe exportée", members=[(user, None)])
    other = make_user("dominique")
    Profile.objects.filter(user=other).update(bio="Présentation de quelqu'un d'autre")
    add_member(community, other)
    client.force_login(user)
    return user


def test_export_contains_my_data_and_nothing_of_others(client, member):
    response = client.post("/comptes/mes-donnees/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    text = response.content.decode()
    assert data["compte"]["adresse_electronique"] == "camille@example.org"
    assert data["profil"]["presentation"] == "Ma présentation à moi"
    assert data["communautes"]["adhesions"][0]["communaute"] == "Communauté exportée"
    assert data["communautes"]["equipes"][0]["equipe"] == "Équipe exportée"
    assert data["compte"]["consentements"][0]["version"] == "2026-11"
    assert "dominique" not in text
    assert "quelqu'un d'autre" not in text


def test_export_requires_login(client):
    response = client.post("/comptes/mes-donnees/")
    assert response.status_code == 302


def test_delete_account_erases_personal_data(client, member):
    pk = member.pk
    response = client.post(
        "/comptes/supprimer/",
        {"contributions": "anonymise", "email": "camille@example.org"},
    )
    assert response.status_code == 302
    user = User.objects.get(pk=pk)
    assert user.is_deleted and not user.is_active
    assert str(user) == "Membre supprimé"
    assert "camille" not in (user.email + user.username + user.display_name).lower()
    assert not user.has_usable_password()
    for model in (Profile, Membership, TeamMembership, MembershipRequest, TermsConsent):
        assert not model.objects.filter(user_id=pk).exists(), model
    assert not EmailAddress.objects.filter(user_id=pk).exists()
    assert not EmailAddress.objects.filter(email__icontains="camille").exists()
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(pk)
    # Logged out.
    assert client.get("/communaute/tableau-de-bord/").status_code == 302


def test_delete_needs_the_right_confirmation(client, member):
    response = client.post(
        "/comptes/supprimer/",
        {"contributions": "anonymise", "email": "autre@example.org"},
    )
    assert response.status_code == 200
    assert "pas celle de votre compte" in response.content.decode()
    member.refresh_from_db()
    assert member.is_active and not member.is_deleted


def test_deletion_is_all_or_nothing(member, monkeypatch):
    def failing_eraser(user, delete_contributions):
        raise RuntimeError("panne au milieu de l'effacement")

    # After the account eraser, which has then anonymised the account.
    monkeypatch.setattr(
        personal_data,
        "_erasers",
        {
            **personal_data._erasers,
            failing_eraser: (personal_data.ACCOUNT_ORDER + 1, 0),
        },
    )
    with pytest.raises(RuntimeError):
        personal_data.erase_member(member)
    member.refresh_from_db()
    assert member.email == "camille@example.org"
    assert Profile.objects.filter(user=member).exists()


def test_the_account_eraser_runs_last_whatever_the_registration_order(
    member, monkeypatch
):
    """An eraser registered after the account's (an app loaded later: say one
    that removes the member's @mentions) still sees the member's real data."""
    seen = {}

    def later_eraser(user, delete_contributions):
        seen["email"] = User.objects.get(pk=user.pk).email
        seen["username"] = user.username
        seen["communities"] = list(
            Membership.objects.filter(user=user).values_list(
                "community__name", flat=True
            )
        )
        seen["teams"] = TeamMembership.objects.filter(user=user).count()

    monkeypatch.setattr(personal_data, "_erasers", dict(personal_data._erasers))
    personal_data.register_eraser(later_eraser)
    assert personal_data.erasers()[-1] is personal_data.erase_account
    personal_data.erase_member(member)
    assert seen == {
        "email": "camille@example.org",
        "username": "camille",
        "communities": ["Communauté exportée"],
        "teams": 1,
    }
    member.refresh_from_db()
    assert member.is_deleted
    assert member.email == f"membre-supprime-{member.pk}@invalid"

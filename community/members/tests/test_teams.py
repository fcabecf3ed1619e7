"""Self-managed learning teams: creating, joining (open, on request, capped),
deciding, naming facilitateurs, leaving — each both ways, with bad inputs."""

import html
import threading

from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

import pytest

from community.members import policy, teams
from community.members.choices import (
    CommunityAccess,
    MembershipRole,
    RequestStatus,
    TeamJoinPolicy,
    TeamRole,
)
from community.members.models import (
    LearningTeam,
    TeamJoinRequest,
    TeamMembership,
)
from community.members.models.teams import name_key
from community.members.personal_data import erase_member, export_member_data
from community.members.tests.utils import (
    add_member,
    make_community,
    make_team,
    make_user,
)

pytestmark = pytest.mark.django_db

F, P = TeamRole.FACILITATEUR, TeamRole.PARTICIPANT
THIS_YEAR = timezone.localdate().year


@pytest.fixture(autouse=True)
def mail_at_once(monkeypatch):
    """The team's mails are queued after commit (``home.mail``, tested there);
    the test transaction never commits, so send them at once here."""
    from home import mail as home_mail

    monkeypatch.setattr(
        home_mail.transaction, "on_commit", lambda func, **kwargs: func()
    )


@pytest.fixture
def world():
    return build_world()


def build_world():
    """A public community with an animateur, a facilitatrice and a participant
    in one open team, a community member outside it and a stranger."""
    community = make_community(CommunityAccess.PUBLIC, name="Communauté des équipes")
    people = {
        name: make_user(name)
        for name in ("animatrice", "facilitatrice", "participant", "voisine", "autre")
    }
    add_member(community, people["animatrice"], MembershipRole.ANIMATEUR)
    for name in ("facilitatrice", "participant", "voisine"):
        add_member(community, people[name])
    team = make_team(
        community,
        name="Équipe Mobilités",
        members=[(people["facilitatrice"], F), (people["participant"], P)],
    )
    return community, team, people


def text(response):
    return html.unescape(response.content.decode())


def page(client, team):
    return text(client.get(team.get_absolute_url()))


def post(client, team, action, data=None, follow=False):
    return client.post(f"{team.get_absolute_url()}{action}", data or {}, follow=follow)


def members_of(team):
    return dict(
        TeamMembership.objects.filter(team=team).values_list("user__username", "role")
    )


def create_url(community):
    return reverse("members:team_create", args=[community.slug])


def creation(name="Les Défricheurs", **extra):
    return {
        "name": name,
        "year": str(THIS_YEAR),
        "description": "Apprendre le design de services.",
        "join_policy": TeamJoinPolicy.OPEN,
        "max_size": "",
        **extra,
    }


# --- Creating a team ----------------------------------------------------------


class TestCreate:
    def test_a_community_member_creates_a_team_and_facilitates_it(self, client, world):
        community, _team, people = world
        client.force_login(people["voisine"])
        assert client.get(create_url(community)).status_code == 200
        response = client.post(create_url(community), creation(), follow=True)
        team = LearningTeam.objects.get(community=community, name="Les Défricheurs")
        assert response.redirect_chain[-1][0] == team.get_absolute_url()
        assert "vous en êtes le facilitateur" in text(response)
        assert members_of(team) == {"voisine": F}
        assert (team.year, team.slug) == (THIS_YEAR, f"les-defricheurs-{THIS_YEAR}")
        dashboard = text(client.get("/communaute/tableau-de-bord/"))
        assert "Les Défricheurs" in dashboard

    def test_outsiders_may_not_create(self, client, world):
        community, _team, people = world
        client.force_login(people["autre"])
        assert client.get(create_url(community)).status_code == 403
        assert client.post(create_url(community), creation()).status_code == 403
        secret = make_community(CommunityAccess.SECRET, name="Cercle secret")
        assert client.get(create_url(secret)).status_code == 404
        client.logout()
        response = client.post(create_url(community), creation())
        assert response.status_code == 302 and "/comptes/login/" in response.url
        assert not LearningTeam.objects.filter(name="Les Défricheurs").exists()

    @pytest.mark.parametrize(
        "name", ["Équipe Mobilités", "equipe mobilites", "  ÉQUIPE   MOBILITÉS "]
    )
    def test_a_name_taken_in_the_community_is_refused(self, client, world, name):
        community, _team, people = world
        client.force_login(people["voisine"])
        response = client.post(create_url(community), creation(name))
        assert response.status_code == 200
        assert "Une équipe porte déjà ce nom dans cette e-communauté" in (
            text(response)
        )
        assert LearningTeam.objects.filter(community=community).count() == 1

    def test_the_same_name_in_another_community_is_fine(self, client, world):
        _community, _team, people = world
        other = make_community(CommunityAccess.PUBLIC, name="Autre communauté")
        add_member(other, people["voisine"])
        client.force_login(people["voisine"])
        client.post(create_url(other), creation("Équipe Mobilités"))
        assert LearningTeam.objects.filter(community=other).count() == 1

    def test_bad_inputs_give_french_messages_and_save_nothing(self, client, world):
        community, _team, people = world
        client.force_login(people["voisine"])
        response = client.post(
            create_url(community),
            creation(name="", year="1850", max_size="1", join_policy="x"),
        )
        content = text(response)
        assert response.status_code == 200
        assert "Nom : Champ requis." in content
        assert "Sélectionnez un choix valide" in content
        assert "supérieure ou égale à 2" in content
        assert LearningTeam.objects.filter(community=community).count() == 1

    def test_name_key_ignores_case_accents_and_spaces(self):
        assert name_key("  Équipe   MOBILITÉS ") == name_key("equipe mobilites")
        assert name_key("Œuvre") != name_key("Oeuvre")  # not a letter-by-letter rule


class TestJoin:
    def test_a_community_member_joins_an_open_team(self, client, world):
        _community, team, people = world
        client.force_login(people["voisine"])
        assert "Rejoindre l'équipe</button>" in page(client, team)
        response = post(client, team, "rejoindre/", follow=True)
        assert "Bienvenue dans l'équipe" in text(response)
        assert members_of(team)["voisine"] == P
        response = post(client, team, "rejoindre/", follow=True)
        assert "déjà partie de cette équipe" in text(response)

    def test_a_non_member_of_the_community_is_told_to_join_it_first(
        self, client, world
    ):
        community, team, people = world
        client.force_login(people["autre"])
        content = page(client, team)
        assert "il faut d'abord être membre de son e-communauté" in content
        assert f'href="{community.get_absolute_url()}"' in content
        assert "Rejoindre l'équipe</button>" not in content
        assert post(client, team, "rejoindre/").status_code == 403
        assert "autre" not in members_of(team)

    def test_a_team_of_a_restricted_community_is_unknown_to_strangers(
        self, client, world
    ):
        _community, _team, people = world
        restricted = make_community(CommunityAccess.RESTRICTED, name="Réservée")
        team = make_team(restricted, name="Équipe réservée")
        client.force_login(people["autre"])
        assert client.get(team.get_absolute_url()).status_code == 404
        assert post(client, team, "rejoindre/").status_code == 404

    def test_joining_a_full_team_is_refused_with_a_message(self, client, world):
        _community, team, people = world
        team.max_size = 2
        team.save()
        client.force_login(people["voisine"])
        content = page(client, team)
        assert "L'équipe est complète (2 membres au plus)" in content
        response = post(client, team, "rejoindre/", follow=True)
        assert "est complète (2 membres au plus)" in text(response)
        assert len(members_of(team)) == 2

    def test_the_cap_also_holds_when_a_member_adds_a_colleague(self, client, world):
        _community, team, people = world
        team.max_size = 2
        team.save()
        client.force_login(people["participant"])
        response = post(
            client, team, "ajouter/", {"email": people["voisine"].email}, follow=True
        )
        assert "est complète" in text(response)
        assert len(members_of(team)) == 2


class TestRequests:
    @pytest.fixture
    def on_request(self, world):
        _community, team, _people = world
        team.join_policy = TeamJoinPolicy.ON_REQUEST
        team.save()
        return world

    def ask(self, client, team, user, message="Je voudrais participer."):
        client.force_login(user)
        return post(client, team, "rejoindre/", {"message": message}, follow=True)

    def test_asking_mails_the_facilitateurs(self, client, on_request):
        _community, team, people = on_request
        client.force_login(people["voisine"])
        assert "Demander à rejoindre" in page(client, team)
        response = self.ask(client, team, people["voisine"])
        assert "Votre demande est envoyée" in text(response)
        assert "voisine" not in members_of(team)
        assert "Annuler ma demande" in page(client, team)
        (message,) = mail.outbox
        assert message.to == [people["facilitatrice"].email]
        assert "Voisine demande à rejoindre l'équipe apprenante" in message.body
        assert "Je voudrais participer." in message.body
        response = self.ask(client, team, people["voisine"])
        assert "déjà en attente" in text(response)

    def test_a_facilitatrice_accepts_and_the_member_is_told(self, client, on_request):
        _community, team, people = on_request
        self.ask(client, team, people["voisine"])
        join_request = TeamJoinRequest.objects.get(team=team)
        client.force_login(people["facilitatrice"])
        assert "Accepter Voisine" in page(client, team)
        dashboard = text(client.get("/communaute/tableau-de-bord/"))
        assert "Demandes à examiner" in dashboard and "Équipe Mobilités" in dashboard
        post(client, team, f"demandes/{join_request.pk}/", {"decision": "approve"})
        assert members_of(team)["voisine"] == P
        join_request.refresh_from_db()
        assert join_request.status == RequestStatus.APPROVED
        assert join_request.decided_by == people["facilitatrice"]
        assert mail.outbox[-1].to == [people["voisine"].email]
        assert "a été acceptée" in mail.outbox[-1].body

    def test_an_animateur_refuses(self, client, on_request):
        _community, team, people = on_request
        self.ask(client, team, people["voisine"])
        join_request = TeamJoinRequest.objects.get(team=team)
        client.force_login(people["animatrice"])
        post(client, team, f"demandes/{join_request.pk}/", {"decision": "reject"})
        join_request.refresh_from_db()
        assert join_request.status == RequestStatus.REJECTED
        assert "voisine" not in members_of(team)
        assert "n'a pas été acceptée" in mail.outbox[-1].body
        response = post(
            client, team, f"demandes/{join_request.pk}/", {"decision": "approve"}
        )
        assert response.status_code == 302
        assert "voisine" not in members_of(team)

    def test_only_those_who_moderate_the_team_decide(self, client, on_request):
        _community, team, people = on_request
        self.ask(client, team, people["voisine"])
        join_request = TeamJoinRequest.objects.get(team=team)
        path = f"demandes/{join_request.pk}/"
        client.force_login(people["voisine"])  # may see it, may not decide
        assert post(client, team, path, {"decision": "approve"}).status_code == 403
        client.force_login(people["participant"])  # may not know it exists
        assert post(client, team, path, {"decision": "approve"}).status_code == 404
        assert "Accepter Voisine" not in page(client, team)
        client.force_login(people["autre"])
        assert post(client, team, path, {"decision": "approve"}).status_code == 404
        join_request.refresh_from_db()
        assert join_request.is_pending

    def test_accepting_into_a_full_team_is_refused(self, client, on_request):
        _community, team, people = on_request
        self.ask(client, team, people["voisine"])
        team.max_size = 2
        team.save()
        join_request = TeamJoinRequest.objects.get(team=team)
        client.force_login(people["facilitatrice"])
        response = post(
            client,
            team,
            f"demandes/{join_request.pk}/",
            {"decision": "approve"},
            follow=True,
        )
        assert "Augmentez sa taille maximale ou refusez" in text(response)
        join_request.refresh_from_db()
        assert join_request.is_pending and "voisine" not in members_of(team)

    def test_the_requester_withdraws_and_nobody_else_may(self, client, on_request):
        _community, team, people = on_request
        self.ask(client, team, people["voisine"])
        join_request = TeamJoinRequest.objects.get(team=team)
        path = f"demandes/{join_request.pk}/annuler/"
        client.force_login(people["facilitatrice"])
        assert post(client, team, path).status_code == 403
        client.force_login(people["participant"])
        assert post(client, team, path).status_code == 404
        client.force_login(people["voisine"])
        response = post(client, team, path, follow=True)
        assert "Votre demande est annulée" in text(response)
        join_request.refresh_from_db()
        assert join_request.status == RequestStatus.CANCELLED
        assert "Demander à rejoindre" in page(client, team)

    def test_in_a_team_on_request_only_facilitateurs_add_directly(
        self, client, on_request
    ):
        _community, team, people = on_request
        client.force_login(people["participant"])
        response = post(client, team, "ajouter/", {"email": people["voisine"].email})
        assert response.status_code == 403
        client.force_login(people["facilitatrice"])
        post(client, team, "ajouter/", {"email": people["voisine"].email})
        assert members_of(team)["voisine"] == P

    def test_leaving_the_community_withdraws_the_request(self, client, on_request):
        community, team, people = on_request
        self.ask(client, team, people["voisine"])
        client.post(f"{community.get_absolute_url()}quitter/")
        assert TeamJoinRequest.objects.get(team=team).status == RequestStatus.CANCELLED


# --- Leaving, roles, settings ---------------------------------------------------


class TestLeaveAndRoles:
    def test_a_participant_leaves(self, client, world):
        _community, team, people = world
        client.force_login(people["participant"])
        response = post(client, team, "quitter/", follow=True)
        assert "Vous avez quitté l'équipe" in text(response)
        assert "participant" not in members_of(team)

    def test_only_members_leave(self, client, world):
        _community, team, people = world
        client.force_login(people["voisine"])
        assert post(client, team, "quitter/").status_code == 403

    def test_the_last_facilitatrice_names_another_before_leaving(self, client, world):
        _community, team, people = world
        client.force_login(people["facilitatrice"])
        assert "Vous êtes le seul facilitateur de l'équipe" in page(client, team)
        response = post(client, team, "quitter/", follow=True)
        assert "nommez d'abord un autre facilitateur" in text(response)
        assert members_of(team)["facilitatrice"] == F
        # Stepping down as facilitatrice is refused the same way.
        path = f"membres/{people['facilitatrice'].pk}/role/"
        response = post(client, team, path, {"role": P}, follow=True)
        assert "garde au moins un facilitateur" in text(response)
        path = f"membres/{people['participant'].pk}/role/"
        response = post(client, team, path, {"role": F}, follow=True)
        assert "est maintenant facilitateur" in text(response)
        post(client, team, "quitter/")
        assert members_of(team) == {"participant": F}

    def test_the_last_member_leaves_an_empty_team_and_animateurs_are_told(
        self, client, world
    ):
        _community, _team, people = world
        community = make_community(name="Petite communauté")
        add_member(community, people["animatrice"], MembershipRole.ANIMATEUR)
        add_member(community, people["voisine"])
        add_member(community, people["participant"])
        team = make_team(community, name="Solo", members=[(people["voisine"], F)])
        client.force_login(people["voisine"])
        post(client, team, "quitter/")
        assert LearningTeam.objects.filter(pk=team.pk).exists()
        assert members_of(team) == {}
        (message,) = mail.outbox
        assert message.to == [people["animatrice"].email]
        assert "n'a plus de membre" in message.subject
        client.force_login(people["participant"])
        assert "la première personne qui la rejoint" in page(client, team)
        post(client, team, "rejoindre/")
        assert members_of(team) == {"participant": F}

    def test_who_names_facilitateurs(self, client, world):
        community, team, people = world
        path = f"membres/{people['participant'].pk}/role/"
        client.force_login(people["participant"])
        assert "Nommer" not in page(client, team)
        assert post(client, team, path, {"role": F}).status_code == 403
        client.force_login(people["voisine"])
        assert post(client, team, path, {"role": F}).status_code == 403
        client.force_login(people["autre"])
        assert post(client, team, path, {"role": F}).status_code == 403
        assert members_of(team)["participant"] == P
        client.force_login(people["animatrice"])
        assert "Nommer Participant facilitateur" in page(client, team)
        post(client, team, path, {"role": F})
        assert members_of(team)["participant"] == F
        response = post(client, team, path, {"role": "chef"}, follow=True)
        assert "Rôle inconnu" in text(response)
        path = f"membres/{people['voisine'].pk}/role/"
        response = post(client, team, path, {"role": F}, follow=True)
        assert "ne fait pas partie de l'équipe" in text(response)

    def test_settings_are_for_those_who_moderate(self, client, world):
        _community, team, people = world
        data = {"join_policy": TeamJoinPolicy.ON_REQUEST, "max_size": "4"}
        client.force_login(people["participant"])
        assert "Accueil des nouveaux membres" not in page(client, team)
        assert post(client, team, "reglages/", data).status_code == 403
        client.force_login(people["facilitatrice"])
        post(client, team, "reglages/", data)
        team.refresh_from_db()
        assert (team.join_policy, team.max_size) == (TeamJoinPolicy.ON_REQUEST, 4)
        response = post(client, team, "reglages/", {**data, "max_size": "1"})
        assert "supérieure ou égale à 2" in text(response)
        add_member(team.community, people["autre"])
        for name in ("voisine", "autre"):
            TeamMembership.objects.create(team=team, user=people[name])
        response = post(client, team, "reglages/", {**data, "max_size": "3"})
        assert "compte déjà 4 membres" in text(response)
        team.refresh_from_db()
        assert team.max_size == 4

    def test_renaming_to_a_taken_name_is_refused(self, client, world):
        community, team, people = world
        make_team(community, name="Les Voisins")
        client.force_login(people["participant"])
        response = post(client, team, "modifier/", {"name": "les voisins"})
        assert "Une équipe porte déjà ce nom" in text(response)
        team.refresh_from_db()
        assert team.name == "Équipe Mobilités"
        post(client, team, "modifier/", {"name": "Équipe mobilités", "description": ""})
        team.refresh_from_db()
        assert team.name == "Équipe mobilités"  # its own name, in other letters


# --- Policy, search, personal data, query counts -----------------------------------


def test_join_requests_are_private_to_the_requester_and_those_who_decide(world):
    _community, team, people = world
    team.join_policy = TeamJoinPolicy.ON_REQUEST
    team.save()
    join_request = teams.join(people["voisine"], team, "Bonjour")
    for name in people:
        policy.forget(people[name])
    seen = {
        name for name, user in people.items() if policy.can_view(user, join_request)
    }
    assert seen == {"voisine", "facilitatrice", "animatrice"}
    listed = {
        name
        for name, user in people.items()
        if policy.visible_to(TeamJoinRequest.objects.all(), user)
        .filter(pk=join_request.pk)
        .exists()
    }
    assert listed == seen
    deciders = {n for n, u in people.items() if policy.can_moderate(u, join_request)}
    assert deciders == {"facilitatrice", "animatrice"}


def test_a_created_team_is_found_by_search(client, world, monkeypatch):
    from search import sync

    monkeypatch.setattr(sync.transaction, "on_commit", lambda func, **kw: func())
    community, _team, people = world
    client.force_login(people["voisine"])
    client.post(create_url(community), creation("Les Quokkas apprenants"))
    results = client.get("/recherche/api/", {"q": "quokkas"}).json()["results"]
    assert [hit["title"] for hit in results] == ["Les Quokkas apprenants"]


def test_join_requests_are_exported_and_erased(world):
    _community, team, people = world
    team.join_policy = TeamJoinPolicy.ON_REQUEST
    team.save()
    teams.join(people["voisine"], team, "Mon message")
    exported = export_member_data(people["voisine"])["communautes"]
    assert exported["demandes_equipes"][0]["equipe"] == "Équipe Mobilités"
    assert exported["demandes_equipes"][0]["message"] == "Mon message"
    erase_member(people["voisine"])
    assert not TeamJoinRequest.objects.filter(user=people["voisine"]).exists()


def test_team_page_query_count_is_constant(
    client, world, django_assert_max_num_queries
):
    from community.members.models import Membership, Profile, User

    community, team, people = world
    team.join_policy = TeamJoinPolicy.ON_REQUEST
    team.save()

    def grow(start, count):
        users = User.objects.bulk_create(
            User(username=f"t{n}", email=f"t{n}@example.org", display_name=f"T {n}")
            for n in range(start, start + count)
        )
        Profile.objects.bulk_create(Profile(user=u) for u in users)
        Membership.objects.bulk_create(
            Membership(community=community, user=u) for u in users
        )
        TeamMembership.objects.bulk_create(
            TeamMembership(team=team, user=u) for u in users[: count // 2]
        )
        TeamJoinRequest.objects.bulk_create(
            TeamJoinRequest(team=team, user=u) for u in users[count // 2 :]
        )

    for viewer in ("facilitatrice", "voisine"):
        client.force_login(people[viewer])
        grow(0 if viewer == "facilitatrice" else 100, 4)
        with django_assert_max_num_queries(30) as small:
            client.get(team.get_absolute_url())
        grow(1000 if viewer == "facilitatrice" else 2000, 80)
        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(team.get_absolute_url())
        assert response.status_code == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Verrous de ligne (SELECT … FOR UPDATE) : à lancer sur PostgreSQL "
    "(DATABASE_URL=postgres://…), SQLite sérialise déjà les écritures.",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_joins_never_exceed_the_cap():
    """Twelve members try for the last three places at the same instant."""
    community = make_community(name="Course aux places")
    founder = make_user("fondatrice")
    add_member(community, founder)
    team = make_team(community, name="Équipe convoitée", members=[(founder, F)])
    team.max_size = 4
    team.save()
    users = [make_user(f"course{i}") for i in range(12)]
    for user in users:
        add_member(community, user)
    barrier = threading.Barrier(len(users))
    outcomes = []

    def attempt(user):
        from django.db import connections

        try:
            barrier.wait()
            teams.join(user, team)
            outcomes.append("ok")
        except teams.MembershipError:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 3
    assert outcomes.count("full") == 9
    assert TeamMembership.objects.filter(team=team).count() == 4


def test_the_database_refuses_a_duplicate_created_at_the_same_moment(
    world, monkeypatch
):
    """Two members create « the same » team at once: the first check passes for
    both, the database's unique name key stops the second."""
    community, _team, people = world
    checks = []
    real = LearningTeam.name_taken

    def first_check_misses(self):
        checks.append(self.name)
        return False if len(checks) == 1 else real(self)

    monkeypatch.setattr(LearningTeam, "name_taken", first_check_misses)
    with pytest.raises(teams.DuplicateTeamName):
        teams.create_team(
            community, people["voisine"], name="ÉQUIPE mobilités", year=THIS_YEAR
        )
    assert LearningTeam.objects.filter(community=community).count() == 1
    assert len(checks) == 2

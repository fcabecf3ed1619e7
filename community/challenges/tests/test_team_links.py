"""Learning teams formed on a défi (the défis app registers the team link):
which défis are offered, kept through drafts, refused when unseen."""

from django.urls import reverse

import pytest

from community.challenges.tests.utils import make_challenge
from community.events.tests.utils import make_edition
from community.members import policy
from community.members.choices import CommunityAccess
from community.members.models import LearningTeam
from community.members.tests.test_teams import (
    THIS_YEAR,
    build_world,
    create_url,
    creation,
    page,
    text,
)
from community.members.tests.utils import add_member, make_community

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


class TestChallengeLink:
    def test_a_team_formed_on_a_defi(self, client, world):
        community, _team, people = world
        edition = make_edition(slug="edition-equipes", year=THIS_YEAR)
        challenge = make_challenge(
            "Comment accueillir les équipes ?", slug="defi-equipes", edition=edition
        )
        client.force_login(people["voisine"])
        form = client.get(f"{create_url(community)}?defi={challenge.pk}")
        content = text(form)
        assert f'<option value="{challenge.pk}" selected>' in content
        assert f'<option value="{THIS_YEAR}" selected>' in content
        client.post(create_url(community), creation(defi=str(challenge.pk)))
        team = LearningTeam.objects.get(name="Les Défricheurs")
        assert list(challenge.teams.all()) == [team]
        # The team page names its défi; the défi page names its team.
        assert "Comment accueillir les équipes" in page(client, team)
        assert "Les Défricheurs" in text(client.get(challenge.url))
        # Its members now contribute to the défi (étapes, exposition).
        assert policy.can_contribute(people["voisine"], challenge)

    def test_a_pending_draft_keeps_the_team_when_published(self, client, world):
        community, _team, people = world
        challenge = make_challenge("Comment garder l'équipe ?", slug="defi-brouillon")
        challenge.collectivity = "Brouillon en attente"
        challenge.save_revision()
        client.force_login(people["voisine"])
        client.post(create_url(community), creation(defi=str(challenge.pk)))
        team = LearningTeam.objects.get(name="Les Défricheurs")
        challenge.refresh_from_db()
        challenge.get_latest_revision().publish()
        challenge.refresh_from_db()
        assert challenge.collectivity == "Brouillon en attente"
        assert list(challenge.teams.all()) == [team]

    def test_defi_of_another_year_or_unseen_is_refused(self, client, world):
        community, _team, people = world
        edition = make_edition(slug="edition-2018-equipes", year=2018)
        challenge = make_challenge("Comment dater ?", slug="defi-date", edition=edition)
        draft = make_challenge("Comment cacher ?", slug="defi-cache")
        draft.unpublish()
        client.force_login(people["voisine"])
        response = client.post(create_url(community), creation(defi=str(challenge.pk)))
        assert "Ce défi appartient à l'édition 2018" in text(response)
        response = client.post(create_url(community), creation(defi=str(draft.pk)))
        assert "Sélectionnez un choix valide" in text(response)
        assert not LearningTeam.objects.filter(name="Les Défricheurs").exists()

    def test_former_une_equipe_from_the_defi_page(self, client, world):
        community, _team, people = world
        challenge = make_challenge("Comment partir du défi ?", slug="defi-depart")
        content = text(client.get(challenge.url))
        start = f"{reverse('members:team_start')}?defi={challenge.pk}"
        assert "Former une équipe sur ce défi" in content and start in content
        client.force_login(people["voisine"])  # one community: straight to the form
        response = client.get(start)
        assert response.url == f"{create_url(community)}?defi={challenge.pk}"
        add_member(make_community(name="Deuxième"), people["voisine"])
        assert "Dans laquelle" in text(client.get(start))
        client.force_login(people["autre"])
        assert "rejoignez-en d'abord une" in text(client.get(start))

    def test_a_secret_communitys_team_stays_hidden_on_a_public_defi(
        self, client, world
    ):
        _community, _team, people = world
        secret = make_community(CommunityAccess.SECRET, name="Cercle discret")
        add_member(secret, people["voisine"])
        challenge = make_challenge("Comment se taire ?", slug="defi-discret")
        client.force_login(people["voisine"])
        client.post(create_url(secret), creation("Équipe discrète"))
        for viewer in (None, people["autre"]):
            client.logout()
            if viewer:
                client.force_login(viewer)
            assert "Équipe discrète" not in text(client.get(challenge.url))
        client.force_login(people["voisine"])
        assert list(challenge.teams.all()) == []  # no défi chosen: nothing linked
        team = LearningTeam.objects.get(name="Équipe discrète")
        challenge.teams.add(team)
        challenge.save()
        assert "Équipe discrète" in text(client.get(challenge.url))
        client.force_login(people["autre"])
        assert "Équipe discrète" not in text(client.get(challenge.url))


# --- Joining ------------------------------------------------------------------------

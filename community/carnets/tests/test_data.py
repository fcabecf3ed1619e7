"""Personal data, search, follow-up reminders, the organisers' overview and
the facilitator's carnet."""

from datetime import date, timedelta

import pytest

from community.members.personal_data import erase_member, export_member_data
from search.registry import adapter_for_key, key_for
from tests.support.sessions import logged_in_client

from ..choices import Checkpoint, EntryKind, Moment
from ..models import CarnetReminder, Entry, EntryRevision
from ..reminders import send_follow_up_reminders
from .utils import World, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World("donnees")


class TestPersonalData:
    def test_my_entries_are_in_my_data(self, world):
        make_entry(world.carnet, world.alice, title="Mon écrit", body="Mon texte")
        data = export_member_data(world.alice)["carnets"]
        assert [e["titre"] for e in data["entrees"]] == ["Mon écrit"]
        assert data["entrees"][0]["texte"] == "Mon texte"

    def test_erasing_keeps_collective_and_deletes_individual(self, world):
        own = make_entry(world.carnet, world.alice, title="Individuelle")
        collective = make_entry(
            world.carnet, world.alice, title="Collective", kind=EntryKind.COLLECTIVE
        )
        erase_member(world.alice, delete_contributions=False)
        assert not Entry.objects.filter(pk=own.pk).exists()
        kept = Entry.objects.get(pk=collective.pk)
        assert str(kept.revisions.get().author) == "Membre supprimé"

    def test_the_team_may_keep_departed_members_entries(self, world):
        world.carnet.keep_departed_entries = True
        world.carnet.save()
        own = make_entry(world.carnet, world.alice, title="Gardée")
        erase_member(world.alice, delete_contributions=False)
        assert Entry.objects.get(pk=own.pk).signature() == "Membre supprimé"
        other = make_entry(world.carnet, world.bruno, title="Effacée")
        erase_member(world.bruno, delete_contributions=True)
        assert not Entry.objects.filter(pk=other.pk).exists()
        assert not EntryRevision.objects.filter(entry_id=other.pk).exists()


class TestSearch:
    def document(self, entry):
        key = key_for(entry)
        return adapter_for_key(key).indexed(Entry.objects.get(pk=entry.pk))

    def test_team_only_entries_are_found_by_the_team_only(self, world):
        entry = make_entry(world.carnet, world.alice, title="Privée")
        audience = self.document(entry).audience
        assert f"t:{world.team.pk}" in audience
        assert not {"public", "auth", f"c:{world.community.pk}"} & set(audience)

    def test_shared_entries_carry_the_policys_audience(self, world):
        public = make_entry(
            world.carnet, world.alice, title="Publique", visibility="public"
        )
        document = self.document(public)
        assert document.title == "Publique" and "public" in document.audience
        community = make_entry(
            world.carnet, world.alice, title="Communauté", visibility="communaute"
        )
        audience = self.document(community).audience
        assert f"c:{world.community.pk}" in audience and "public" not in audience
        assert "auth" not in audience


class TestReminders:
    @pytest.fixture
    def edition(self, world):
        from community.events.tests.utils import make_edition

        edition = make_edition(slug="edition-suites", start=date(2031, 7, 8), days=3)
        edition.teams.add(world.team)
        edition.save()
        return edition

    def test_the_team_is_reminded_once_per_checkpoint(
        self, world, edition, mailoutbox, django_capture_on_commit_callbacks
    ):
        make_entry(
            world.carnet,
            world.alice,
            title="Présenter le prototype",
            kind=EntryKind.COLLECTIVE,
            moment=Moment.AFTER,
        )
        with django_capture_on_commit_callbacks(execute=True):
            assert send_follow_up_reminders(date(2031, 8, 9)) == 0  # too early
            assert send_follow_up_reminders(date(2031, 8, 10)) == 1
            assert send_follow_up_reminders(date(2031, 8, 11)) == 0  # once
        assert len(mailoutbox) == 3
        assert "Présenter le prototype" in mailoutbox[0].body
        assert CarnetReminder.objects.filter(checkpoint=Checkpoint.ONE_MONTH).exists()

    def test_no_reminder_when_the_team_wrote_its_follow_up(self, world, edition):
        make_entry(
            world.carnet,
            world.alice,
            moment=Moment.FOLLOW_UP,
            checkpoint=Checkpoint.THREE_MONTHS,
            kind=EntryKind.COLLECTIVE,
        )
        assert send_follow_up_reminders(date(2031, 10, 12)) == 0

    def test_the_command(self, world, edition):
        from io import StringIO

        from django.core.management import call_command

        out = StringIO()
        call_command("send_carnet_reminders", stdout=out)
        assert "Relances des suites envoyées" in out.getvalue()


class TestOverview:
    @pytest.fixture
    def edition(self, world):
        from community.events.tests.utils import make_edition

        edition = make_edition(slug="edition-suivi")
        edition.teams.add(world.team)
        edition.save()
        return edition

    def test_organisers_see_counts_not_content(self, world, edition):
        from community.members.models import User

        make_entry(world.carnet, world.alice, title="Très privé", body="Contenu privé")
        admin = User.objects.create_superuser("orga", "orga@example.org", "x")
        response = logged_in_client(admin).get(
            f"/communaute/carnets/editions/{edition.pk}/"
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert world.team.name in page and "1 entrée" in page
        assert "Très privé" not in page and "Contenu privé" not in page

    def test_members_may_not(self, world, edition):
        url = f"/communaute/carnets/editions/{edition.pk}/"
        assert logged_in_client(world.alice).get(url).status_code == 403

    def test_nudge_the_teams_behind(
        self, world, edition, mailoutbox, django_capture_on_commit_callbacks
    ):
        from community.members.models import User

        admin = User.objects.create_superuser("orga2", "orga2@example.org", "x")
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in_client(admin).post(
                f"/communaute/carnets/editions/{edition.pk}/relancer/",
                {"moment": "during"},
            )
        assert response.status_code == 302
        assert sorted(m.to[0] for m in mailoutbox) == sorted(
            [world.alice.email, world.bruno.email, world.facilitator.email]
        )
        bad = logged_in_client(admin).post(
            f"/communaute/carnets/editions/{edition.pk}/relancer/", {"moment": "x"}
        )
        assert bad.status_code == 302


class TestFacilitatorCarnet:
    @pytest.fixture
    def challenge(self, world):
        from community.challenges.tests.utils import make_challenge

        challenge = make_challenge("Comment animer ?", slug="defi-animer")
        challenge.teams.add(world.team)
        challenge.save()
        return challenge

    def url(self, challenge):
        return f"/communaute/defis/{challenge.pk}/carnet-du-facilitateur/"

    def test_facilitator_prepares_a_step(self, world, challenge):
        client = logged_in_client(world.facilitator)
        page = client.get(self.url(challenge))
        assert page.status_code == 200
        assert "Étape 1 — s&#x27;approprier le défi" in page.content.decode()
        assert "Exposition collective des défis" in page.content.decode()
        response = client.post(
            self.url(challenge),
            {
                "step": 2,
                "etape-2-objectives": "Comprendre les usagers",
                "etape-2-timing": "Une demi-journée",
                "etape-2-base_version": 1,
            },
        )
        assert response.status_code == 302
        step = challenge.facilitator_carnet.steps.get(step=2)
        assert (step.objectives, step.version) == ("Comprendre les usagers", 2)

    def test_a_stale_step_save_is_refused(self, world, challenge):
        client = logged_in_client(world.facilitator)
        client.get(self.url(challenge))
        data = {"step": 3, "etape-3-objectives": "Premier", "etape-3-base_version": 1}
        assert client.post(self.url(challenge), data).status_code == 302
        data["etape-3-objectives"] = "Second"
        response = client.post(self.url(challenge), data)
        assert response.status_code == 409
        assert "Premier" in response.content.decode()
        step = challenge.facilitator_carnet.steps.get(step=3)
        assert step.objectives == "Premier"

    def test_members_cannot_write_it(self, world, challenge):
        logged_in_client(world.facilitator).get(self.url(challenge))
        response = logged_in_client(world.alice).post(
            self.url(challenge), {"step": 1, "etape-1-objectives": "x"}
        )
        assert response.status_code == 403


def test_demo_carnets(db):
    """The seeded demo: three teams' carnets, a public entry on its défi, a
    secret link, the facilitator's carnet."""
    from community.challenges.models import ChallengePage

    from ..models import ShareLink

    for slug in (
        "equipe-mobilites-rennes-2018",
        "equipe-accueil-usagers-rennes-2018",
        "equipe-jeunesse-martinique-2018",
    ):
        entries = Entry.objects.filter(carnet__team__slug=slug)
        assert set(entries.values_list("moment", flat=True)) >= {
            "before",
            "during",
            "after",
        }, slug
        assert {EntryKind.INDIVIDUAL, EntryKind.COLLECTIVE} <= set(
            entries.values_list("kind", flat=True)
        )
    public = Entry.objects.get(visibility="public")
    challenge = ChallengePage.objects.get(teams=public.carnet.team)
    page = logged_in_client(None).get(challenge.url).content.decode()
    assert public.title.replace("'", "&#x27;") in page
    link = ShareLink.objects.get(label="La direction")
    assert logged_in_client(None).get(link.get_absolute_url()).status_code == 200
    assert challenge.facilitator_carnet.steps.exclude(objectives="").exists()
    assert date.today() - timedelta(days=1) < link.expires_at.date() + timedelta(
        days=400
    )

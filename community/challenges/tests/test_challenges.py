from datetime import date, timedelta

from django.utils import timezone

import pytest

from community.challenges import lifecycle
from community.challenges.choices import ChallengeStatus, CollectivityKind
from community.challenges.demo import DEFIS_2017, RENNES_2018
from community.challenges.demo_progress import PROGRESS
from community.challenges.models import (
    ChallengeNews,
    ChallengePage,
    ChallengePerson,
    ChallengeStepSummary,
)
from community.events.models import EditionPage, Venue
from community.members.tests.utils import (
    make_community,
    make_editor,
    make_team,
    make_user,
)
from home.models import Theme

from .utils import make_challenge

pytestmark = pytest.mark.django_db


class TestSeedChallenges:
    def test_every_seed_defi_is_loaded(self):
        rennes = ChallengePage.objects.filter(edition__slug="universite-2018")
        earlier = ChallengePage.objects.filter(edition__slug="universite-2017")
        assert sorted(rennes.values_list("number", flat=True)) == sorted(RENNES_2018)
        assert sorted(earlier.values_list("number", flat=True)) == sorted(DEFIS_2017)
        assert set(rennes.values_list("venue__slug", flat=True)) == {"rennes"}

    def test_the_fiche_fields_come_from_the_seed(self):
        defi = ChallengePage.objects.get(slug="2018-rennes-defi-2")
        assert defi.question.startswith(
            "Comment s'organiser pour proposer aux collèges"
        )
        assert defi.collectivity == "Conseil départemental d'Ille-et-Vilaine"
        assert defi.collectivity_kind == CollectivityKind.DEPARTMENT
        assert "104 collèges" in defi.territory
        assert "Plan numérique éducatif" in defi.stakes
        assert "plannings des collèges" in defi.obstacles
        assert "fablabs" in defi.levers
        assert defi.status == ChallengeStatus.PROTOTYPE_TESTED
        assert [c.to_status for c in defi.status_changes.all()] == [
            "retenu",
            "en-atelier",
            "prototype-teste",
        ]
        etel = ChallengePage.objects.get(slug="2018-rennes-defi-1")
        assert "observatoire du plancton" in etel.stakeholders

    def test_2017_defis_keep_roles_not_names(self):
        defi = ChallengePage.objects.get(slug="2017-defi-4")
        roles = {(p.role, p.label) for p in defi.people.all()}
        assert ("porteur", "Président") in roles
        assert ("facilitateur", "Cheffe de projet") in roles
        assert set(defi.themes.values_list("slug", flat=True)) == {
            "transitions-ecologiques"
        }
        long_one = ChallengePage.objects.get(slug="2017-defi-8")
        assert len(long_one.title) <= 255 and long_one.question.endswith("budgétaire ?")

    def test_a_defi_page_shows_its_fiche_and_links_glossary_terms(self, client):
        defi = ChallengePage.objects.get(slug="2018-rennes-defi-3")
        content = client.get(defi.url).content.decode()
        assert "Les inscriptions aux cours de piscine" in content
        assert "portail « familles »" in content
        assert "Étape 6 — apprentissages" in content
        assert "Prototype testé" in content
        assert 'class="glossary-link"' in content

    def test_six_demo_defis_of_both_editions_show_what_they_became(self, client):
        told = ChallengePage.objects.filter(
            slug__in=[progress.slug for progress in PROGRESS]
        )
        assert told.count() >= 6
        assert set(told.values_list("edition__slug", flat=True)) == {
            "universite-2017",
            "universite-2018",
        }
        for defi in told:
            assert defi.step_summaries.exclude(summary="").count() == 6, defi.slug
            assert not defi.exposition.is_empty, defi.slug
            news = defi.news.get()
            assert news.date > defi.edition.last_date, defi.slug
            content = client.get(defi.url).content.decode()
            assert "Pas encore de résumé" not in content, defi.slug
            assert news.title.replace("'", "&#x27;") in content, defi.slug

    def test_progress_seeding_is_idempotent(self):
        from community.challenges import demo_progress

        counts = (ChallengeStepSummary.objects.count(), ChallengeNews.objects.count())
        demo_progress.seed(lambda message: None)
        assert counts == (
            ChallengeStepSummary.objects.count(),
            ChallengeNews.objects.count(),
        )


class TestLifecycle:
    def test_status_moves_only_along_the_lifecycle(self):
        defi = make_challenge()
        with pytest.raises(lifecycle.TransitionError, match="ne peut pas passer"):
            lifecycle.transition(defi, ChallengeStatus.DEPLOYED)
        for status in ("retenu", "en-atelier", "prototype-teste", "deploye"):
            lifecycle.transition(defi, status, date=date(2020, 1, 1))
        defi.refresh_from_db()
        assert defi.status == ChallengeStatus.DEPLOYED
        with pytest.raises(lifecycle.TransitionError):
            lifecycle.transition(defi, ChallengeStatus.ABANDONED)
        assert defi.status_changes.count() == 4

    def test_abandon_is_possible_until_the_end_and_final(self):
        defi = make_challenge()
        lifecycle.transition(defi, ChallengeStatus.ABANDONED)
        with pytest.raises(lifecycle.TransitionError):
            lifecycle.transition(defi, ChallengeStatus.SELECTED)

    def test_dates_cannot_go_back_nor_into_the_future(self):
        defi = make_challenge()
        lifecycle.transition(defi, ChallengeStatus.SELECTED, date=date(2020, 5, 1))
        with pytest.raises(lifecycle.TransitionError, match="doit suivre"):
            lifecycle.transition(
                defi, ChallengeStatus.IN_WORKSHOP, date=date(2020, 4, 1)
            )
        with pytest.raises(lifecycle.TransitionError, match="future"):
            lifecycle.transition(
                defi,
                ChallengeStatus.IN_WORKSHOP,
                date=timezone.localdate() + timedelta(days=1),
            )
        assert defi.status_changes.count() == 1

    def test_publishing_an_old_revision_keeps_the_current_status(self):
        defi = make_challenge()
        old = defi.latest_revision
        lifecycle.transition(defi, ChallengeStatus.SELECTED)
        old.publish()
        defi.refresh_from_db()
        assert defi.status == ChallengeStatus.SELECTED


class TestPermissions:
    def _defi_with_people(self):
        holder, teammate = make_user("porteuse"), make_user("coequipier")
        community = make_community()
        team = make_team(community, "Équipe défi", members=[(teammate, None)])
        defi = make_challenge()
        ChallengePerson.objects.create(challenge=defi, role="porteur", member=holder)
        defi.teams.add(team)
        defi.save()
        return defi, holder, teammate

    @pytest.mark.parametrize(
        "who, can_progress, can_status",
        [
            ("anonymous", False, False),
            ("member", False, False),
            ("teammate", True, False),
            ("holder", True, True),
            ("editor", True, True),
        ],
    )
    def test_progress_and_status_both_ways(self, client, who, can_progress, can_status):
        defi, holder, teammate = self._defi_with_people()
        users = {
            "member": make_user("membre"),
            "teammate": teammate,
            "holder": holder,
            "editor": make_editor(),
        }
        if who in users:
            client.force_login(users[who])
        response = client.post(
            defi.route_url("progress"),
            {"step_1": "Nous nous sommes approprié le défi.", "feedback": "Bravo"},
        )
        if can_progress:
            assert response.status_code == 302
            assert ChallengeStepSummary.objects.get(challenge=defi, step=1).summary
        else:
            assert response.status_code in (302, 403)
            assert not ChallengeStepSummary.objects.filter(challenge=defi).exists()
        response = client.post(defi.route_url("status"), {"status": "retenu"})
        defi.refresh_from_db()
        assert (defi.status == ChallengeStatus.SELECTED) == can_status
        response = client.post(
            defi.route_url("news"),
            {"date": "2019-01-15", "title": "Six mois après", "body": "Déployé."},
        )
        assert ChallengeNews.objects.filter(challenge=defi).exists() == can_progress

    def test_a_refused_transition_by_hand_says_why(self, client):
        defi, holder, _ = self._defi_with_people()
        client.force_login(holder)
        response = client.post(
            defi.route_url("status"), {"status": "deploye"}, follow=True
        )
        assert "Statut inchangé" in response.content.decode()
        defi.refresh_from_db()
        assert defi.status == ChallengeStatus.PROPOSED

    def test_draft_defis_are_hidden(self, client):
        defi = make_challenge()
        defi.unpublish()
        assert client.get(defi.url or f"/defis/{defi.slug}/").status_code == 404
        assert defi.title not in client.get("/defis/").content.decode()


class TestIndex:
    def test_filters_combine_in_the_url(self, client):
        content = client.get(
            "/defis/?theme=democratie-citoyennete&site=rennes&edition=universite-2018"
            "&status=prototype-teste&kind=commune"
        ).content.decode()
        assert "Comment les sujets des citoyens remontent" in content  # défi 11
        assert "Chemillé" not in content or "Comment co-construire avec" in content
        assert "Comment définir les critères de durabilité" not in content  # écologie
        assert "2 défis" in content or "1 défi" in content or "défis" in content

    def test_each_filter_narrows(self, client):
        def count(query):
            response = client.get(f"/defis/?{query}")
            return response.context["children"].paginator.count

        total = count("")
        assert count("site=rennes") == len(RENNES_2018)
        assert count("edition=universite-2017") == len(DEFIS_2017)
        assert count("kind=ville-europeenne") == 3  # Iași, Coventry, Kehl
        assert count("status=prototype-teste") == len(RENNES_2018)
        assert count("theme=transitions-ecologiques&site=rennes") == 2
        assert count("site=nulle-part&status=nimporte") == total  # ignored, no error

    @pytest.mark.parametrize("count", [10, 500])
    def test_index_query_count_is_constant(
        self, client, django_assert_max_num_queries, count
    ):
        edition = EditionPage.objects.get(slug="universite-2018")
        venue = Venue.objects.get(slug="cluny")
        themes = list(Theme.objects.all()[:2])
        for number in range(count):
            page = make_challenge(
                f"Comment mesurer le défi {number} ?",
                slug=f"perf-{number}",
                revision=False,
                number=number,
                edition=edition,
                venue=venue,
            )
            page.themes.set(themes)
            page.save()
        client.get("/defis/")
        # Includes one constant query: view restrictions, for the édition filter.
        with django_assert_max_num_queries(17):
            response = client.get("/defis/?site=cluny&page=2")
        assert response.status_code == 200
        assert 'class="card challenge-card"' in response.content.decode()

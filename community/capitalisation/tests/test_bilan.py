"""An édition's bilan: a page of the édition, online once validated through
the review workflow; public content only, whoever asks, in HTML and in a
laid-out PDF that is cached and remade when its content changes."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission, PageViewRestriction
from wagtail.test.utils.form_data import rich_text

import pytest

from community.capitalisation import bilan as bilan_module
from community.capitalisation.choices import Scope
from community.capitalisation.models import BilanPage, BilanPdf, EvaluationForm
from community.capitalisation.review import WORKFLOW_NAME
from community.challenges.models import ChallengeExposition, ChallengeStepSummary
from community.challenges.tests.utils import make_challenge
from community.members.choices import CommunityAccess, TeamRole
from community.members.tests.utils import (
    make_community,
    make_editor,
    make_team,
    make_user,
)
from home.models import Theme

from .test_booklet import pdf_text
from .test_results import answer
from .utils import ended_session, past_edition

pytestmark = pytest.mark.django_db

FOREWORD = "<p>Avant-propos Hibou de l'edition.</p>"
CONCLUSION = "<p>Conclusion Loutre de l'edition.</p>"


def make_bilan(edition, publish=True, **fields):
    fields.setdefault("foreword", FOREWORD)
    fields.setdefault("conclusion", CONCLUSION)
    page = BilanPage(title=f"Bilan {edition.title}", slug="bilan", **fields)
    edition.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_organiser(edition, name="organisatrice-bilan"):
    """Edits the édition's pages (the bilan among them) without publishing."""
    user = make_user(name)
    group = Group.objects.create(name=f"Organisation {name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=edition,
            permission=Permission.objects.get(codename=codename),
        )
    user.groups.add(group)
    return user


def public_defi(edition, n, **fields):
    challenge = make_challenge(
        f"Comment faire le defi public {n} ?",
        slug=f"defi-bilan-{n}",
        edition=edition,
        venue=edition.sites.first().venue,
        number=n,
        **fields,
    )
    return challenge


@pytest.fixture
def world():
    edition = past_edition("edition-bilan")
    theme = Theme.objects.create(name="Theme Castor", slug="theme-castor")
    public = public_defi(edition, 1)
    public.themes.add(theme)
    public.save()
    ChallengeStepSummary.objects.create(
        challenge=public, step=1, summary="Immersion Colibri au guichet."
    )
    ChallengeExposition.objects.create(
        challenge=public, prototype="Prototype Manchot du guichet."
    )
    member = make_user("equipier-bilan")
    restricted_team = make_team(
        make_community(CommunityAccess.RESTRICTED, name="Communaute restreinte"),
        name="Equipe restreinte Walrus",
        members=[(member, TeamRole.PARTICIPANT)],
    )
    public.teams.add(restricted_team)
    public.save()
    restricted = public_defi(edition, 2, short_name="Okapi")
    restricted.title = "Comment garder le defi reserve Okapi ?"
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    draft = public_defi(edition, 3)
    draft.title = "Comment cacher le defi brouillon Quetzal ?"
    draft.save_revision()
    draft.unpublish()
    ended_session(edition, title="Atelier tenu Pangolin")
    form = EvaluationForm.for_edition(edition)
    answer(form, 6, satisfaction=5)
    answer(form, 5, scope=Scope.CHALLENGE, challenge=public, venue=public.venue)
    answer(form, 5, scope=Scope.CHALLENGE, challenge=restricted, venue=public.venue)
    return edition, public, restricted, member


PUBLIC = [
    "Avant-propos Hibou",
    "Conclusion Loutre",
    "Comment faire le defi public 1",
    "Immersion Colibri au guichet.",
    "Prototype Manchot du guichet.",
    "Theme Castor",
    "Atelier tenu Pangolin",
    "Satisfaction d'ensemble",
    "Atelier du défi 1 — Comment faire le defi public 1",  # its chart's bar
]
PRIVATE = [
    "Okapi",  # a défi behind a login, and its workshop's bar
    "Quetzal",  # a draft défi
    "Equipe restreinte Walrus",  # a team of a restricted community
    "Appris 0",  # the answers' free text stays with the organisers
]


def page_text(response):
    return response.content.decode().replace("&#x27;", "'")


class TestBilanContent:
    def test_the_pdf_has_public_content_only_and_a_real_layout(self, client, world):
        edition, _public, _restricted, member = world
        page = make_bilan(edition)
        client.force_login(make_user("admin-bilan", is_superuser=True, is_staff=True))
        response = client.get(page.url + "pdf/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        reader, text = pdf_text(response.content)
        for expected in PUBLIC:
            assert expected in text, expected
        for secret in PRIVATE:
            assert secret not in text, secret
        assert "BILAN DE L'ÉDITION" in reader.pages[0].extract_text()
        contents = reader.pages[1].extract_text()
        assert "Sommaire" in contents and "Les évaluations" in contents
        assert "Page 3 /" in reader.pages[2].extract_text()

    @pytest.mark.parametrize("who", ["anonymous", "member", "organiser"])
    def test_the_page_is_the_same_for_everyone(self, client, world, who):
        edition, _public, _restricted, member = world
        page = make_bilan(edition)
        if who == "member":
            client.force_login(member)
        elif who == "organiser":
            client.force_login(make_editor("organisateur-bilan"))
        response = client.get(page.url)
        assert response.status_code == 200
        text = page_text(response)
        for expected in PUBLIC:
            assert expected in text, expected
        for secret in PRIVATE:
            assert secret not in text, secret
        assert "<svg" in text and "<table" in text  # each chart with its data

    def test_figures(self, world):
        edition, _public, _restricted, member = world
        context = bilan_module.bilan_context(make_bilan(edition))
        figures = context["figures"]
        assert figures["challenges"] == 1
        assert figures["sessions"] == 1
        assert figures["by_theme"] == [("Theme Castor", 1)]
        assert [count for _label, count in figures["by_status"]] == [1]
        # The team of a restricted community is no public team of the défi.
        assert figures["participants"] == 0

    def test_the_search_dates_it_by_its_edition(self, world):
        edition = world[0]
        facets = make_bilan(edition).search_facets()
        assert facets["type_label"] == "Bilan d'édition"
        assert facets["year"] == edition.year

    def test_a_group_under_the_threshold_is_not_shown(self, world):
        edition, public, _restricted, _member = world
        form = EvaluationForm.objects.get(edition=edition)
        form.answers.filter(scope=Scope.CHALLENGE).delete()
        answer(form, 4, scope=Scope.CHALLENGE, challenge=public, venue=public.venue)
        charts = bilan_module.bilan_context(make_bilan(edition))["evaluations"][
            "charts"
        ]
        sessions = next(c for c in charts if c.key == "sessions")
        assert sessions.bars == [] and sessions.hidden == 1

    def test_queries_do_not_grow_with_the_defis(self, client, world):
        edition = world[0]
        page = make_bilan(edition)

        def count():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(page.url).status_code == 200
            return len(queries)

        count()  # caches warmed (the site, the policy's snapshot)
        before = count()
        for n in range(4, 9):
            challenge = public_defi(edition, n)
            ChallengeStepSummary.objects.create(
                challenge=challenge, step=2, summary="Encore."
            )
            ChallengeExposition.objects.create(challenge=challenge, prototype="Un.")
        assert count() == before


class TestBilanPdfCache:
    def test_cached_then_remade_when_its_content_changes(self, client, world):
        edition = world[0]
        page = make_bilan(edition)
        url = page.url + "pdf/"
        client.get(url)
        first = BilanPdf.objects.get(bilan=page)
        client.force_login(make_user("autre-lecteur"))
        client.get(url)
        assert BilanPdf.objects.get(bilan=page).generated_at == first.generated_at
        page.conclusion = "<p>Conclusion revue Ibis.</p>"
        page.save_revision().publish()
        response = client.get(url)
        assert BilanPdf.objects.get(bilan=page).fingerprint != first.fingerprint
        assert "Conclusion revue Ibis." in pdf_text(response.content)[1]

    def test_a_bilan_not_open_to_everyone_has_no_pdf(self, client, world):
        edition = world[0]
        page = make_bilan(edition)
        PageViewRestriction.objects.create(page=edition, restriction_type="login")
        client.force_login(make_user("connectee-bilan"))
        assert client.get(page.url).status_code == 200
        response = client.get(page.url + "pdf/")
        assert response.status_code == 302
        assert not BilanPdf.objects.exists()


class TestBilanReview:
    def test_online_only_once_validated(self, client, world):
        edition, _public, _restricted, member = world
        organiser = make_organiser(edition)
        # The organiser drafts it in the admin…
        client.force_login(organiser)
        add = reverse(
            "wagtailadmin_pages:add", args=["capitalisation", "bilanpage", edition.pk]
        )
        response = client.post(
            add,
            {
                "title": "Bilan de l'edition",
                "slug": "bilan",
                "foreword": rich_text("<p>Avant-propos Hibou</p>"),
                "conclusion": rich_text(""),
                "action-submit": "Soumettre",
            },
        )
        assert response.status_code == 302, response.content[:2000]
        page = BilanPage.objects.child_of(edition).get()
        assert page.get_workflow().name == WORKFLOW_NAME
        assert not page.live
        state = page.current_workflow_state
        assert state is not None and state.status == "in_progress"
        # …it is nobody's to read yet, and the édition does not announce it.
        for user in (None, member, organiser):
            client.logout()
            if user:
                client.force_login(user)
            assert client.get(f"{edition.url}bilan/").status_code == 404
            assert "Lire le bilan" not in page_text(client.get(edition.url))
        # An Éditeur approves: it is published.
        approver = make_user("editeur-validation")
        approver.groups.add(Group.objects.get(name="Éditeurs"))
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, approver, "approve")
        page.refresh_from_db()
        assert page.live
        client.logout()
        assert client.get(page.url).status_code == 200
        assert "Lire le bilan" in page_text(client.get(edition.url))

    def test_only_organisers_are_offered_to_write_it(self, client, world):
        edition, _public, _restricted, member = world
        write = "Rédiger le bilan"
        assert write not in page_text(client.get(edition.url))
        client.force_login(member)
        assert write not in page_text(client.get(edition.url))
        add = reverse(
            "wagtailadmin_pages:add", args=["capitalisation", "bilanpage", edition.pk]
        )
        assert client.get(add).status_code in (302, 403)
        client.force_login(make_organiser(edition))
        assert write in page_text(client.get(edition.url))
        assert client.get(add).status_code == 200

    def test_one_bilan_per_edition(self, world):
        edition = world[0]
        make_bilan(edition)
        assert not BilanPage.can_create_at(edition)

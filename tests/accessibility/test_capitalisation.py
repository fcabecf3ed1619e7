"""Capitalisation's pages in Chromium: axe finds no serious or critical
violation on a défi's booklet, the page where its porteur chooses its
highlights and the Trello import into its étapes, the evaluation form (as a
participant), the results with their charts (as an organiser) and the 2018
édition's bilan with its charts; each page is screenshotted into
artifacts/capitalisation/ to be looked at."""

import uuid

import pytest

from tests.accessibility.axe import blocking_violations, describe
from tests.support.browser import ARTIFACTS, slug
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def people(live_site, django_db_blocker):
    """A participant of the 2018 édition's first défi with a team, an
    organiser (a Wagtail editor) and a porteur of a défi with progress."""
    from community.challenges.choices import ChallengeRole
    from community.challenges.models import ChallengePage, ChallengePerson
    from community.discussions import posting
    from community.members.models import TeamMembership
    from community.members.tests.utils import make_editor, make_user

    with django_db_blocker.unblock():
        challenge = (
            ChallengePage.objects.live()
            .filter(edition__slug="universite-2018", teams__isnull=False)
            .order_by("pk")
            .first()
        )
        participant = make_user(f"eval-{uuid.uuid4().hex[:6]}")
        TeamMembership.objects.create(team=challenge.teams.first(), user=participant)
        organiser = make_editor(f"orga-{uuid.uuid4().hex[:6]}")
        holder = make_user(f"porteur-{uuid.uuid4().hex[:6]}")
        with_progress = with_progress_challenge()
        ChallengePerson.objects.create(
            challenge=with_progress, role=ChallengeRole.HOLDER, member=holder
        )
        # A public thread with a message, for the choice of highlights.
        thread = posting.create_thread(
            organiser,
            with_progress,
            title="Ce que la grille a changé",
            body="Vos retours sur la grille ?",
            limited=False,
        )
        posting.post_comment(
            organiser, thread, body="Elle a ouvert la discussion.", limited=False
        )
        return {
            "participant": participant,
            "organiser": organiser,
            "holder": holder,
            "defi": challenge,
        }


def with_progress_challenge():
    from community.challenges.models import ChallengePage

    return (
        ChallengePage.objects.live()
        .public()
        .filter(step_summaries__isnull=False)
        .order_by("pk")
        .first()
    )


def pages(people):
    from django.urls import reverse

    from community.capitalisation.models import BilanPage

    with_progress = with_progress_challenge()
    edition = people["defi"].edition
    return {
        "livret (HTML)": (
            None,
            reverse("capitalisation:booklet", args=[with_progress.pk]),
        ),
        "défi avec le lien du livret": (None, with_progress.url),
        "temps forts du livret (porteur)": (
            people["holder"],
            reverse("capitalisation:booklet_highlights", args=[with_progress.pk]),
        ),
        "import Trello dans les étapes (porteur)": (
            people["holder"],
            reverse("capitalisation:steps_trello", args=[with_progress.pk]),
        ),
        "bilan de l'édition": (
            None,
            BilanPage.objects.live().child_of(edition).get().url,
        ),
        "formulaire d'évaluation": (
            people["participant"],
            reverse("capitalisation:evaluate", args=["defi", people["defi"].pk]),
        ),
        "mes évaluations": (
            people["participant"],
            reverse("capitalisation:evaluations"),
        ),
        "résultats des évaluations": (
            people["organiser"],
            reverse("capitalisation:results", args=[edition.pk]),
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "livret (HTML)",
        "défi avec le lien du livret",
        "temps forts du livret (porteur)",
        "import Trello dans les étapes (porteur)",
        "bilan de l'édition",
        "formulaire d'évaluation",
        "mes évaluations",
        "résultats des évaluations",
    ],
)
def test_capitalisation_page(live, chromium, people, name):
    user, path = pages(people)[name]
    context = browser_context(chromium, live, user, bypass_csp=True)
    page = context.new_page()
    try:
        response = page.goto(live(path))
        assert response.status == 200, f"{path} → {response.status}"
        folder = ARTIFACTS / "capitalisation"
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{slug(name)}.png"), full_page=True)
        violations = blocking_violations(page)
        assert not violations, f"{path}\n{describe(violations)}"
    finally:
        context.close()

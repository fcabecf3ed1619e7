"""What a team writes on its défi page (step summaries, exposition, news) is
found with the défi, as soon as it is saved, and no longer once deleted."""

import pytest

from community.challenges.models import ChallengePage
from community.challenges.models.progress import (
    ChallengeExposition,
    ChallengeNews,
    ChallengeStepSummary,
)
from community.events.choices import ChallengeStep

pytestmark = [pytest.mark.django_db, pytest.mark.search]


@pytest.fixture
def indexed(monkeypatch):
    """Run the index updates scheduled « on commit » at once (tests never commit)."""
    from search import sync

    monkeypatch.setattr(sync.transaction, "on_commit", lambda func, **kwargs: func())


def titles(client, q):
    response = client.get("/recherche/api/", {"q": q})
    assert response.status_code == 200
    return [hit["title"] for hit in response.json()["results"]]


def test_what_the_team_writes_on_the_page_finds_the_defi(client, indexed):
    challenge = ChallengePage.objects.live().get(
        slug="2018-rennes-defi-5"
    )  # no demo étapes
    assert challenge.title not in titles(client, "zorglubisation")
    summary = ChallengeStepSummary.objects.create(
        challenge=challenge,
        step=ChallengeStep.values[0],
        summary="Une zorglubisation des guichets",
    )
    exposition, _ = ChallengeExposition.objects.update_or_create(
        challenge=challenge, defaults={"prototype": "Un prototype xylophonique"}
    )
    news = ChallengeNews.objects.create(
        challenge=challenge, title="Quadrature du cercle", body="Des nouvelles."
    )
    for query in ("zorglubisation", "xylophonique", "quadrature"):
        assert challenge.title in titles(client, query), query
    # Deleted, no longer found (and Elasticsearch, which outlives the test's
    # transaction, is left with the défi as it was).
    for item in (news, summary, exposition):
        item.delete()
    for query in ("zorglubisation", "xylophonique", "quadrature"):
        assert challenge.title not in titles(client, query), query

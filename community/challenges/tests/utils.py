"""Small builders for the défis tests."""

from community.challenges.models import ChallengeIndexPage, ChallengePage


def make_challenge(
    title="Comment tester un défi ?", slug=None, revision=True, **fields
):
    """A live défi under /defis/ (``revision=False`` skips the revision, for bulk)."""
    fields.setdefault("collectivity", "Ville test")
    fields.setdefault("question", title)
    page = ChallengePage(
        title=title,
        slug=slug or f"defi-{ChallengePage.objects.count() + 1}-test",
        **fields,
    )
    ChallengeIndexPage.objects.get().add_child(instance=page)
    if revision:
        page.save_revision().publish()
        page.refresh_from_db()
    return page

"""Zero serious or critical axe-core violations (WCAG 2.1 A/AA) on every page
type of the demo and every other page of tests/accessibility/pages.py, logged
out and logged in. The Wagtail admin is out of scope (Wagtail audits it)."""

import pytest

from tests.accessibility.axe import blocking_violations, describe
from tests.accessibility.pages import VIEWS, first_page_of, page_type_labels, resolve
from tests.support.browser import ARTIFACTS, slug
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser

STATES = ("deconnecte", "connecte")


@pytest.fixture(scope="module")
def member(live_site, django_db_blocker):
    """A member of a restricted community and of a team, on the call's
    committee and porteur of the first défi, so that their pages show real
    content."""
    import uuid

    from community.challenges.choices import ChallengeRole
    from community.challenges.models import ChallengePage, ChallengePerson
    from community.events.models import CallForContributionsPage
    from community.members.models import Community, LearningTeam, TeamMembership
    from community.members.tests.utils import add_member, make_user

    with django_db_blocker.unblock():
        user = make_user(f"a11y-{uuid.uuid4().hex[:6]}")
        add_member(Community.objects.get(slug="rennes"), user)
        TeamMembership.objects.create(
            team=LearningTeam.objects.get(slug="equipe-mobilites-rennes-2018"),
            user=user,
        )
        user.groups.add(CallForContributionsPage.objects.live().first().committee_group)
        ChallengePerson.objects.create(
            challenge=ChallengePage.objects.live().order_by("pk").first(),
            role=ChallengeRole.HOLDER,
            member=user,
        )
        return user


def audit(chromium, live, user, path, name):
    # axe is injected as an inline script, which the site's CSP forbids.
    context = browser_context(chromium, live, user, bypass_csp=True)
    page = context.new_page()
    try:
        response = page.goto(live(path))
        # A logged-in member must reach the page itself, not a refusal.
        if user is not None and "introuvable" not in name:
            assert response.status == 200, f"{path} → {response.status}"
        violations = blocking_violations(page)
        if violations:
            folder = ARTIFACTS / "accessibility"
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{slug(name)}.png"), full_page=True)
        return violations
    finally:
        context.close()


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("label", page_type_labels())
def test_page_type(live, chromium, member, label, state):
    path = first_page_of(label)
    if path is None:
        pytest.skip(f"aucune page {label} publique dans la démo")
    user = member if state == "connecte" else None
    violations = audit(chromium, live, user, path, f"{label}-{state}")
    assert not violations, f"{path}\n{describe(violations)}"


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", list(VIEWS))
def test_view(live, chromium, member, name, state):
    path = resolve(VIEWS[name])
    user = member if state == "connecte" else None
    violations = audit(chromium, live, user, path, f"{name}-{state}")
    assert not violations, f"{path}\n{describe(violations)}"


def test_the_audit_does_find_violations(chromium):
    """The harness itself: a page with an unlabelled field and an image without
    text alternative must fail, so that a passing audit means something."""
    page = chromium.new_page(bypass_csp=True)
    page.set_content(
        '<html lang="fr"><body><main><img src="x.png">'
        '<input type="text"></main></body></html>'
    )
    ids = {v["id"] for v in blocking_violations(page)}
    page.close()
    assert {"image-alt", "label"} <= ids

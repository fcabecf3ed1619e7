"""Notifications in Chromium: a reply in a followed thread shows in the
header's unread count (accessible name), in the centre grouped by day, leads
to the reply's anchor; mark all read; preferences saved; follow level changed
from the thread page. axe audits the centre (with notifications in it) and
the preferences page."""

import re
import uuid

import pytest

from community.discussions import posting
from community.members.tests.utils import add_member, make_community, make_user
from community.notifications.models import Notification
from tests.accessibility.axe import blocking_violations, describe
from tests.support.browser import Journey
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser


def test_the_demo_has_notifications(db):
    """Also makes pytest-django create the test database when this file runs
    alone (it does so only when a collected test asks for ``db``)."""
    assert Notification.objects.filter(recipient__email__endswith="@demo.example.org")


def test_a_reply_reaches_the_follower_in_the_header_and_the_centre(live, chromium):
    suffix = uuid.uuid4().hex[:6]
    space = make_community(name=f"Notifications {suffix}")
    follower, replier = make_user(f"suit-{suffix}"), make_user(f"repond-{suffix}")
    for user in (follower, replier):
        add_member(space, user)
    # Opening the thread makes its author follow it (committed at once here).
    thread = posting.create_thread(
        follower, space, title=f"Prototyper vite {suffix}", body="Vos idées ?"
    )

    replier_page = browser_context(chromium, live, replier).new_page()
    context = browser_context(chromium, live, follower, bypass_csp=True)
    page = context.new_page()
    other = Journey(replier_page, "notifications-repond")
    journey = Journey(page, "notifications-suit")

    with other.step("une réponse est publiée dans le fil suivi"):
        replier_page.goto(live(thread.get_absolute_url()))
        replier_page.fill("#reponse-fil", "Testons avec cinq usagers samedi.")
        replier_page.get_by_role("button", name="Publier la réponse").click()
        replier_page.wait_for_load_state()
        assert "Votre réponse est publiée." in replier_page.content()
    assert Notification.objects.filter(recipient=follower).count() == 1

    with journey.step("l'en-tête annonce une notification non lue"):
        page.goto(live("/communaute/tableau-de-bord/"))
        link = page.get_by_role("link", name=re.compile(r"Notifications.*1 non lue"))
        assert link.is_visible()
        assert page.locator("[data-notifications-live][role=status]").count() == 1

    with journey.step("le centre, groupé par jour, passe l'audit axe"):
        link.click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=2).count() >= 1
        assert "Testons avec cinq usagers samedi." in page.content()
        assert "1 notification non lue." in page.content()
        violations = blocking_violations(page)
        assert not violations, describe(violations)

    with journey.step("la notification mène à l'ancre de la réponse"):
        page.get_by_role("link", name=re.compile("a répondu dans")).first.click()
        page.wait_for_load_state()
        assert re.search(r"/fils/\d+/.*#", page.url), page.url
        assert page.get_by_role(
            "link", name=re.compile(r"Notifications")
        ).first.is_visible()
        assert page.locator("[data-notifications-count]").first.is_hidden()

    with other.step("deux autres réponses"):
        for text in ("Et un atelier en mairie.", "Et un questionnaire."):
            replier_page.goto(live(thread.get_absolute_url()))
            replier_page.fill("#reponse-fil", text)
            replier_page.get_by_role("button", name="Publier la réponse").click()
            replier_page.wait_for_load_state()

    with journey.step("tout marquer comme lu"):
        page.goto(live("/communaute/notifications/"))
        assert "2 notifications non lues." in page.content()
        page.get_by_role("button", name="Tout marquer comme lu").click()
        page.wait_for_load_state()
        assert "2 notification(s) marquée(s) comme lue(s)." in page.content()
        assert not Notification.objects.filter(
            recipient=follower, read_at__isnull=True
        ).exists()

    with journey.step("les préférences passent l'audit axe et s'enregistrent"):
        page.goto(live("/communaute/notifications/preferences/"))
        violations = blocking_violations(page)
        assert not violations, describe(violations)
        page.get_by_label(
            "Nouveaux messages dans les fils et espaces que je suis"
        ).select_option("immediat")
        page.get_by_label("Fuseau horaire").select_option("Indian/Reunion")
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        assert "Vos préférences sont enregistrées." in page.content()

    with journey.step("le fil passe en silencieux depuis sa page"):
        page.goto(live(thread.get_absolute_url()))
        page.get_by_label(re.compile("Suivi de")).select_option("silencieux")
        page.get_by_role("button", name=re.compile("^Changer")).click()
        page.wait_for_load_state()
        assert "Silencieux" in page.content()

    with journey.step("« ce que je suis » le montre"):
        page.goto(live("/communaute/notifications/suivis/"))
        assert thread.title in page.content()
        violations = blocking_violations(page)
        assert not violations, describe(violations)
    context.close()

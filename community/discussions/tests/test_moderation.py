"""Reports, automatic hiding after three, the moderation queue both ways,
decisions logged and told to the author."""

from django.core import mail

import pytest

from community.discussions import posting
from community.discussions.models import ModerationDecision, Report
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from .utils import make_space, make_thread, reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    author, animateur = make_user("auteur"), make_user("anim")
    reporters = [make_user(f"temoin{n}") for n in range(3)]
    space = make_space(members=[author, *reporters], animateurs=[animateur])
    thread = make_thread(space, animateur, title="Fil modéré")
    comment = reply(thread, author, "Un propos DOUTEUX")
    return locals()


def report_url(comment):
    return f"/communaute/discussions/messages/{comment.pk}/signaler/"


def test_reporting_twice_is_refused_with_a_message(world):
    client = logged_in_client(world["reporters"][0])
    client.post(report_url(world["comment"]), {"reason": "abuse"})
    response = client.post(
        report_url(world["comment"]), {"reason": "spam"}, follow=True
    )
    assert Report.objects.filter(comment=world["comment"]).count() == 1
    assert "déjà signalé" in response.content.decode()


def test_a_report_needs_a_reason(world):
    response = logged_in_client(world["reporters"][0]).post(
        report_url(world["comment"]), {}
    )
    assert response.status_code == 400
    assert "Choisissez un motif." in response.content.decode()
    assert not Report.objects.filter(comment=world["comment"]).exists()


def test_three_distinct_reports_hide_the_comment_and_tell_the_author(
    world, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for reporter in world["reporters"]:
            logged_in_client(reporter).post(
                report_url(world["comment"]), {"reason": "abuse"}
            )
    world["comment"].refresh_from_db()
    assert world["comment"].state == "hidden"
    page = logged_in_client(world["reporters"][0]).get(
        world["thread"].get_absolute_url()
    )
    text = page.content.decode()
    assert "DOUTEUX" not in text and "masqué en attente de modération" in text
    assert any(world["author"].email in m.to for m in mail.outbox)
    assert ModerationDecision.objects.filter(
        comment=world["comment"], moderator=None
    ).exists()


def test_the_queue_is_the_animateurs_and_not_the_members(world):
    posting.report(world["reporters"][0], world["comment"], reason="spam")
    member_queue = logged_in_client(world["reporters"][1]).get(
        "/communaute/discussions/moderation/"
    )
    assert member_queue.status_code == 200
    assert "DOUTEUX" not in member_queue.content.decode()
    queue = logged_in_client(world["animateur"]).get(
        "/communaute/discussions/moderation/"
    )
    assert "DOUTEUX" in queue.content.decode()
    anonymous = logged_in_client(None).get("/communaute/discussions/moderation/")
    assert anonymous.status_code == 302


def test_decisions_need_a_moderator_and_a_reason(
    world, django_capture_on_commit_callbacks
):
    url = f"/communaute/discussions/moderation/messages/{world['comment'].pk}/"
    refused = logged_in_client(world["reporters"][0]).post(
        url, {"action": "delete", "reason": "x"}
    )
    assert refused.status_code == 403
    client = logged_in_client(world["animateur"])
    client.post(url, {"action": "delete"})
    world["comment"].refresh_from_db()
    assert world["comment"].state == "visible"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "delete", "reason": "Propos injurieux."})
    world["comment"].refresh_from_db()
    assert world["comment"].state == "removed"
    decision = ModerationDecision.objects.get(comment=world["comment"], action="delete")
    assert (
        decision.moderator == world["animateur"]
        and decision.reason == "Propos injurieux."
    )
    assert any("Propos injurieux." in m.body for m in mail.outbox)


def test_restoring_dismisses_the_reports(world):
    for reporter in world["reporters"]:
        posting.report(reporter, world["comment"], reason="off_topic")
    posting.moderate(world["animateur"], world["comment"], "approve")
    world["comment"].refresh_from_db()
    assert world["comment"].state == "visible"
    statuses = Report.objects.filter(comment=world["comment"]).values_list(
        "status", flat=True
    )
    assert set(statuses) == {"dismissed"}


def test_one_cannot_report_oneself(world):
    with pytest.raises(posting.DiscussionError):
        posting.report(world["author"], world["comment"], reason="spam")

"""Discussions publish to the notifications app: the « done when » of the
notifications issue, end to end, with the locmem outbox and time travel."""

import re
from datetime import UTC, datetime
from unittest import mock

from django.core import mail
from django.urls import reverse

import pytest

from community.discussions import events
from community.members.choices import CommunityAccess
from community.members.models import Membership
from community.notifications import digests
from community.notifications.choices import Frequency, Level
from community.notifications.following import set_level
from community.notifications.models import Follow, KindPreference, Notification

from .utils import make_space, make_thread, member, reply

pytestmark = pytest.mark.django_db

MONDAY_AFTERNOON = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
TUESDAY_MORNING = datetime(2026, 12, 1, 7, 30, tzinfo=UTC)  # 8:30 in Paris


def travel_to(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def world(db):
    author, follower, replier = member("autrice"), member("suiveuse"), member("repond")
    space = make_space(CommunityAccess.RESTRICTED, members=[author, follower, replier])
    thread = make_thread(space, author, title="Associer les usagers")
    set_level(follower, thread, Level.WATCHING)
    return {
        "space": space,
        "thread": thread,
        "author": author,
        "follower": follower,
        "replier": replier,
    }


def post_reply(world, text, when=MONDAY_AFTERNOON, capture=None):
    with travel_to(when), capture(execute=True):
        return reply(world["thread"], world["replier"], text)


def send_digests(now, capture):
    mail.outbox.clear()
    with travel_to(now), capture(execute=True):
        digests.run_digests(now)
    return list(mail.outbox)


class TestReplyReachesFollowers:
    def test_in_app_and_in_the_daily_digest_by_default(
        self, world, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        mail.outbox.clear()
        post_reply(world, "Proposons des ateliers ouverts le samedi.", capture=capture)
        note = Notification.objects.get(recipient=world["follower"])
        assert note.event_type == events.ACTIVITY
        # The comment's permalink: it leads to its anchor on the right page.
        assert note.url == note.target.get_absolute_url()
        assert world["follower"].email not in {m.to[0] for m in mail.outbox}, (
            "activity goes to the digest by default"
        )
        # The author, replied to, is told at once (a reply to them).
        assert any(
            world["author"].email in m.to and "Associer les usagers" in m.body
            for m in mail.outbox
        )
        [digest] = send_digests(TUESDAY_MORNING, capture)
        assert digest.to == [world["follower"].email]
        assert "Proposons des ateliers ouverts le samedi." in digest.body
        assert "Associer les usagers" in digest.body
        assert send_digests(TUESDAY_MORNING.replace(day=2), capture) == [], (
            "nothing new: no digest"
        )

    def test_at_once_when_the_follower_chose_it(
        self, world, django_capture_on_commit_callbacks
    ):
        KindPreference.objects.create(
            user=world["follower"],
            event_type=events.ACTIVITY,
            frequency=Frequency.IMMEDIATE,
        )
        mail.outbox.clear()
        post_reply(world, "Une réponse.", capture=django_capture_on_commit_callbacks)
        [message] = [m for m in mail.outbox if world["follower"].email in m.to]
        assert "Une réponse." in message.body
        assert "List-Unsubscribe" in message.extra_headers

    def test_no_digest_when_already_read_in_the_app(
        self, world, client, django_capture_on_commit_callbacks
    ):
        post_reply(world, "Lu sur le site.", capture=django_capture_on_commit_callbacks)
        note = Notification.objects.get(recipient=world["follower"])
        client.force_login(world["follower"])
        response = client.get(reverse("notifications:open", args=[note.pk]))
        assert response.status_code == 302
        assert response["Location"] == note.target.get_absolute_url()
        assert send_digests(TUESDAY_MORNING, django_capture_on_commit_callbacks) == []

    def test_the_unsubscribe_link_stops_that_kind_at_once(
        self, world, client, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        post_reply(world, "Premier message.", capture=capture)
        [digest] = send_digests(TUESDAY_MORNING, capture)
        link = re.search(r"https?://\S+/desabonnement/\S+/", digest.body).group(0)
        path = "/" + link.split("/", 3)[3]
        assert client.post(path).status_code == 200  # without logging in
        post_reply(world, "Deuxième message.", when=TUESDAY_MORNING, capture=capture)
        assert Notification.objects.filter(excerpt="Deuxième message.").exists()
        assert send_digests(datetime(2026, 12, 2, 7, 30, tzinfo=UTC), capture) == []

    def test_a_member_removed_from_the_community_gets_nothing_more(
        self, world, django_capture_on_commit_callbacks
    ):
        capture = django_capture_on_commit_callbacks
        post_reply(world, "Avant le départ.", capture=capture)
        Membership.objects.filter(
            user=world["follower"], community=world["space"]
        ).delete()
        mail.outbox.clear()
        post_reply(world, "Après le départ.", capture=capture)
        assert not Notification.objects.filter(
            recipient=world["follower"], excerpt="Après le départ."
        ).exists()
        # Nor does the digest carry what was published before they left.
        assert send_digests(TUESDAY_MORNING, capture) == []

    def test_muting_the_thread_wins_over_following_the_space(
        self, world, django_capture_on_commit_callbacks
    ):
        set_level(world["follower"], world["space"], Level.WATCHING)
        set_level(world["follower"], world["thread"], Level.MUTED)
        post_reply(world, "Chut.", capture=django_capture_on_commit_callbacks)
        assert not Notification.objects.filter(recipient=world["follower"]).exists()


class TestAutomaticFollows:
    def test_starting_and_replying_follow_the_thread(
        self, world, django_capture_on_commit_callbacks
    ):
        post_reply(world, "Je participe.", capture=django_capture_on_commit_callbacks)
        followers = set(
            Follow.objects.filter(
                target_id=world["thread"].pk, automatic=True
            ).values_list("user__username", flat=True)
        )
        assert {"repond"} <= followers

    def test_space_followers_hear_of_a_new_thread(
        self, world, django_capture_on_commit_callbacks
    ):
        set_level(world["follower"], world["space"], Level.WATCHING)
        with django_capture_on_commit_callbacks(execute=True):
            thread = make_thread(world["space"], world["author"], title="Nouveau fil")
        note = Notification.objects.get(
            recipient=world["follower"], event_type=events.THREAD
        )
        assert note.url == thread.get_absolute_url()
        assert Follow.objects.filter(
            user=world["author"], target_id=thread.pk, automatic=True
        ).exists()

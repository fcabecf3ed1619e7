"""notify(): who hears of an event, filtered by follows and by the policy."""

from django.contrib.contenttypes.models import ContentType
from django.core import mail

import pytest

from community.members.choices import CommunityAccess
from community.members.models import Membership, User
from community.members.tests.utils import add_member
from community.notifications import notify
from community.notifications.choices import Frequency, Level
from community.notifications.following import set_level
from community.notifications.models import Follow, KindPreference, Notification
from community.notifications.publishing import deliver

from .utils import DECISION, NEWS, make_user, make_world, news

pytestmark = pytest.mark.django_db


def recipients_of(created):
    return {n.recipient for n in created}


class TestRecipients:
    def test_a_watcher_hears_of_news_and_the_actor_does_not(self, world):
        created = news(world["community"], world["author"])
        assert recipients_of(created) == {world["follower"]}
        n = Notification.objects.get(recipient=world["follower"])
        assert n.excerpt == "Une nouvelle importante."
        assert n.url.endswith("#nouvelle")

    def test_normal_level_gets_only_what_names_them(self, world):
        set_level(world["follower"], world["community"], Level.NORMAL)
        assert news(world["community"], world["author"]) == []
        created = news(
            world["community"], world["author"], recipients=[world["follower"]]
        )
        assert recipients_of(created) == {world["follower"]}

    def test_muted_members_get_nothing_even_when_named(self, world):
        set_level(world["follower"], world["community"], Level.MUTED)
        created = news(
            world["community"], world["author"], recipients=[world["follower"]]
        )
        assert created == []

    def test_unknown_event_type_is_skipped_without_error(self, world):
        assert (
            deliver("essai.inconnu", world["author"], world["community"], [], {}) == []
        )
        assert not Notification.objects.filter(recipient=world["follower"]).exists()

    def test_inactive_and_deleted_members_get_nothing(self, world):
        world["follower"].is_deleted = True
        world["follower"].save()
        assert news(world["community"], world["author"]) == []

    def test_notify_waits_for_the_commit(
        self, world, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            notify(NEWS, world["author"], world["community"], context={"verb": "x"})
        assert not Notification.objects.filter(recipient=world["follower"]).exists()
        for callback in callbacks:
            callback()
        assert Notification.objects.filter(recipient=world["follower"]).exists()


class TestPolicyAtSendTime:
    def test_a_member_removed_from_a_restricted_community_hears_nothing_more(self):
        world = make_world(CommunityAccess.RESTRICTED)
        assert recipients_of(news(world["community"], world["author"])) == {
            world["follower"]
        }
        Membership.objects.filter(user=world["follower"]).delete()
        assert news(world["community"], world["author"], "Après le départ.") == []
        assert not Notification.objects.filter(excerpt="Après le départ.").exists()

    def test_a_named_outsider_of_a_restricted_community_is_not_told(self):
        world = make_world(CommunityAccess.RESTRICTED)
        outsider = make_user("dehors")
        created = news(world["community"], world["author"], recipients=[outsider])
        assert outsider not in recipients_of(created)

    def test_a_decision_reaches_its_person_without_a_visibility_check(self):
        world = make_world(CommunityAccess.RESTRICTED)
        outsider = make_user("demandeuse")
        created = deliver(
            DECISION, world["author"], world["community"], [outsider], {"verb": "Non"}
        )
        assert recipients_of(created) == {outsider}


class TestBulk:
    def _followers(self, community, count, start):
        users = User.objects.bulk_create(
            [
                User(username=f"suiveur{i}", email=f"suiveur{i}@example.org")
                for i in range(start, start + count)
            ]
        )
        users = list(User.objects.filter(username__in=[u.username for u in users]))
        Membership.objects.bulk_create(
            [Membership(community=community, user=u) for u in users]
        )
        community_type = ContentType.objects.get_for_model(community)
        Follow.objects.bulk_create(
            [
                Follow(
                    user=u,
                    target_type=community_type,
                    target_id=community.pk,
                    level=Level.WATCHING,
                )
                for u in users
            ]
        )

    @staticmethod
    def _reads(captured):
        """The queries other than the notifications' inserts (which the
        database back end cuts in batches of its own size)."""
        return [
            q["sql"]
            for q in captured.captured_queries
            if not q["sql"].startswith('INSERT INTO "notifications_notification"')
        ]

    def test_a_thousand_followers_cost_a_constant_number_of_queries(
        self, world, django_assert_max_num_queries
    ):
        community = world["community"]
        self._followers(community, 10, 0)
        with django_assert_max_num_queries(30) as small:
            news(community, world["author"], "Petite.")
        self._followers(community, 990, 10)
        with django_assert_max_num_queries(60) as large:
            created = news(community, world["author"], "Grande.")
        assert len(created) == 1001  # the thousand and the first follower
        assert len(self._reads(large)) == len(self._reads(small))
        assert Notification.objects.filter(excerpt="Grande.").count() == 1001


class TestEmailAtOnce:
    def test_immediate_choice_sends_with_unsubscribe_headers(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        KindPreference.objects.create(
            user=world["follower"], event_type=NEWS, frequency=Frequency.IMMEDIATE
        )
        with django_capture_on_commit_callbacks(execute=True):
            news(world["community"], world["author"])
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == [world["follower"].email]
        assert "Une nouvelle importante." in message.body
        assert message.extra_headers["List-Unsubscribe"].startswith("<http")
        assert "/communaute/notifications/desabonnement/" in message.body
        assert (
            message.extra_headers["List-Unsubscribe-Post"]
            == "List-Unsubscribe=One-Click"
        )
        assert Notification.objects.get(recipient=world["follower"]).emailed_at

    def test_the_default_for_activity_is_the_digest_not_an_email(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            news(world["community"], world["author"])
        assert mailoutbox == []
        assert Notification.objects.get(recipient=world["follower"]).emailed_at is None

    def test_a_personal_decision_is_sent_at_once_by_default(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            deliver(
                DECISION,
                world["author"],
                world["community"],
                [world["bystander"]],
                {"verb": "Votre demande est acceptée"},
            )
        assert [m.to for m in mail.outbox] == [[world["bystander"].email]]
        assert "Votre demande est acceptée" in mail.outbox[0].subject


class TestAutomaticFollow:
    def test_the_actor_follows_what_they_published(self, world):
        news(world["community"], world["bystander"])
        follow = Follow.objects.get(user=world["bystander"])
        assert follow.automatic and follow.level == Level.WATCHING

    def test_an_automatic_follow_never_overrides_a_choice(self, world):
        set_level(world["bystander"], world["community"], Level.MUTED)
        news(world["community"], world["bystander"])
        assert Follow.objects.get(user=world["bystander"]).level == Level.MUTED

    def test_a_new_member_follows_nothing_until_they_act(self, world):
        newcomer = make_user("nouvelle")
        add_member(world["community"], newcomer)
        assert news(world["community"], world["author"]) != []
        assert not Notification.objects.filter(recipient=newcomer).exists()

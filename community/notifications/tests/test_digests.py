"""Daily and weekly digests: with the content, never empty, not what was read,
at 8 h in each member's timezone; batches cost constant queries per member."""

from datetime import UTC, datetime

from django.utils import timezone

import pytest

from community.members.choices import CommunityAccess
from community.members.models import Membership
from community.notifications import digests
from community.notifications.choices import Frequency, MemberTimezone
from community.notifications.models import (
    KindPreference,
    Notification,
    NotificationSettings,
)

from .utils import NEWS, make_user, make_world, news, travel_to

pytestmark = pytest.mark.django_db

# Tuesday 1 December 2026: 6:00 UTC is 7:00 in Paris, 10:00 at La Réunion.
TUESDAY_EARLY = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)
TUESDAY_MORNING = datetime(2026, 12, 1, 7, 30, tzinfo=UTC)  # 8:30 in Paris
MONDAY_MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=UTC)


def run(now, mailoutbox, django_capture_on_commit_callbacks):
    with travel_to(now), django_capture_on_commit_callbacks(execute=True):
        digests.run_digests(now)
    return list(mailoutbox)


@pytest.fixture
def run_at(mailoutbox, django_capture_on_commit_callbacks):
    def runner(now):
        mailoutbox.clear()
        return run(now, mailoutbox, django_capture_on_commit_callbacks)

    return runner


def publish_at(moment, world, text="Une nouvelle importante."):
    with travel_to(moment):
        return news(world["community"], world["author"], text)


class TestDailyDigest:
    def test_carries_the_content_and_leaves_at_8_in_paris(self, world, run_at):
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        assert run_at(TUESDAY_EARLY) == [], "sent before 8 h in Paris"
        sent = run_at(TUESDAY_MORNING)
        assert [m.to for m in sent] == [[world["follower"].email]]
        body = sent[0].body
        assert "Une nouvelle importante." in body
        assert world["community"].name in body
        assert f"{world['author']} a publié une nouvelle" in body
        assert "#nouvelle" in body
        assert sent[0].extra_headers["List-Unsubscribe-Post"] == (
            "List-Unsubscribe=One-Click"
        )
        assert Notification.objects.get(recipient=world["follower"]).emailed_at

    def test_is_sent_once_a_day_and_never_empty(self, world, run_at):
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        assert len(run_at(TUESDAY_MORNING)) == 1
        assert run_at(TUESDAY_MORNING.replace(hour=12)) == []
        assert run_at(datetime(2026, 12, 2, 7, 30, tzinfo=UTC)) == [], (
            "nothing new: no digest"
        )

    def test_is_not_sent_when_already_read_in_the_app(self, world, run_at):
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        Notification.objects.update(read_at=timezone.now())
        assert run_at(TUESDAY_MORNING) == []

    def test_leaves_only_what_was_not_read(self, world, run_at):
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world, "Lue déjà.")
        Notification.objects.update(read_at=timezone.now())
        publish_at(datetime(2026, 11, 30, 16, 0, tzinfo=UTC), world, "Pas encore lue.")
        [message] = run_at(TUESDAY_MORNING)
        assert "Pas encore lue." in message.body
        assert "Lue déjà." not in message.body

    def test_the_timezone_decides_when_it_leaves(self, world, run_at):
        NotificationSettings.objects.create(
            user=world["follower"], timezone=MemberTimezone.REUNION
        )
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        # 3:30 UTC: 7:30 at La Réunion, too early; 4:30 UTC: 8:30 there.
        assert run_at(datetime(2026, 12, 1, 3, 30, tzinfo=UTC)) == []
        assert len(run_at(datetime(2026, 12, 1, 4, 30, tzinfo=UTC))) == 1

    def test_martinique_waits_for_its_own_morning(self, world, run_at):
        NotificationSettings.objects.create(
            user=world["follower"], timezone=MemberTimezone.MARTINIQUE
        )
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        assert run_at(TUESDAY_MORNING) == []  # 3:30 in Martinique
        assert len(run_at(datetime(2026, 12, 1, 12, 30, tzinfo=UTC))) == 1

    def test_a_target_become_private_is_skipped(self, run_at):
        world = make_world(CommunityAccess.RESTRICTED)
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        Membership.objects.filter(user=world["follower"]).delete()
        assert run_at(TUESDAY_MORNING) == []

    def test_a_deleted_target_is_skipped(self, world, run_at):
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        Notification.objects.update(target_id=999999)
        assert run_at(TUESDAY_MORNING) == []

    def test_kinds_chosen_never_or_immediate_are_left_out(self, world, run_at):
        KindPreference.objects.create(
            user=world["follower"], event_type=NEWS, frequency=Frequency.NEVER
        )
        publish_at(datetime(2026, 11, 30, 15, 0, tzinfo=UTC), world)
        assert run_at(TUESDAY_MORNING) == []


class TestWeeklyDigest:
    def test_leaves_on_monday_only(self, world, run_at):
        KindPreference.objects.create(
            user=world["follower"], event_type=NEWS, frequency=Frequency.WEEKLY
        )
        publish_at(datetime(2026, 12, 2, 15, 0, tzinfo=UTC), world)
        assert run_at(datetime(2026, 12, 3, 7, 30, tzinfo=UTC)) == []
        [message] = run_at(MONDAY_MORNING)
        assert "semaine" in message.subject
        assert run_at(MONDAY_MORNING.replace(hour=12)) == []


class TestScale:
    def test_queries_per_member_are_constant(
        self, world, django_assert_max_num_queries, django_capture_on_commit_callbacks
    ):
        community = world["community"]
        members = [world["follower"]]
        for i in range(20):
            user = make_user(f"lecteur{i}")
            Membership.objects.create(community=community, user=user)
            members.append(user)
        with travel_to(datetime(2026, 11, 30, 15, 0, tzinfo=UTC)):
            news(community, world["author"], recipients=members)
            news(community, world["author"], "Deuxième.", recipients=members)
        with (
            travel_to(TUESDAY_MORNING),
            django_capture_on_commit_callbacks(execute=False),
        ):
            with django_assert_max_num_queries(30) as few:
                assert digests.send_digests([members[0].pk], Frequency.DAILY) == 1
            with django_assert_max_num_queries(len(few.captured_queries)):
                assert (
                    digests.send_digests([m.pk for m in members[1:]], Frequency.DAILY)
                    == 20
                )

    def test_the_job_is_registered_with_the_scheduler(self):
        from home.scheduler import periodic_jobs

        assert "notifications_digests" in {job.name for job in periodic_jobs()}

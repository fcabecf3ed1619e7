"""The centre, the header count, preferences, follows and unsubscribe links."""

import time
from datetime import UTC, datetime, timedelta
from unittest import mock

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

import pytest

from community.members.choices import CommunityAccess
from community.members.models import Membership
from community.members.tests.utils import make_community
from community.notifications.choices import Frequency, Level
from community.notifications.models import (
    Follow,
    KindPreference,
    Notification,
    NotificationSettings,
)
from community.notifications.tokens import make_token

from .utils import DECISION, NEWS, make_user, make_world, news, travel_to

pytestmark = pytest.mark.django_db

CENTRE = reverse("notifications:centre")
PREFERENCES = reverse("notifications:preferences")


def unsubscribe_url(user, kind):
    return reverse("notifications:unsubscribe", args=[make_token(user, kind)])


class TestCentre:
    def test_needs_login(self, client):
        response = client.get(CENTRE)
        assert response.status_code == 302 and "/comptes/" in response["Location"]

    def test_lists_my_notifications_grouped_by_day(self, client, world):
        with travel_to(datetime(2026, 11, 30, 10, 0, tzinfo=UTC)):
            news(world["community"], world["author"], "Lundi.")
        with travel_to(datetime(2026, 12, 1, 10, 0, tzinfo=UTC)):
            news(world["community"], world["author"], "Mardi.")
        client.force_login(world["follower"])
        html = client.get(CENTRE).content.decode()
        assert "Lundi 30 novembre 2026" in html
        assert "Mardi 1 décembre 2026" in html
        assert html.index("Mardi.") < html.index("Lundi."), "newest first"
        assert "2 notifications non lues" in html

    def test_others_do_not_see_them(self, client, world):
        news(world["community"], world["author"], "Pour la suiveuse.")
        client.force_login(world["bystander"])
        assert "Pour la suiveuse." not in client.get(CENTRE).content.decode()
        n = Notification.objects.get(recipient=world["follower"])
        assert client.get(reverse("notifications:open", args=[n.pk])).status_code == 404
        response = client.post(reverse("notifications:mark_read", args=[n.pk]))
        assert response.status_code == 404
        assert Notification.objects.get(recipient=world["follower"]).read_at is None

    def test_opening_marks_read_and_goes_to_the_exact_place(self, client, world):
        news(world["community"], world["author"])
        n = Notification.objects.get(recipient=world["follower"])
        client.force_login(world["follower"])
        response = client.get(reverse("notifications:open", args=[n.pk]))
        assert response.status_code == 302
        assert response["Location"].endswith("#nouvelle")
        n.refresh_from_db()
        assert n.read_at is not None

    def test_a_target_become_private_is_not_followed(self, client):
        world = make_world(CommunityAccess.RESTRICTED)
        news(world["community"], world["author"])
        Membership.objects.filter(user=world["follower"]).delete()
        n = Notification.objects.get(recipient=world["follower"])
        client.force_login(world["follower"])
        response = client.get(reverse("notifications:open", args=[n.pk]), follow=True)
        assert response.redirect_chain[-1][0] == CENTRE
        assert "plus disponible" in response.content.decode()

    def test_a_deleted_target_is_not_followed(self, client, world):
        news(world["community"], world["author"])
        n = Notification.objects.get(recipient=world["follower"])
        world["community"].delete()
        client.force_login(world["follower"])
        response = client.get(reverse("notifications:open", args=[n.pk]))
        assert response.status_code == 302 and response["Location"] == CENTRE

    def test_mark_one_and_all_read(self, client, world):
        news(world["community"], world["author"], "Un.")
        news(world["community"], world["author"], "Deux.")
        mine = Notification.objects.filter(recipient=world["follower"])
        first = mine.order_by("pk").first()
        client.force_login(world["follower"])
        client.post(reverse("notifications:mark_read", args=[first.pk]))
        assert mine.filter(read_at__isnull=True).count() == 1
        response = client.post(reverse("notifications:mark_all_read"), follow=True)
        assert "1 notification(s) marquée(s) comme lue(s)." in response.content.decode()
        assert not mine.filter(read_at__isnull=True).exists()

    def test_marking_read_refuses_get(self, client, world):
        client.force_login(world["follower"])
        assert client.get(reverse("notifications:mark_all_read")).status_code == 405


class TestHeaderCount:
    def test_shows_the_count_with_an_accessible_name(self, client, world):
        news(world["community"], world["author"])
        client.force_login(world["follower"])
        html = client.get(reverse("members:dashboard")).content.decode()
        assert 'class="notifications-link"' in html
        assert ", 1 non lue" in html
        assert 'aria-live="polite"' in html

    def test_costs_one_query_per_page(self, client, world):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        news(world["community"], world["author"])
        client.force_login(world["follower"])
        url = world["community"].get_absolute_url()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counting = [
            q["sql"]
            for q in queries.captured_queries
            if 'FROM "notifications_notification"' in q["sql"]
        ]
        assert len(counting) == 1, counting

    def test_anonymous_pages_have_no_count(self, client, world):
        html = client.get(world["community"].get_absolute_url()).content.decode()
        assert "notifications-link" not in html

    def test_the_count_endpoint(self, client, world):
        news(world["community"], world["author"])
        client.force_login(world["follower"])
        response = client.get(reverse("notifications:unread_count"))
        assert response.json() == {"unread": 1}


class TestPreferences:
    def test_saves_frequencies_and_timezone(self, client, world):
        client.force_login(world["follower"])
        data = {"timezone": "Indian/Reunion", "kind__essai__nouvelle": "hebdomadaire"}
        data["kind__essai__decision"] = "jamais"
        response = client.post(PREFERENCES, {**self._defaults(client), **data})
        assert response.status_code == 302
        assert (
            KindPreference.objects.get(
                user=world["follower"], event_type=NEWS
            ).frequency
            == Frequency.WEEKLY
        )
        assert (
            NotificationSettings.objects.get(user=world["follower"]).timezone
            == "Indian/Reunion"
        )

    def _defaults(self, client):
        form = client.get(PREFERENCES).context["form"]
        return {
            name: field.initial or form.initial.get(name)
            for name, field in form.fields.items()
        }

    def test_unknown_values_are_refused_with_a_message(self, client, world):
        client.force_login(world["follower"])
        data = {
            **self._defaults(client),
            "timezone": "Mars/Olympus",
            "kind__essai__nouvelle": "toutes-les-minutes",
        }
        response = client.post(PREFERENCES, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert "rien n&#x27;a été enregistré" in html
        assert "toutes-les-minutes n’est pas un des choix disponibles" in html or (
            "Sélectionnez un choix valide" in html
        )
        assert not KindPreference.objects.filter(user=world["follower"]).exists()
        assert not NotificationSettings.objects.filter(user=world["follower"]).exists()

    def test_lists_every_kind_with_its_default(self, client, world):
        client.force_login(world["follower"])
        html = client.get(PREFERENCES).content.decode()
        assert "Nouvelles de l&#x27;e-communauté (essai)" in html
        assert "Par défaut : Immédiatement." in html


class TestUnsubscribe:
    def test_works_without_login_and_stops_that_kind_at_once(
        self, client, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        url = unsubscribe_url(world["follower"], DECISION)
        page = client.get(url)
        assert page.status_code == 200 and "Me désabonner" in page.content.decode()
        assert not KindPreference.objects.exists(), "a GET changes nothing"
        response = client.post(url)
        assert response.status_code == 200
        assert (
            KindPreference.objects.get(
                user=world["follower"], event_type=DECISION
            ).frequency
            == Frequency.NEVER
        )
        from community.notifications.publishing import deliver

        with django_capture_on_commit_callbacks(execute=True):
            deliver(DECISION, world["author"], None, [world["follower"]], {"verb": "x"})
        assert mailoutbox == []
        assert Notification.objects.filter(recipient=world["follower"]).exists()

    def test_one_click_post_from_the_mail_client(self, client, world):
        url = unsubscribe_url(world["follower"], "digest:quotidien")
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert (
            KindPreference.objects.get(
                user=world["follower"], event_type=NEWS
            ).frequency
            == Frequency.NEVER
        )
        # Kinds sent at once stay as they were.
        assert not KindPreference.objects.filter(event_type=DECISION).exists()

    def test_a_tampered_token_is_refused_clearly(self, client, world):
        url = unsubscribe_url(world["follower"], NEWS)
        tampered = url[:-3] + ("aaa" if not url.endswith("aaa/") else "bbb") + "/"
        response = client.post(tampered)
        assert response.status_code == 400
        assert "n&#x27;est pas valide" in response.content.decode()
        assert not KindPreference.objects.exists()

    def test_an_expired_token_is_refused_clearly(self, client, world):
        url = unsubscribe_url(world["follower"], NEWS)
        later = time.time() + timedelta(days=91).total_seconds()
        with mock.patch("django.core.signing.time.time", return_value=later):
            response = client.post(url)
        assert response.status_code == 400
        assert "a expiré" in response.content.decode()
        assert not KindPreference.objects.exists()

    def test_an_unknown_kind_is_refused(self, client, world):
        response = client.post(unsubscribe_url(world["follower"], "essai.disparu"))
        assert response.status_code == 400


class TestFollow:
    def _post(self, client, obj, level):
        return client.post(
            reverse("notifications:follow"),
            {
                "type": ContentType.objects.get_for_model(obj).pk,
                "id": obj.pk,
                "level": level,
                "next": "/",
            },
        )

    def test_follow_change_and_unfollow(self, client, world):
        client.force_login(world["bystander"])
        community = world["community"]
        assert self._post(client, community, Level.WATCHING).status_code == 302
        assert Follow.objects.get(user=world["bystander"]).level == Level.WATCHING
        self._post(client, community, Level.MUTED)
        assert Follow.objects.get(user=world["bystander"]).level == Level.MUTED
        self._post(client, community, "aucun")
        assert not Follow.objects.filter(user=world["bystander"]).exists()

    def test_unknown_level_changes_nothing(self, client, world):
        client.force_login(world["bystander"])
        response = self._post(client, world["community"], "fanatique")
        assert response.status_code == 302
        assert not Follow.objects.filter(user=world["bystander"]).exists()

    def test_what_one_may_not_see_cannot_be_followed(self, client):
        secret = make_community(CommunityAccess.SECRET, name="Secrète essai")
        curious = make_user("curieux")
        client.force_login(curious)
        assert self._post(client, secret, Level.WATCHING).status_code == 404
        assert not Follow.objects.filter(user=curious).exists()

    def test_a_model_that_is_not_followable_is_a_404(self, client, world):
        client.force_login(world["bystander"])
        response = self._post(client, world["author"], Level.WATCHING)
        assert response.status_code == 404
        bad = client.post(reverse("notifications:follow"), {"type": "x", "id": "1"})
        assert bad.status_code == 404

    def test_the_community_page_has_the_button(self, client, world):
        client.force_login(world["bystander"])
        html = client.get(world["community"].get_absolute_url()).content.decode()
        assert reverse("notifications:follow") in html

    def test_what_i_follow(self, client, world):
        client.force_login(world["follower"])
        html = client.get(reverse("notifications:following")).content.decode()
        assert world["community"].name in html
        assert "Suivi : tout ce qui s&#x27;y passe" in html

"""RGPD: notifications, follows and preferences in « mes données », erased
with the account (and the notifications others got about the member)."""

import pytest

from community.members.personal_data import erase_member, export_member_data
from community.notifications.choices import Frequency
from community.notifications.models import (
    Follow,
    KindPreference,
    Notification,
    NotificationSettings,
)

from .utils import NEWS, news

pytestmark = pytest.mark.django_db


def test_the_export_holds_notifications_follows_and_preferences(world):
    news(world["community"], world["author"], "Texte exporté.")
    KindPreference.objects.create(
        user=world["follower"], event_type=NEWS, frequency=Frequency.WEEKLY
    )
    NotificationSettings.objects.create(
        user=world["follower"], timezone="Indian/Reunion"
    )
    data = export_member_data(world["follower"])["notifications"]
    assert data["fuseau_horaire"] == "Indian/Reunion"
    assert data["courriels"] == {NEWS: "Résumé hebdomadaire"}
    assert [n["extrait"] for n in data["notifications"]] == ["Texte exporté."]
    assert data["suivis"][0]["niveau"].startswith("Suivi")
    other = export_member_data(world["bystander"])["notifications"]
    assert other["notifications"] == [] and other["suivis"] == []


def test_erasing_the_account_removes_them(world):
    news(world["community"], world["author"], "Écrit par l'autrice.")
    KindPreference.objects.create(
        user=world["follower"], event_type=NEWS, frequency=Frequency.NEVER
    )
    erase_member(world["follower"])
    assert not Notification.objects.filter(recipient=world["follower"]).exists()
    assert not Follow.objects.filter(user=world["follower"]).exists()
    assert not KindPreference.objects.filter(user=world["follower"]).exists()
    assert Follow.objects.filter(user=world["author"]).exists(), "others keep theirs"


def test_erasing_the_actor_removes_what_others_were_told_of_them(world):
    news(world["community"], world["author"], "Écrit par l'autrice.")
    assert Notification.objects.filter(recipient=world["follower"]).exists()
    erase_member(world["author"])
    assert not Notification.objects.filter(excerpt="Écrit par l'autrice.").exists()

"""Carnets and notifications: an entry is an author-owned followable item;
feedback on it reaches its author and those who follow it, in the centre,
naming the entry without quoting it; muting it silences it."""

import pytest

from community.notifications.choices import Level
from community.notifications.following import set_level
from community.notifications.models import Notification
from tests.support.sessions import logged_in_client

from .utils import World, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World("-notif")


def give_feedback(world, entry, user, text, capture):
    with capture(execute=True):
        return logged_in_client(user).post(
            entry.get_absolute_url() + "retours/", {"comment": text}
        )


def test_feedback_reaches_the_author_and_the_entry_followers(
    world, django_capture_on_commit_callbacks
):
    entry = make_entry(world.carnet, world.alice, title="Entrée suivie", body="Secret.")
    set_level(world.bruno, entry, Level.WATCHING)
    response = give_feedback(
        world, entry, world.facilitator, "Bravo.", django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    told = set(
        Notification.objects.filter(target_id=entry.pk).values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {world.alice.username, world.bruno.username}
    note = Notification.objects.get(recipient=world.alice)
    assert "Entrée suivie" in note.verb
    assert "Secret." not in note.excerpt, "a carnet entry is named, never quoted"


def test_an_author_who_muted_the_entry_hears_nothing(
    world, django_capture_on_commit_callbacks
):
    entry = make_entry(world.carnet, world.alice, title="Entrée au calme")
    set_level(world.alice, entry, Level.MUTED)
    give_feedback(
        world,
        entry,
        world.facilitator,
        "Un retour.",
        django_capture_on_commit_callbacks,
    )
    assert not Notification.objects.filter(recipient=world.alice).exists()


def test_the_entry_page_has_the_follow_button(world):
    entry = make_entry(world.carnet, world.alice, title="Entrée à suivre")
    html = logged_in_client(world.bruno).get(entry.get_absolute_url()).content.decode()
    assert "/communaute/notifications/suivre/" in html

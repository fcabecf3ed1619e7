"""Défis and notifications: a défi is followable (button on its page) and its
news reach those who follow it, in the centre."""

from django.urls import reverse

import pytest

from community.challenges.choices import ChallengeRole
from community.challenges.models import ChallengePerson
from community.members.tests.utils import make_user
from community.notifications.choices import Level
from community.notifications.following import set_level
from community.notifications.models import Notification

from .utils import make_challenge

pytestmark = pytest.mark.django_db


def test_news_of_a_followed_defi_reach_its_followers(
    client, django_capture_on_commit_callbacks
):
    challenge = make_challenge("Un défi suivi ?", slug="defi-suivi-notifications")
    holder, fan, other = make_user("porteuse"), make_user("fan"), make_user("autre")
    ChallengePerson.objects.create(
        challenge=challenge, role=ChallengeRole.HOLDER, member=holder
    )
    set_level(fan, challenge, Level.WATCHING)
    client.force_login(holder)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            challenge.url + "nouvelles/",
            {
                "title": "Six mois après",
                "body": "Le prototype est adopté.",
                "date": "2026-06-01",
            },
        )
    assert response.status_code == 302
    note = Notification.objects.get(recipient=fan)
    assert "Six mois après" in note.verb
    assert note.excerpt == "Le prototype est adopté."
    assert note.url.endswith("#nouvelles")
    assert not Notification.objects.filter(recipient__in=[holder, other]).exists()


def test_the_defi_page_has_the_follow_button(client):
    challenge = make_challenge("Un défi à suivre ?", slug="defi-a-suivre-notif")
    client.force_login(make_user("curieuse"))
    html = client.get(challenge.url).content.decode()
    assert reverse("notifications:follow") in html
    assert "Suivre" in html

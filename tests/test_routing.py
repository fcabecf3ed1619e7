"""Routable pages of the apps (an édition's programme, a défi's sub-routes)
are still found by the one-read routing of ``home.pages``."""

import pytest

pytestmark = pytest.mark.django_db


def test_sub_routes_of_routable_pages_and_their_children(client):
    from community.challenges.models import ChallengePage
    from community.events.models import EditionPage

    edition = EditionPage.objects.get(slug="universite-2018")
    venue = edition.sites.first().venue
    assert client.get(f"{edition.url}programme/{venue.slug}/").status_code == 200
    challenge = ChallengePage.objects.live().first()
    assert client.get(challenge.url).status_code == 200
    assert client.get(f"{challenge.url}pas-une-route/").status_code == 404

"""Related objects are named only to those who may see them (issue 17).

A public défi is linked to private things — a team of a restricted community
and one of a secret community, pages behind a login, a group or a password,
an édition restricted to logged-in members — each with a unique marker in its
title or name (``tests/support/cast.py``). Every live page of every Wagtail
page type is then rendered as every persona of the permission matrix: no
marker may appear to a persona the policy does not let see it, and the markers
a persona may see do appear where they are named (so the test can fail).
"""

from wagtail.models import Page, get_page_models

import pytest

from tests.support.cast import (
    PERSONAS,
    make_cast,
    private_related_on_public_challenge,
    secret_team_on_public_challenge,
)
from tests.support.sessions import logged_in_client

pytestmark = pytest.mark.django_db


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.fixture
def world():
    cast = make_cast()
    secrets = [secret_team_on_public_challenge(cast)]
    secrets += private_related_on_public_challenge(cast)
    return cast, secrets


def every_page_url():
    """One URL per live page, of every page type; the types rendered."""
    models = set(get_page_models())
    urls, types = [], set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if type(page) in models and page.url:
            urls.append(page.url)
            types.add(type(page).__name__)
    return urls, types


@pytest.mark.parametrize("persona", PERSONAS)
def test_related_objects_follow_the_policy(world, persona):
    cast, secrets = world
    client = logged_in_client(cast[persona])
    urls, types = every_page_url()
    assert {"ChallengePage", "ChallengeIndexPage", "EditionPage"} <= types
    leaks, errors = [], []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url} → {response.status_code}")
            continue
        if response.status_code != 200:
            continue
        text = body(response).upper()
        for secret in secrets:
            if persona not in secret.allowed and secret.token in text:
                leaks.append(f"{secret.what} visible sur {url}")
    assert not errors, "\n".join(errors)
    assert not leaks, f"fuites pour « {persona} » :\n" + "\n".join(leaks)
    # The other way round: what the persona may see is named on the défi.
    for secret in secrets:
        if persona in secret.allowed and secret.url:
            text = body(client.get(secret.url)).upper()
            assert secret.token in text, f"{persona} devrait voir {secret.what}"


@pytest.mark.parametrize(("persona", "named"), [("anonymous", False), ("member", True)])
def test_edition_filter_names_only_visible_editions(world, persona, named):
    cast, secrets = world
    edition = next(s for s in secrets if "EDITIONCONNECTES" in s.token)
    client = logged_in_client(cast[persona])
    text = body(client.get("/defis/")).upper()
    assert (edition.token in text) is named

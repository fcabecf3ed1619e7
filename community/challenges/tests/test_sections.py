"""The défis app's sections on the pages below it, and the défi page's own
sections (home/sections.py)."""

from django.utils.html import escape

import pytest

from community.challenges.models import ChallengePage
from community.events.tests.utils import make_edition

from .utils import make_challenge

pytestmark = pytest.mark.django_db


def test_challenge_page_shows_registered_sections(client, page_section):
    defi = make_challenge()
    seen = []

    def context(request, obj):
        seen.append(obj)
        return {"label": obj.question}

    page_section(
        "challenges.challenge", "<p>Section : {{ label }}</p>", context=context
    )
    html = client.get(defi.url).content.decode()
    assert [(type(page), page.pk) for page in seen] == [(ChallengePage, defi.pk)]
    assert 'aria-labelledby="section-challenges-challenge-essai-1"' in html
    assert f"Section : {escape(defi.question)}" in html


class TestEditionChallengesSection:
    def test_the_edition_page_lists_its_defis(self, client):
        edition = make_edition()
        defi = make_challenge("Comment relier les défis ?", edition=edition)
        other = make_challenge("Comment rester ailleurs ?")
        html = client.get(edition.url).content.decode()
        assert 'aria-labelledby="section-events-edition-defis"' in html
        assert "Les défis de l&#x27;édition" in html
        assert defi.title.replace("'", "&#x27;") in html
        assert other.title not in html

    def test_hidden_without_live_public_defis(self, client):
        edition = make_edition()
        draft = make_challenge("Comment rester en brouillon ?", edition=edition)
        draft.unpublish()
        html = client.get(edition.url).content.decode()
        assert "section-events-edition-defis" not in html
        assert draft.title not in html

    def test_a_restricted_defi_is_listed_only_to_who_may_see_it(self, client):
        from wagtail.models import PageViewRestriction

        from community.members.tests.utils import make_user

        edition = make_edition()
        defi = make_challenge("Comment rester entre membres ?", edition=edition)
        PageViewRestriction.objects.create(
            page=defi, restriction_type=PageViewRestriction.LOGIN
        )
        assert defi.title not in client.get(edition.url).content.decode()
        client.force_login(make_user("membre"))
        html = client.get(edition.url).content.decode()
        assert "section-events-edition-defis" in html
        assert defi.title in html

    def test_the_seeded_2018_edition_lists_its_rennes_defis(self, client):
        from community.challenges.demo import RENNES_2018
        from community.events.models import EditionPage

        edition = EditionPage.objects.get(slug="universite-2018")
        html = client.get(edition.url).content.decode()
        assert html.count('href="/defis/2018-rennes-defi-') == len(RENNES_2018)

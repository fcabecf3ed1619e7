"""An édition page renders the sections apps above register on it
(home/sections.py)."""

import pytest

from community.events.models import EditionPage

from .utils import make_edition

pytestmark = pytest.mark.django_db


def test_edition_page_shows_registered_sections(client, page_section):
    edition = make_edition()
    seen = []

    def context(request, obj):
        seen.append(obj)
        return {"label": obj.title}

    page_section("events.edition", "<p>Section : {{ label }}</p>", context=context)
    page_section(
        "events.edition", "<p>jamais</p>", key="cachee", context=lambda r, o: None
    )
    html = client.get(edition.url).content.decode()
    assert [type(page) for page in seen] == [EditionPage]
    assert seen[0].pk == edition.pk
    assert 'aria-labelledby="section-events-edition-essai-1"' in html
    assert f"Section : {edition.title}" in html
    assert "jamais" not in html

"""The déclaration d'accessibilité states the measured level, its date and
what was audited — and stays true when the audited pages change."""

import re

from django.utils.html import strip_tags

import pytest

from home.models import StandardPage
from tests.accessibility.pages import VIEWS, first_page_of, page_type_labels

pytestmark = pytest.mark.django_db


def declaration_text(client):
    page = StandardPage.objects.get(slug="accessibilite")
    response = client.get(page.url)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())


def test_it_states_the_level_and_the_date_of_the_measure(client):
    text = declaration_text(client)
    assert "RGAA 4.1" in text
    assert re.search(
        r"\b(non conforme|partiellement conforme|totalement conforme)", text
    )
    assert re.search(r"Mesure du \d{1,2} \w+ 20\d\d", text)
    assert "WCAG 2.1 niveaux A et AA" in text


def test_the_number_of_audited_pages_is_the_suite_s(client):
    """tests/accessibility/test_axe.py audits every page type of the demo and
    every view of pages.py: a new one changes the count, and the declaration
    (home/demo.py) must say so."""
    audited = sum(1 for label in page_type_labels() if first_page_of(label)) + len(
        VIEWS
    )
    match = re.search(r"\((\d+) pages et vues contrôlées", declaration_text(client))
    assert match, "la déclaration doit dire combien de pages sont contrôlées"
    assert int(match.group(1)) == audited

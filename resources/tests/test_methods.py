import pytest
from bs4 import BeautifulSoup

from resources.models import MethodIndexPage, MethodPage, RolePage

from .utils import make_method, page_html

pytestmark = pytest.mark.django_db


def listed_titles(client, **params):
    response = client.get(MethodIndexPage.objects.get().url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {h3.get_text(strip=True) for h3 in soup.select(".card__title")}


class TestFilters:
    def test_phase_filter(self, client):
        titles = listed_titles(client, phase="capitalise")
        assert titles == {"Mini-conférence", "Boucle d'amélioration et bilan"}

    def test_filters_combine(self, client):
        make_method(
            "Long et grand",
            phase="capitalise",
            duration_minutes=600,
            group_min=40,
            group_max=80,
        )
        assert listed_titles(client, phase="capitalise", duration="long") == {
            "Long et grand"
        }
        assert (
            listed_titles(client, phase="capitalise", duration="day", group_size="team")
            == set()
        )
        assert listed_titles(client, phase="capitalise", group_size="large") == {
            "Mini-conférence",
            "Long et grand",
        }

    def test_group_size_matches_overlapping_ranges(self, client):
        titles = listed_titles(client, group_size="large")
        assert "Exposition collective avec rétroactions" in titles
        assert "Mini-immersion" not in titles

    def test_filters_are_in_the_url_and_survive_pagination(self, client):
        for number in range(13):
            make_method(f"Fiche {number:02d}", phase="test", duration_minutes=30)
        response = client.get(
            MethodIndexPage.objects.get().url, {"phase": "test", "duration": "short"}
        )
        content = response.content.decode()
        assert "?phase=test&amp;duration=short&amp;page=2" in content
        assert 'value="test" selected' in content

    def test_unknown_values_are_ignored(self, client):
        titles = listed_titles(client, phase="nope", duration="x")
        assert len(titles) == MethodPage.objects.live().count()

    def test_form_works_without_javascript(self, client):
        content = page_html(client, MethodIndexPage.objects.get())
        soup = BeautifulSoup(content, "html.parser")
        form = soup.find("form", class_="filters")
        assert form["method"] == "get"
        assert form.find("fieldset").find("legend")
        for name in ("phase", "duration", "group_size"):
            assert form.find("label", attrs={"for": f"id_{name}"})
        assert form.find("button", type="submit")


class TestMethodSheet:
    def test_swot_matrix_is_an_accessible_table(self, client):
        content = page_html(client, MethodPage.objects.get(slug="swot-croise"))
        soup = BeautifulSoup(content, "html.parser")
        table = soup.find("table")
        assert "SWOT croisé" in table.caption.text
        assert [th.text.strip() for th in table.select('th[scope="col"]')][1:] == [
            "Opportunités",
            "Menaces",
        ]
        assert [th.text.strip() for th in table.select('th[scope="row"]')] == [
            "Forces",
            "Faiblesses",
        ]

    def test_steps_are_ordered_and_relations_shown(self, client):
        page = MethodPage.objects.get(slug="mini-immersion")
        soup = BeautifulSoup(page_html(client, page), "html.parser")
        steps = [h.get_text(" ", strip=True) for h in soup.select("ol.steps h3")]
        assert steps[0].startswith("Préparer") and steps[-1].startswith("Partager")
        related = soup.find(id="ressources-liees").find_parent("section").text
        assert "Facilitateur" in related and "Immersion" in related

    def test_group_min_above_max_is_refused(self):
        from django.core.exceptions import ValidationError

        page = MethodPage(
            title="x",
            slug="x",
            objective="<p>x</p>",
            duration_minutes=10,
            group_min=9,
            group_max=3,
        )
        with pytest.raises(ValidationError):
            page.clean()


class TestRoles:
    def test_every_actor_of_the_seed_has_a_role_card(self):
        titles = set(RolePage.objects.live().values_list("title", flat=True))
        for title in (
            "Équipe logistique",
            "Équipe de communication",
            "Conférencier",
            "Expert",
            "Grand témoin",
            "Porteur de défi",
            "Facilitateur",
            "Équipe défis et designers",
            "Chercheur",
            "Jeune citoyen européen",
            "Participant",
            "Contributeur",
        ):
            assert title in titles

    def test_role_card_shows_moments_contact_and_methods(self, client):
        role = RolePage.objects.get(slug="facilitateur")
        soup = BeautifulSoup(page_html(client, role), "html.parser")
        headings = [h.text for h in soup.select(".moments h3")]
        assert headings == [
            "Avant l'université",
            "Pendant l'université",
            "Après l'université",
        ]
        assert (
            "Mission innovation" in soup.find(id="contact").find_parent("section").text
        )
        related = soup.find(id="ressources-liees").find_parent("section").text
        assert "Mini-immersion" in related and "SWOT croisé" in related

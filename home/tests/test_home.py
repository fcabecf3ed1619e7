from django.test import RequestFactory

import pytest

from home.models import HomePage, ShellSettings, Theme
from home.pagination import paginate
from home.tests.utils import make_standard_page

pytestmark = pytest.mark.django_db


def test_home_presents_the_seven_grandes_mutations(client):
    response = client.get("/")
    content = response.content.decode()
    assert Theme.objects.count() == 7
    for theme in Theme.objects.all():
        assert theme.name.replace("'", "&#x27;") in content


def test_home_lists_what_is_new_in_each_section(client):
    resources = HomePage.objects.get().get_children().get(slug="ressources")
    make_standard_page(resources.get_children().first(), "Nouveauté toute fraîche")
    content = client.get("/").content.decode()
    assert "Nouveauté toute fraîche" in content


def test_home_never_lists_drafts_or_private_pages(client):
    from wagtail.models import PageViewRestriction

    section = HomePage.objects.get().get_children().get(slug="defis")
    make_standard_page(section, "Défi en brouillon", live=False)
    private = make_standard_page(section, "Défi réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    content = client.get("/").content.decode()
    assert "Défi en brouillon" not in content
    assert "Défi réservé" not in content


def test_shell_has_landmarks_skip_link_and_legal_links(client):
    content = client.get("/ressources/").content.decode()
    assert 'href="#contenu"' in content
    assert '<main id="contenu"' in content
    assert 'aria-label="Menu principal"' in content
    assert 'aria-label="Fil d’Ariane"' in content
    shell = ShellSettings.objects.get()
    for page in (shell.accessibility_page, shell.legal_page, shell.privacy_page):
        assert f'href="{page.url}"' in content
    assert "Accessibilité : non conforme" in content


def test_main_menu_is_built_from_the_page_tree(client):
    content = client.get("/defis/").content.decode()
    for title in ("Ressources", "Communauté", "Défis", "Événements"):
        assert f">{title}</a>" in content
    assert 'href="/defis/" aria-current="page"' in content


def test_home_page_query_count_does_not_grow_with_content(
    client, django_assert_max_num_queries
):
    client.get("/")  # warm caches (site root, settings)
    with django_assert_max_num_queries(15) as small:
        client.get("/")
    section = HomePage.objects.get().get_children().get(slug="evenements")
    for number in range(15):
        make_standard_page(section, f"Événement {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/")


def test_index_page_query_count_does_not_grow_with_children(
    client, django_assert_max_num_queries
):
    section = HomePage.objects.get().get_children().get(slug="evenements")
    make_standard_page(section, "Événement initial")
    client.get("/evenements/")
    with django_assert_max_num_queries(17) as small:
        client.get("/evenements/")
    for number in range(11):
        make_standard_page(section, f"Événement {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/evenements/")
    assert response.content.decode().count('class="card"') == 12


@pytest.mark.parametrize(
    ("asked", "expected"), [("2", 2), ("abc", 1), ("999", 3), ("-1", 3)]
)
def test_pagination_never_fails_on_bad_page_numbers(asked, expected):
    request = RequestFactory().get("/", {"page": asked})
    assert paginate(request, list(range(30)), per_page=12).number == expected


def test_interface_stays_french_whatever_the_browser_asks(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="fr">' in response.content.decode()
    assert response["Content-Language"] == "fr-fr"


def test_visitor_can_choose_the_english_interface(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get("/")
    assert '<html lang="en">' in response.content.decode()
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert '<html lang="fr">' in client.get("/").content.decode()


def test_pagination_links_stay_few_and_name_their_parameter():
    from django.template.loader import render_to_string

    request = RequestFactory().get("/", {"equipes": "20"})
    page = paginate(request, list(range(1000)), per_page=10, param="equipes")
    html = render_to_string("home/includes/pagination.html", {"page_obj": page})
    assert page.number == 20
    assert html.count("<li>") <= 12  # not one link per page of 100
    assert 'href="?equipes=19" rel="prev"' in html
    assert 'href="?equipes=100"' in html and 'href="?equipes=50"' not in html
    assert "…" in html and "page=" not in html


def test_pages_without_view_restrictions_are_wagtails_public_pages():
    from wagtail.models import Page, PageViewRestriction

    from home.pages import without_view_restrictions

    section = HomePage.objects.get().get_children().get(slug="evenements")
    hidden = make_standard_page(section, "Réservé aux membres")
    make_standard_page(hidden, "Sous-page réservée")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )
    ours = set(
        without_view_restrictions(Page.objects.all()).values_list("pk", flat=True)
    )
    assert ours == set(Page.objects.public().values_list("pk", flat=True))
    assert hidden.pk not in ours and section.pk in ours
    assert not hidden.get_children().filter(pk__in=ours).exists()

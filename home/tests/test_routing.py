"""Pages are routed with their ancestors in one read (``home.pages``), with
Wagtail's answers: drafts and unknown paths 404, view restrictions hold,
sub-routes of routable pages are found."""

from wagtail.models import PageViewRestriction

import pytest

from home.models import HomePage

from .utils import make_standard_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return HomePage.objects.get().get_children().get(slug="evenements")


def test_a_deep_page_is_found_and_knows_its_ancestors(client, section):
    parent = make_standard_page(section, "Parent routé")
    child = make_standard_page(parent, "Enfant routé")
    response = client.get(child.url)
    assert response.status_code == 200
    page = response.context["page"]
    assert page.pk == child.pk
    assert [a.pk for a in page.route_ancestors][-2:] == [section.pk, parent.pk]
    breadcrumbs = response.content.decode().split('class="breadcrumbs')[1]
    assert parent.title in breadcrumbs.split("</nav>")[0]


def test_drafts_and_unknown_paths_are_not_found(client, section):
    draft = make_standard_page(section, "Brouillon routé", live=False)
    assert client.get(draft.url or "/evenements/brouillon-route/").status_code == 404
    assert client.get("/evenements/nulle-part/").status_code == 404
    assert client.get("/evenements/nulle-part/encore/").status_code == 404


def test_view_restrictions_of_an_ancestor_still_hold(client, section):
    parent = make_standard_page(section, "Réservé routé")
    child = make_standard_page(parent, "Enfant réservé")
    PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(child.url)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_routing_reads_the_tree_once(client, section, django_assert_max_num_queries):
    deep = make_standard_page(make_standard_page(section, "Niveau 3"), "Niveau 4")
    client.get(deep.url)
    with django_assert_max_num_queries(13):
        assert client.get(deep.url).status_code == 200

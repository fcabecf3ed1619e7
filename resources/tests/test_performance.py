"""Each library index runs a constant number of queries, 10 items or 1,000."""

from django.utils import timezone

from wagtail.models import Collection

import pytest

from resources.models import (
    DocumentIndexPage,
    GlossaryIndexPage,
    GlossaryTermPage,
    MethodIndexPage,
    MethodPage,
    ResourceDocument,
    RoleIndexPage,
    RolePage,
)

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20


def add_pages(index_model, build, total):
    """Top the library up to ``total`` live entries (no revisions: faster)."""
    parent = index_model.objects.get()
    existing = parent.get_children().count()
    now = timezone.now()
    for number in range(existing, total):
        page = build(number)
        page.live = True
        page.first_published_at = page.last_published_at = now
        parent.add_child(instance=page)


def role(number):
    return RolePage(
        title=f"Rôle {number:04d}",
        slug=f"role-{number}",
        mission="<p>Mission</p>",
        summary="Résumé",
    )


def term(number):
    return GlossaryTermPage(
        title=f"Terme {number:04d}",
        slug=f"terme-{number}",
        definition="<p>Définition</p>",
    )


def method(number):
    return MethodPage(
        title=f"Méthode {number:04d}",
        slug=f"methode-{number}",
        objective="<p>Objectif</p>",
        phase="test",
        duration_minutes=30,
        group_min=2,
        group_max=10,
    )


def add_documents(_index_model, _build, total):
    collection = Collection.objects.get(name="Ressources")
    existing = ResourceDocument.objects.public().count()
    ResourceDocument.objects.bulk_create(
        ResourceDocument(
            title=f"Document {number:04d}",
            file=f"documents/d{number}.txt",
            collection=collection,
            description="Description",
        )
        for number in range(existing, total)
    )


CASES = [
    (RoleIndexPage, role, add_pages, {}),
    (GlossaryIndexPage, term, add_pages, {}),
    (MethodIndexPage, method, add_pages, {"phase": "test", "group_size": "small"}),
    (DocumentIndexPage, None, add_documents, {"language": "fr", "q": "description"}),
]


@pytest.mark.parametrize(
    ("index_model", "build", "grow", "filters"),
    CASES,
    ids=["roles", "glossaire", "methodologies", "documents"],
)
def test_library_index_query_count_is_constant(
    client, django_assert_max_num_queries, index_model, build, grow, filters
):
    url = index_model.objects.get().url
    grow(index_model, build, 10)
    client.get(url)  # warm per-process caches (site root paths, settings)
    counts = {}
    for size in (10, 1000):
        grow(index_model, build, size)
        for params in ({}, filters) if filters else ({},):
            with django_assert_max_num_queries(MAX_QUERIES) as captured:
                response = client.get(url, params)
            assert response.status_code == 200
            counts[(size, bool(params))] = len(captured.captured_queries)
    print(index_model.__name__, counts)  # noqa: T201 — shown with -s, for the record
    for filtered in {filtered for _size, filtered in counts}:
        assert counts[(10, filtered)] == counts[(1000, filtered)]

"""``search_reindex`` rebuilds the index and ``--check`` reports what differs
from the database: missing or extra items, changed titles, addresses or text,
and on Elasticsearch an index written by another version of the code."""

from io import StringIO

from django.core.management import call_command

import pytest

from search.models import SearchEntry

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def check():
    out = StringIO()
    try:
        call_command("search_reindex", "--check", stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_check_reports_a_changed_body_until_the_index_is_rebuilt():
    call_command("search_reindex", stdout=StringIO(), stderr=StringIO())
    code, out = check()
    assert code == 0 and "Index à jour" in out
    entry = SearchEntry.objects.filter(key__startswith="wagtailcore.page:").first()
    SearchEntry.objects.filter(pk=entry.pk).update(body="Un texte d'avant")
    code, out = check()
    assert code == 1
    assert "1 périmés" in out and entry.key in out
    call_command("search_reindex", stdout=StringIO(), stderr=StringIO())
    assert check()[0] == 0
    assert SearchEntry.objects.get(key=entry.key).body != "Un texte d'avant"


@pytest.mark.elasticsearch
def test_check_reports_an_index_of_another_version(monkeypatch):
    from search.backends import elasticsearch

    call_command("search_reindex", stdout=StringIO(), stderr=StringIO())
    assert check()[0] == 0
    monkeypatch.setattr(elasticsearch, "INDEX_VERSION", elasticsearch.INDEX_VERSION + 1)
    code, out = check()
    assert code == 1
    assert f"version attendue {elasticsearch.INDEX_VERSION}" in out
    call_command("search_reindex", stdout=StringIO(), stderr=StringIO())
    assert check()[0] == 0

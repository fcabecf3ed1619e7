"""The results page's asides (``search.asides``): an app shows a block under
the results of a search without this app knowing it."""

from django.core.exceptions import ImproperlyConfigured

import pytest

from search import asides

pytestmark = pytest.mark.django_db


@pytest.fixture
def aside(template_strings):
    """Register a test aside whose template is ``body``; removed afterwards."""
    registered = []

    def add(body, context, key="essai", order=1):
        template_strings[f"tests/asides/{key}.html"] = body
        asides.register_results_aside(key, f"tests/asides/{key}.html", context, order)
        registered.append(key)

    yield add
    for key in registered:
        asides.unregister_results_aside(key)


def test_an_aside_shows_under_the_results_with_its_context(client, aside):
    seen = []

    def context(request, query, results):
        seen.append((query.text, results.total))
        return {"word": "bonjour"}

    aside('<p id="aparte">{{ word }} {{ query.text }}</p>', context)
    html = client.get("/recherche/", {"q": "zzqqxx"}).content.decode()
    assert '<p id="aparte">bonjour zzqqxx</p>' in html
    assert seen == [("zzqqxx", 0)]


def test_none_hides_it_and_an_empty_query_does_not_ask(client, aside):
    calls = []

    def context(request, query, results):
        calls.append(query.text)
        return None

    aside('<p id="aparte">caché</p>', context)
    assert 'id="aparte"' not in client.get("/recherche/", {"q": "x"}).content.decode()
    assert 'id="aparte"' not in client.get("/recherche/").content.decode()
    assert calls == ["x"]


def test_asides_come_in_order_and_escape_their_values(client, aside):
    aside("<p>second</p>", lambda *a: {}, key="b", order=2)
    aside("<p>premier {{ v }}</p>", lambda *a: {"v": "<b>"}, key="a", order=1)
    html = client.get("/recherche/", {"q": "x"}).content.decode()
    assert html.index("premier &lt;b&gt;") < html.index("second")


def test_a_key_must_be_a_plain_word():
    with pytest.raises(ImproperlyConfigured):
        asides.register_results_aside("pas bien", "x.html", lambda *a: {})

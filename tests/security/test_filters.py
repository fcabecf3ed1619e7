"""Every filterable listing costs the same whatever a visitor sends.

``LISTINGS`` names each page, view or API endpoint that reads filters from
its URL: where it lives, who looks at it, its free-text parameters and its
other ones (choices, numbers). A capability that adds a listing with filters
adds its entry here; the tests then check, on every back end:

- 200 characters of words and each parameter repeated 30 times cost exactly
  as many SQL queries as one word, and no more SQL than the listing's first
  ``max_words`` words (no request's SQL grows with what is sent: the
  bibliography once took 85 s for ten words), and answer 200;
- NUL bytes, 30-digit numbers, negative numbers, unknown choices and SQL or
  search syntax never give a server error (a bad API parameter gets a 400
  with a message, a listing ignores it).
"""

from dataclasses import dataclass, field

from django.db import connection

import pytest

from home.filters import MAX_WORDS
from search.backends.base import MAX_QUERY_WORDS
from tests.support.cast import committee_call, make_cast
from tests.support.sessions import logged_in_client

pytestmark = pytest.mark.django_db

SEARCH_FILTERS = ("type", "theme", "site", "year", "community", "sort")


@dataclass(frozen=True)
class Listing:
    path: object  # a path, or a function of the cast returning one
    text: tuple = ()
    other: tuple = ()
    persona: str = "anonymous"
    api: bool = False
    values: dict = field(default_factory=dict)  # a value for ``other`` names
    max_words: int = MAX_WORDS  # the words of a text parameter it reads

    def url(self, cast):
        return self.path(cast) if callable(self.path) else self.path

    def __str__(self):
        return self.path if isinstance(self.path, str) else self.path.__name__


def committee(cast):
    return committee_call(cast).route_url("committee")


LISTINGS = [
    Listing("/ressources/bibliographie/", ("q",), ("type", "year", "theme", "tag")),
    Listing("/ressources/documents/", ("q",), ("type", "licence", "language", "theme")),
    Listing("/ressources/methodologies/", (), ("phase", "duration", "group_size")),
    Listing("/ressources/glossaire/"),
    Listing("/ressources/roles/"),
    Listing("/defis/", (), ("theme", "site", "edition", "status", "kind")),
    Listing("/communaute/"),
    Listing(
        "/communaute/membres/",
        ("q", "organisation"),
        ("territoire", "theme"),
        persona="member",
    ),
    Listing("/evenements/"),
    Listing(committee, (), ("status", "kind"), persona="animateur"),
    Listing("/recherche/", ("q",), SEARCH_FILTERS, max_words=MAX_QUERY_WORDS),
    Listing("/recherche/api/", ("q",), SEARCH_FILTERS, max_words=MAX_QUERY_WORDS),
    Listing("/recherche/suggestions/", ("q",), max_words=MAX_QUERY_WORDS),
    Listing(
        "/api/v2/pages/",
        ("search",),
        ("search_operator", "type"),
        api=True,
        values={"type": "home.StandardPage"},
    ),
    Listing("/api/v2/documents/", ("search",), ("search_operator",), api=True),
    Listing("/api/v2/images/", ("search",), ("search_operator",), api=True),
]

# Short distinct words: none is corrected by « vouliez-vous dire » (words of
# three letters or fewer never are), so every request does the same work.
ONE_WORD = "zq"
MANY_WORDS = " ".join(f"z{n:02d}" for n in range(60))[:200]
SAME_VALUE = {"search_operator": "and", "sort": "relevance", "page": "1"}
HOSTILE_VALUES = [
    "\x00",
    "ab\x00cd",
    "9" * 30,
    "-1",
    "valeur-inconnue",
    "' OR 1=1 --",
    'a"b (c) * ^ : NOT',
    "%_\\",
]


def params_for(listing, words, repeat):
    """Every parameter of ``listing``: its text ones set to ``words``, the
    others repeated ``repeat`` times, the last value the same each time."""
    params = dict.fromkeys(listing.text, words)
    for name in (*listing.other, "page"):
        value = listing.values.get(name) or SAME_VALUE.get(name, "x")
        params[name] = [f"autre-{n}" for n in range(repeat - 1)] + [value]
    if listing.api:
        del params["page"]  # the API pages with limit and offset
        params["offset"] = ["0"] * repeat
    return params


def queries(client, url, params):
    """The response, its number of SQL statements and their total length
    (statements as sent, before their parameters are filled in)."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(url, params)
    return response, len(statements), sum(len(sql) for sql in statements)


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
def test_sql_does_not_grow_with_what_is_sent(listing):
    cast = make_cast()
    client = logged_in_client(cast[listing.persona])
    url = listing.url(cast)
    assert len(MANY_WORDS) == 200
    one = params_for(listing, ONE_WORD, repeat=1)
    bound = params_for(
        listing, " ".join(MANY_WORDS.split()[: listing.max_words]), repeat=1
    )
    many = params_for(listing, MANY_WORDS, repeat=30)
    client.get(url, one)  # caches (content types, site settings) warm up
    response, count_one, _size = queries(client, url, one)
    assert response.status_code == 200, url
    response, _count, size_bound = queries(client, url, bound)
    assert response.status_code == 200, url
    response, count_many, size_many = queries(client, url, many)
    assert response.status_code == 200, url
    assert count_many == count_one, (
        f"{url}: {count_one} requêtes SQL pour un mot, {count_many} pour "
        f"200 caractères de mots et des paramètres répétés"
    )
    assert size_many <= size_bound, (
        f"{url}: {size_many} caractères de SQL (hors valeurs) pour 200 "
        "caractères de mots, "
        f"{size_bound} pour ses {listing.max_words} premiers mots"
    )


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
def test_hostile_parameters_never_give_a_server_error(listing):
    cast = make_cast()
    client = logged_in_client(cast[listing.persona])
    url = listing.url(cast)
    names = (*listing.text, *listing.other, "offset" if listing.api else "page")
    for value in HOSTILE_VALUES:
        if not listing.api:
            # A listing reads every filter at once and ignores what it
            # cannot use.
            response = client.get(url, dict.fromkeys(names, value))
            assert response.status_code == 200, f"{url} ← {value!r}"
            continue
        for name in names:
            # The API stops at the first bad parameter: one at a time.
            response = client.get(url, {name: value})
            shown = f"{url}?{name}={value!r} → {response.status_code}"
            assert response.status_code in (200, 400), shown
            if response.status_code == 400:
                assert response.json()["message"], shown

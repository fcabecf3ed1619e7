"""Long threads stay fast: the thread page and the lists run a number of SQL
queries that does not grow with the number of comments or threads."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from community.discussions import posting
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from .utils import make_space, make_thread

pytestmark = pytest.mark.django_db

MAX_THREAD_PAGE_QUERIES = 30


def grow(thread, authors, n):
    """``n`` comments: tops, replies and replies to replies, with reactions."""
    tops = []
    for i in range(n):
        author = authors[i % len(authors)]
        if i % 3 == 0 or not tops:
            comment = posting.post_comment(author, thread, body=f"Message {i}")
            tops.append(comment)
        else:
            comment = posting.post_comment(
                author, thread, body=f"Réponse {i}", reply_to=tops[-1].pk
            )
        if i % 4 == 0:
            posting.react(authors[(i + 1) % len(authors)], thread, "thumbs_up", comment)


def count(client, url):
    client.get(url)  # per-process caches warmed (the glossary's compiled terms)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def world():
    animateurs = [make_user(f"anim{n}") for n in range(3)]
    space = make_space(animateurs=animateurs)
    reader = make_user("lectrice")
    space.memberships.create(user=reader)
    return animateurs, space, logged_in_client(reader)


def test_thread_page_queries_do_not_grow_with_comments(world):
    animateurs, space, client = world
    small = make_thread(space, animateurs[0], title="Petit")
    large = make_thread(space, animateurs[0], title="Grand")
    grow(small, animateurs, 10)
    grow(large, animateurs, 120)
    client.get(small.get_absolute_url())  # first visit recorded
    client.get(large.get_absolute_url())
    few = count(client, small.get_absolute_url())
    many = count(client, large.get_absolute_url())
    assert many == few, (few, many)
    assert many <= MAX_THREAD_PAGE_QUERIES
    assert count(client, large.get_absolute_url() + "?page=3") == many


def test_lists_queries_do_not_grow_with_threads(world):
    animateurs, space, client = world
    url = f"/communaute/discussions/communaute/{space.slug}/"
    for i in range(3):
        make_thread(space, animateurs[i % 3], title=f"Fil {i}")
    few = count(client, url)
    few_all = count(client, "/communaute/discussions/")
    for i in range(25):
        make_thread(space, animateurs[i % 3], title=f"Autre fil {i}")
    assert count(client, url) == few
    assert count(client, "/communaute/discussions/") == few_all

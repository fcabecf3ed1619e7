"""« Posez la question à la communauté »: the search results page offers to
open a thread with the query as its title, in a space the member may post in,
and lists the threads that ask something close; once the thread is open and
answered, the same search finds it."""

from django.utils.http import urlencode

import pytest
from bs4 import BeautifulSoup

from community.discussions.asking import close_threads, postable_spaces
from community.discussions.models import Thread
from community.members.choices import CommunityAccess
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from .test_search import indexed, urls  # noqa: F401 (a fixture)
from .utils import make_space, make_thread, reply

pytestmark = [pytest.mark.django_db, pytest.mark.search]

QUESTION = "Comment financer un tiers-lieu zorglubien"


def aside(client, q):
    response = client.get("/recherche/", {"q": q})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(
        "section", class_="ask-community"
    )


class TestTheOffer:
    def test_anonymous_visitors_are_invited_to_log_in(self, indexed):  # noqa: F811
        block = aside(logged_in_client(None), QUESTION)
        assert block is not None
        assert "Se connecter pour poser la question" in block.get_text()
        assert block.find("form") is None

    def test_a_member_without_a_space_gets_a_clear_sentence(self, indexed):  # noqa: F811
        block = aside(logged_in_client(make_user("seul")), QUESTION)
        assert "aucune e-communauté" in block.get_text()
        assert block.find("form") is None

    def test_a_member_chooses_among_the_spaces_they_may_post_in(self, indexed):  # noqa: F811
        member = make_user("membre")
        mine = make_space(name="Les miens", members=[member])
        make_space(name="Les autres")
        block = aside(logged_in_client(member), QUESTION)
        assert "rien trouvé" in block.get_text()
        options = [o["value"] for o in block.find("select")("option")]
        assert options == [f"communaute:{mine.slug}"]
        assert block.find("input", {"name": "q"})["value"] == QUESTION

    def test_no_offer_without_a_query(self, indexed):  # noqa: F811
        response = logged_in_client(None).get("/recherche/")
        assert b"ask-community" not in response.content

    def test_the_offer_stays_when_results_exist(self, indexed):  # noqa: F811
        member = make_user("membre")
        space = make_space(members=[member], animateurs=[make_user("anim")])
        make_thread(space, space.memberships.first().user, title="Zorglub partout")
        block = aside(logged_in_client(member), "zorglub")
        assert "ne répondent pas" in block.get_text()


class TestCloseThreads:
    def test_threads_sharing_telling_words_are_listed_if_readable(self, indexed):  # noqa: F811
        anim, outsider = make_user("anim"), make_user("curieux")
        public = make_space(animateurs=[anim])
        secret = make_space(CommunityAccess.RESTRICTED, animateurs=[anim])
        close = make_thread(public, anim, title="Financer un tiers-lieu rural")
        hidden = make_thread(secret, anim, title="Financer nos tiers-lieux")
        make_thread(public, anim, title="Recruter des bénévoles")
        found = [hit.url for hit in close_threads(outsider, QUESTION)]
        assert close.get_absolute_url() in found
        assert hidden.get_absolute_url() not in found
        assert len(found) == 1
        block = aside(logged_in_client(outsider), QUESTION)
        assert block.find("a", href=close.get_absolute_url()) is not None


class TestAsking:
    def test_the_new_thread_form_is_prefilled_and_bounded(self, indexed):  # noqa: F811
        member = make_user("membre")
        space = make_space(members=[member])
        client = logged_in_client(member)
        response = client.get(
            "/communaute/discussions/poser/",
            {"q": QUESTION, "espace": f"communaute:{space.slug}"},
        )
        assert response.status_code == 302
        form_page = client.get(response["Location"])
        field = BeautifulSoup(form_page.content, "html.parser").find(
            "input", {"name": "title"}
        )
        assert field["value"] == QUESTION
        long = "x" * 5000 + "\u202e\x00"
        url = f"/communaute/discussions/communaute/{space.slug}/nouveau/"
        page = client.get(url + "?" + urlencode({"titre": long}))
        value = BeautifulSoup(page.content, "html.parser").find(
            "input", {"name": "title"}
        )["value"]
        assert len(value) == 200 and "\u202e" not in value

    def test_a_space_one_may_not_post_in_is_refused(self, indexed):  # noqa: F811
        member = make_user("membre")
        other = make_space(CommunityAccess.RESTRICTED, name="Fermée")
        response = logged_in_client(member).get(
            "/communaute/discussions/poser/",
            {"q": QUESTION, "espace": f"communaute:{other.slug}"},
            follow=True,
        )
        assert "Choisissez un espace" in response.content.decode()
        assert postable_spaces(member) == []

    def test_anonymous_asking_goes_to_the_login_page(self, indexed):  # noqa: F811
        response = logged_in_client(None).get(
            "/communaute/discussions/poser/", {"q": QUESTION, "espace": "x:y"}
        )
        assert response.status_code == 302
        assert "/comptes/" in response["Location"] or "login" in response["Location"]

    def test_once_asked_and_answered_the_same_search_finds_it(
        self,
        client,
        indexed,  # noqa: F811
    ):
        member, helper = make_user("membre"), make_user("aidant")
        space = make_space(members=[member, helper])
        asker = logged_in_client(member)
        assert urls(asker, QUESTION) == []
        asker.post(
            f"/communaute/discussions/communaute/{space.slug}/nouveau/",
            {"title": QUESTION, "body": "Des pistes ?", "kind": "discussion"},
        )
        thread = Thread.objects.get(title=QUESTION)
        reply(thread, helper, "Voyez le budget participatif.")
        assert thread.get_absolute_url() in urls(asker, QUESTION)
        assert thread.get_absolute_url() in urls(client, QUESTION)

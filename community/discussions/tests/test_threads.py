"""Threads: who sees and writes them (both ways), lists, unread markers."""

import pytest

from community.discussions.models import Thread, ThreadVisit
from community.members import policy
from community.members.choices import CommunityAccess
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from .utils import make_space, make_thread, reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "author": make_user("autrice"),
        "member": make_user("membre"),
        "outsider": make_user("exterieur"),
        "animateur": make_user("animateur"),
    }


def restricted(people):
    return make_space(
        CommunityAccess.RESTRICTED,
        name="Restreinte",
        members=[people["author"], people["member"]],
        animateurs=[people["animateur"]],
    )


class TestVisibility:
    def test_public_thread_is_read_by_everyone(self, people, client):
        space = make_space(members=[people["author"]])
        thread = make_thread(space, people["author"], title="Fil public")
        assert client.get(thread.get_absolute_url()).status_code == 200
        response = logged_in_client(people["outsider"]).get(thread.get_absolute_url())
        assert "Fil public" in response.content.decode()

    def test_restricted_thread_is_refused_to_outsiders_and_read_by_members(
        self, people
    ):
        thread = make_thread(
            restricted(people), people["author"], title="Fil RESTREINT"
        )
        url = thread.get_absolute_url()
        response = logged_in_client(people["outsider"]).get(url)
        assert response.status_code == 403
        assert "RESTREINT" not in response.content.decode()
        anonymous = logged_in_client(None).get(url)
        assert (
            anonymous.status_code == 302 and "/comptes/login/" in anonymous["Location"]
        )
        member = logged_in_client(people["member"]).get(url)
        assert member.status_code == 200 and "Fil RESTREINT" in member.content.decode()

    def test_secret_community_thread_is_not_found_by_outsiders(self, people):
        space = make_space(
            CommunityAccess.SECRET, name="Secrète", members=[people["author"]]
        )
        thread = make_thread(space, people["author"])
        assert (
            logged_in_client(people["outsider"])
            .get(thread.get_absolute_url())
            .status_code
            == 404
        )
        assert (
            logged_in_client(people["author"])
            .get(thread.get_absolute_url())
            .status_code
            == 200
        )

    def test_lists_show_only_what_one_may_read(self, people):
        make_thread(restricted(people), people["author"], title="Dans la restreinte")
        make_thread(
            make_space(name="Publique", members=[people["animateur"]]),
            people["animateur"],
            title="Dans la publique",
        )
        outsider = logged_in_client(people["outsider"]).get("/communaute/discussions/")
        text = outsider.content.decode()
        assert "Dans la publique" in text and "Dans la restreinte" not in text
        member = logged_in_client(people["member"]).get("/communaute/discussions/")
        assert "Dans la restreinte" in member.content.decode()

    def test_space_list_of_a_restricted_community(self, people):
        space = restricted(people)
        make_thread(space, people["author"], title="Sujet interne")
        url = f"/communaute/discussions/communaute/{space.slug}/"
        assert logged_in_client(people["outsider"]).get(url).status_code == 403
        response = logged_in_client(people["member"]).get(url)
        assert "Sujet interne" in response.content.decode()


class TestWriting:
    def test_a_member_opens_a_thread_and_an_outsider_cannot(self, people):
        space = make_space(members=[people["member"]])
        url = f"/communaute/discussions/communaute/{space.slug}/nouveau/"
        data = {"title": "Nouvelle idée", "body": "**Vite**", "kind": "discussion"}
        refused = logged_in_client(people["outsider"]).post(url, data)
        assert refused.status_code == 403
        assert not Thread.objects.filter(title="Nouvelle idée").exists()
        response = logged_in_client(people["member"]).post(url, data)
        thread = Thread.objects.get(title="Nouvelle idée")
        assert response.status_code == 302
        assert thread.body_html.strip() == "<p><strong>Vite</strong></p>"

    def test_empty_or_invisible_title_and_body_are_refused(self, people):
        space = make_space(members=[people["member"]])
        url = f"/communaute/discussions/communaute/{space.slug}/nouveau/"
        response = logged_in_client(people["member"]).post(
            url, {"title": "\u200b\u202e  ", "body": "   ", "kind": "discussion"}
        )
        assert response.status_code == 400
        text = response.content.decode()
        assert "Donnez un titre au fil." in text
        assert (
            "Le message d&#x27;ouverture est vide." in text
            or "ouverture est vide" in text
        )
        assert not Thread.objects.filter(community=space).exists()

    def test_locked_thread_refuses_replies_and_says_why(self, people):
        space = make_space(members=[people["member"]], animateurs=[people["animateur"]])
        thread = make_thread(space, people["animateur"])
        client = logged_in_client(people["animateur"])
        client.post(
            f"/communaute/discussions/fils/{thread.pk}/animer/",
            {"action": "lock", "reason": "Sujet traité en atelier."},
        )
        thread.refresh_from_db()
        assert thread.locked and thread.lock_reason == "Sujet traité en atelier."
        member = logged_in_client(people["member"])
        response = member.post(
            f"/communaute/discussions/fils/{thread.pk}/repondre/",
            {"comment": "Et moi ?"},
        )
        assert response.status_code == 403
        page = member.get(thread.get_absolute_url()).content.decode()
        assert "Sujet traité en atelier." in page

    def test_only_moderators_animate(self, people):
        space = make_space(members=[people["member"]], animateurs=[people["animateur"]])
        thread = make_thread(space, people["member"])
        url = f"/communaute/discussions/fils/{thread.pk}/animer/"
        assert (
            logged_in_client(people["member"]).post(url, {"action": "pin"}).status_code
            == 403
        )
        logged_in_client(people["animateur"]).post(url, {"action": "pin"})
        thread.refresh_from_db()
        assert thread.pinned


class TestUnread:
    def test_new_messages_since_last_visit(self, people):
        space = make_space(members=[people["author"], people["member"]])
        thread = make_thread(space, people["author"], title="Suivi")
        reader = logged_in_client(people["author"])
        reader.get(thread.get_absolute_url())
        assert ThreadVisit.objects.filter(user=people["author"], thread=thread).exists()
        reply(thread, people["member"], "Première réponse")
        reply(thread, people["member"], "Deuxième réponse")
        listing = reader.get(f"/communaute/discussions/communaute/{space.slug}/")
        assert "2 nouveaux messages" in listing.content.decode()
        page = reader.get(thread.get_absolute_url()).content.decode()
        assert "2 nouveaux messages depuis votre dernière visite" in page
        again = reader.get(thread.get_absolute_url()).content.decode()
        assert "depuis votre dernière visite" not in again


class TestSections:
    def test_threads_appear_on_the_community_team_and_defi_pages(self, people):
        from community.challenges.tests.utils import make_challenge
        from community.members.tests.utils import make_team

        space = restricted(people)
        make_thread(space, people["author"], title="Fil de la communauté")
        team = make_team(space, name="Équipe fil", members=[(people["author"], None)])
        policy.forget(people["author"])  # principals cached before joining
        make_thread(team, people["author"], title="Fil de notre équipe")
        member = logged_in_client(people["member"])
        page = member.get(space.get_absolute_url()).content.decode()
        assert "Fil de la communauté" in page and "Ouvrir un fil de discussion" in page
        assert (
            "Fil de notre équipe"
            in member.get(team.get_absolute_url()).content.decode()
        )
        outsider = logged_in_client(people["outsider"]).get(space.get_absolute_url())
        assert "Fil de la communauté" not in outsider.content.decode()
        challenge = make_challenge("Comment tester les fils ?", slug="defi-fils")
        from community.members.models import User

        admin = User.objects.create_superuser(
            "admin-fils", "admin-fils@example.org", "x"
        )
        make_thread(challenge, admin, title="Fil du défi")
        anonymous = logged_in_client(None).get(challenge.url).content.decode()
        assert "Fil du défi" in anonymous


class TestFeeds:
    def test_a_public_community_feed_lists_its_threads(self, people, client):
        space = make_space(members=[people["author"]])
        make_thread(space, people["author"], title="Fil à suivre")
        response = client.get(f"/communaute/discussions/communaute/{space.slug}/flux/")
        assert response.status_code == 200
        assert "Fil à suivre" in response.content.decode()

    def test_no_feed_for_a_restricted_community_even_for_its_members(self, people):
        space = restricted(people)
        make_thread(space, people["author"], title="Fil interne")
        url = f"/communaute/discussions/communaute/{space.slug}/flux/"
        assert logged_in_client(people["member"]).get(url).status_code == 404


class TestPermalinks:
    """A comment's permalink (notifications link to it) opens the page of the
    thread that shows it, at its anchor, however long the thread."""

    @pytest.fixture
    def long_thread(self, people, settings):
        settings.DISCUSSIONS_COMMENTS_PER_PAGE = 10
        settings.DISCUSSIONS_REPLIES_SHOWN = 3
        space = make_space(animateurs=[people["animateur"]])
        thread = make_thread(space, people["animateur"], title="Long fil")
        tops = [
            reply(thread, people["animateur"], body=f"Message {i:02d}")
            for i in range(25)
        ]
        replies = [
            reply(thread, people["animateur"], body=f"Réponse {i}", to=tops[0])
            for i in range(5)
        ]
        return thread, tops, replies

    def _land(self, client, comment):
        response = client.get(comment.get_absolute_url())
        assert response.status_code == 302
        path, _sep, anchor = response["Location"].partition("#")
        assert anchor == comment.anchor
        return response["Location"], client.get(path).content.decode()

    def test_a_comment_on_page_3_opens_page_3_at_its_anchor(self, long_thread, client):
        thread, tops, _replies = long_thread
        location, page = self._land(client, tops[22])
        assert location == f"{thread.get_absolute_url()}?page=3#{tops[22].anchor}"
        assert f'id="{tops[22].anchor}"' in page
        assert 'aria-current="page" href="?page=3"' in page
        first = client.get(thread.get_absolute_url()).content.decode()
        assert f'id="{tops[22].anchor}"' not in first
        location, page = self._land(client, tops[9])
        assert "?page=1#" in location and f'id="{tops[9].anchor}"' in page
        location, page = self._land(client, tops[10])
        assert "?page=2#" in location and f'id="{tops[10].anchor}"' in page

    def test_a_reply_beyond_those_shown_opens_its_comment_with_all_replies(
        self, long_thread, client
    ):
        thread, tops, replies = long_thread
        first = client.get(thread.get_absolute_url()).content.decode()
        assert f'id="{replies[2].anchor}"' in first
        assert f'id="{replies[3].anchor}"' not in first
        assert "Voir les 2 autres réponses" in first
        location, page = self._land(client, replies[4])
        assert location == (
            f"{thread.get_absolute_url()}?page=1&suite={tops[0].pk}#{replies[4].anchor}"
        )
        assert f'id="{replies[4].anchor}"' in page
        # A reply among the first three needs no « suite ».
        location, _page = self._land(client, replies[1])
        assert "suite" not in location

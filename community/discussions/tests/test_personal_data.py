"""RGPD: « mes données » holds the member's posts; erasing keeps them under
« Membre supprimé » or deletes them, and neutralises mentions of the member."""

import pytest

from community.discussions import posting
from community.discussions.mentions import handle_for
from community.discussions.models import Comment, Mention, Reaction, Thread
from community.members.personal_data import erase_member, export_member_data
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from .utils import make_space, make_thread, reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    leaving, other = make_user("partante"), make_user("restante")
    space = make_space(members=[leaving, other])
    thread = make_thread(space, leaving, title="Fil de la partante", body="Ouverture")
    mine = reply(thread, leaving, "Mon message personnel")
    theirs = reply(thread, other, f"Bien vu @{handle_for(leaving)} !", to=mine)
    posting.react(leaving, thread, "thumbs_up", theirs)
    posting.edit_comment(leaving, mine, body="Mon message personnel, revu")
    return locals()


def test_my_data_holds_threads_comments_versions_and_reactions(world):
    data = export_member_data(world["leaving"])["discussions"]
    assert data["fils"][0]["titre"] == "Fil de la partante"
    assert data["messages"][0]["message"] == "Mon message personnel, revu"
    assert data["versions_precedentes"][0]["texte"] == "Mon message personnel"
    assert len(data["reactions"]) == 1


def test_erasing_keeps_contributions_as_deleted_member(world):
    erase_member(world["leaving"], delete_contributions=False)
    mine = Comment.objects.get(pk=world["mine"].pk)
    assert mine.comment == "Mon message personnel, revu"
    page = logged_in_client(world["other"]).get(world["thread"].get_absolute_url())
    text = page.content.decode()
    assert "Membre supprimé" in text and "Partante" not in text
    theirs = Comment.objects.get(pk=world["theirs"].pk)
    assert "partante" not in theirs.comment and "@membre-supprime" in theirs.comment
    assert "Partante" not in theirs.body_html
    assert not Mention.objects.filter(user=world["leaving"]).exists()
    assert not Reaction.objects.filter(user=world["leaving"]).exists()


def test_erasing_with_contributions_leaves_tombstones(world):
    erase_member(world["leaving"], delete_contributions=True)
    mine = Comment.objects.get(pk=world["mine"].pk)
    assert (
        mine.state == "removed" and mine.comment == "" and not mine.revisions.exists()
    )
    thread = Thread.objects.get(pk=world["thread"].pk)  # others answered: it stays
    assert thread.body == ""
    assert Comment.objects.get(pk=world["theirs"].pk).state == "visible"


def test_a_thread_nobody_answered_is_deleted_with_contributions():
    user = make_user("solitaire")
    thread = make_thread(make_space(members=[user]), user)
    erase_member(user, delete_contributions=True)
    assert not Thread.objects.filter(pk=thread.pk).exists()

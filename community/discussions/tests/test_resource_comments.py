"""Comments on resource pages (glossary terms, méthodologies, bibliography
references): the same comments as in a thread — nesting, sanitising,
reactions, edit history, reports and moderation, search — seen exactly by
who may see the page."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from wagtail.models import PageViewRestriction

import pytest

from community.discussions import posting
from community.discussions.models import Comment, Thread
from community.discussions.search_adapters import CommentAdapter
from community.members import policy
from community.members.tests.utils import make_user
from resources.editorial import EDITORS
from resources.tests import utils as resource_utils
from resources.tests.utils import make_editor
from tests.support.sessions import logged_in_client

from .test_search import indexed, urls  # noqa: F401 (a fixture)
from .utils import make_space, make_thread

pytestmark = pytest.mark.django_db


def make_term(title):
    return resource_utils.make_term(title, slug=f"essai-{slugify(title)}")


def make_method(title):
    return resource_utils.make_method(title, slug=f"essai-{slugify(title)}")


def comment_url(page):
    return f"/communaute/discussions/ressources/{page.pk}/commenter/"


def comment_on(page, user, body="Un commentaire.", **kwargs):
    return posting.comment_page(user, page, body=body, limited=False, **kwargs)


def restricted_to_editors(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=EDITORS))
    return page


class TestCommenting:
    def test_a_member_comments_a_term_and_lands_on_the_comment(self):
        term, member = make_term("Prototype"), make_user("membre")
        client = logged_in_client(member)
        response = client.post(comment_url(term), {"comment": "Très **utile**."})
        comment = Comment.objects.get(discussion__page=term)
        assert response.status_code == 302
        assert response["Location"] == comment.get_absolute_url()
        landing = client.get(comment.get_absolute_url())
        assert landing["Location"] == f"{term.url}?page=1#{comment.anchor}"
        html = client.get(term.url).content.decode()
        assert 'id="commentaires"' in html
        assert "<strong>utile</strong>" in html
        assert f'id="{comment.anchor}"' in html
        thread = Thread.objects.get(page=term)
        assert thread.page_id == term.pk and thread.kind == "comments"
        assert thread.comment_count == 1

    def test_the_first_comment_opens_the_page_thread_once(self):
        method, a, b = make_method("Carte d'empathie"), make_user("a"), make_user("b")
        comment_on(method, a)
        comment_on(method, b)
        assert Thread.objects.filter(page=method).count() == 1
        assert Thread.objects.get(page=method).comment_count == 2

    def test_anonymous_visitors_read_and_are_invited_to_log_in(self):
        term = make_term("Persona")
        comment_on(term, make_user("autrice"), "Lu et approuvé.")
        anonymous = logged_in_client(None)
        html = anonymous.get(term.url).content.decode()
        assert "Lu et approuvé." in html
        assert "Se connecter pour commenter" in html
        response = anonymous.post(comment_url(term), {"comment": "Spam"})
        assert response.status_code in (302, 403)
        assert Comment.objects.filter(discussion__page=term).count() == 1

    def test_an_empty_comment_is_refused_and_nothing_is_saved(self):
        term, member = make_term("Atelier"), make_user("membre")
        response = logged_in_client(member).post(
            comment_url(term), {"comment": "\u200b \u200b"}, follow=True
        )
        assert "Commentaire non publié" in response.content.decode()
        assert not Thread.objects.filter(page=term).exists()

    def test_script_and_javascript_links_are_neutralised(self):
        term, member = make_term("Idéation"), make_user("membre")
        comment_on(
            term,
            member,
            "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>",
        )
        html = logged_in_client(member).get(term.url).content.decode()
        assert "<script>alert(1)" not in html
        assert 'href="javascript' not in html
        assert "<img src=x onerror" not in html

    def test_replies_nest_three_deep_and_refuse_a_comment_of_another_page(self):
        term, other = make_term("Design"), make_term("Service")
        a, b = make_user("a"), make_user("b")
        top = comment_on(term, a, "un")
        thread = top.discussion
        second = posting.post_comment(b, thread, body="deux", reply_to=top.pk)
        third = posting.post_comment(a, thread, body="trois", reply_to=second.pk)
        fourth = posting.post_comment(b, thread, body="quatre", reply_to=third.pk)
        assert [c.level for c in (top, second, third, fourth)] == [0, 1, 2, 2]
        elsewhere = comment_on(other, a, "ailleurs")
        client = logged_in_client(b)
        client.post(
            f"/communaute/discussions/fils/{thread.pk}/repondre/",
            {"comment": "égaré", "reply_to": elsewhere.pk},
        )
        assert not Comment.objects.filter(comment="égaré").exists()

    def test_the_thread_address_leads_to_the_page(self):
        term = make_term("Usager")
        comment = comment_on(term, make_user("a"))
        response = logged_in_client(None).get(
            f"/communaute/discussions/fils/{comment.discussion_id}/"
        )
        assert response.status_code == 302
        assert response["Location"] == f"{term.url}#commentaires"

    def test_page_threads_are_not_listed_among_the_discussions(self):
        term, member = make_term("Sprint"), make_user("membre")
        space = make_space(animateurs=[member])
        thread = make_thread(space, member, title="Un vrai fil")
        comment_on(term, member)
        html = logged_in_client(member).get("/communaute/discussions/").content.decode()
        assert thread.get_absolute_url() in html
        assert f"/fils/{Thread.objects.get(page=term).pk}/" not in html


class TestReactionsAndHistory:
    def test_react_edit_and_read_the_history(self):
        term, author, reader = make_term("Pilote"), make_user("a"), make_user("b")
        comment = comment_on(term, author, "Première version")
        reader_client = logged_in_client(reader)
        reader_client.post(
            f"/communaute/discussions/messages/{comment.pk}/reagir/",
            {"kind": "thumbs_up"},
        )
        assert comment.reactions.count() == 1
        logged_in_client(author).post(
            f"/communaute/discussions/messages/{comment.pk}/modifier/",
            {"comment": "Seconde version"},
        )
        history = reader_client.get(
            f"/communaute/discussions/messages/{comment.pk}/historique/"
        )
        assert history.status_code == 200
        assert "Première version" in history.content.decode()
        html = reader_client.get(term.url).content.decode()
        assert "Seconde version" in html and "modifié" in html


class TestRestrictedPages:
    def test_a_comment_on_a_restricted_page_is_seen_only_by_who_sees_the_page(self):
        term = restricted_to_editors(make_term("Confidentiel"))
        editor, outsider = make_editor(), make_user("curieux")
        comment = comment_on(term, editor, "Note réservée aux éditeurs")
        assert policy.can_view(editor, comment)
        assert not policy.can_view(outsider, comment)
        mine = Comment.objects.filter(pk=comment.pk)
        assert not policy.visible_to(mine, outsider).exists()
        assert policy.visible_to(mine, editor).count() == 1
        response = logged_in_client(outsider).get(comment.get_absolute_url())
        assert response.status_code in (403, 404)
        assert b"Note r" not in response.content
        refused = logged_in_client(outsider).post(
            comment_url(term), {"comment": "je passe"}
        )
        assert refused.status_code in (403, 404)
        assert Comment.objects.filter(discussion__page=term).count() == 1

    def test_the_audience_follows_the_page_restriction(self):
        term = make_term("Ouvert")
        comment = comment_on(term, make_user("a"))
        assert policy.audience(comment) == ["public"]
        restricted_to_editors(term)
        policy.forget(None)
        assert "public" not in policy.audience(Comment.objects.get(pk=comment.pk))

    @pytest.mark.search
    def test_search_finds_a_comment_by_its_words_for_who_sees_the_page(
        self,
        client,
        indexed,  # noqa: F811
    ):
        public, secret = make_term("Public"), restricted_to_editors(make_term("Secret"))
        editor, outsider = make_editor(), make_user("curieux")
        open_comment = comment_on(public, outsider, "Un ornithorynque pédagogue")
        hidden = comment_on(secret, editor, "Un tamanoir confidentiel")
        assert urls(client, "ornithorynque") == [open_comment.get_absolute_url()]
        client.force_login(outsider)
        assert urls(client, "tamanoir") == []
        client.force_login(editor)
        assert urls(client, "tamanoir") == [hidden.get_absolute_url()]
        document = CommentAdapter().document(hidden)
        assert document.title == "Commentaire sur « Secret »"


class TestModeration:
    def test_editors_moderate_resource_comments_animateurs_do_not(self, settings):
        settings.DISCUSSIONS_REPORTS_TO_HIDE = 2
        term = make_term("Facilitation")
        author = make_user("autrice")
        editor = make_editor()
        animateur = make_user("anim")
        make_space(animateurs=[animateur])
        comment = comment_on(term, author, "Message douteux")
        for name in ("r1", "r2"):
            posting.report(make_user(name), comment, reason="spam")
        comment.refresh_from_db()
        assert comment.state == "hidden"
        assert policy.can_moderate(editor, comment.discussion)
        assert not policy.can_moderate(animateur, comment.discussion)
        queue = logged_in_client(editor).get("/communaute/discussions/moderation/")
        assert "Message douteux" in queue.content.decode()
        other_queue = logged_in_client(animateur).get(
            "/communaute/discussions/moderation/"
        )
        assert "Message douteux" not in other_queue.content.decode()
        refused = logged_in_client(animateur).post(
            f"/communaute/discussions/moderation/messages/{comment.pk}/",
            {"action": "approve"},
        )
        assert refused.status_code in (403, 404)
        logged_in_client(editor).post(
            f"/communaute/discussions/moderation/messages/{comment.pk}/",
            {"action": "approve"},
        )
        comment.refresh_from_db()
        assert comment.state == "visible"


class TestQueries:
    def test_the_page_costs_the_same_with_3_and_30_comments(self):
        term, other = make_term("Lourd"), make_term("Léger")
        member = make_user("lecteur")
        for i in range(3):
            top = comment_on(other, member, f"court {i}")
            posting.post_comment(
                member, top.discussion, body="r", reply_to=top.pk, limited=False
            )
        for i in range(30):
            top = comment_on(term, member, f"long {i}")
            posting.post_comment(
                member, top.discussion, body="r", reply_to=top.pk, limited=False
            )
        client = logged_in_client(member)
        client.get(other.url)

        def count(page):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(page.url).status_code == 200
            return len(queries)

        assert count(term) == count(other)


class TestPersonalData:
    def test_the_export_lists_resource_comments(self):
        from community.discussions.personal_data import export_discussions

        member = make_user("membre")
        comment_on(make_term("Export"), member, "Mon avis")
        exported = export_discussions(member)
        assert exported["messages"][0]["message"] == "Mon avis"


class TestDemo:
    def test_the_demo_comments_a_glossary_term_and_a_method(self):
        from community.discussions.demo import PAGE_COMMENTS, _seed_page_comments

        threads = Thread.objects.filter(page__isnull=False)
        titles = {thread.page.title for thread in threads}
        assert {demo.page_title for demo in PAGE_COMMENTS} <= titles
        assert all(thread.comment_count >= 2 for thread in threads)
        assert Comment.objects.filter(discussion__in=threads, level=2).exists()
        assert _seed_page_comments() == 0  # twice changes nothing


class TestWhichPages:
    def test_only_resource_pages_take_comments(self):
        from wagtail.models import Page

        home = Page.objects.get(depth=2)
        member = make_user("membre")
        response = logged_in_client(member).post(
            comment_url(home), {"comment": "Ici ?"}
        )
        assert response.status_code == 404
        with pytest.raises(posting.DiscussionError):
            comment_on(home, member)
        assert not Thread.objects.filter(page=home).exists()


class TestActivity:
    def test_new_comments_on_a_resource_one_commented_reach_the_dashboard(self):
        from community.discussions.activity import discussion_activity

        term = make_term("Activité")
        author, other, stranger = make_user("a"), make_user("b"), make_user("c")
        comment_on(term, author, "Premier avis")
        comment_on(term, other, "Second avis")

        def texts(user):
            p = policy.principals(user)
            return [str(item.text) for item in discussion_activity(user, p, 10)]

        assert texts(author) == [f"{other} a commenté « Activité »"]
        assert texts(other) == [f"{author} a commenté « Activité »"]
        assert texts(stranger) == []

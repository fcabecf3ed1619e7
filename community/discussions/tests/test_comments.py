"""Comments: nesting to depth three on django-comments-xtd's tree, bad input,
sanitising, reactions, mentions, edit history and tombstones."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings
from django.utils import timezone

import pytest

from community.discussions import posting
from community.discussions.mentions import handle_for
from community.discussions.models import Comment, Mention, Reaction, Revision
from community.members.choices import CommunityAccess
from community.members.tests.utils import make_user
from tests.support.sessions import logged_in_client

from .utils import make_space, make_thread, reply

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    author, member, animateur = (
        make_user("autrice"),
        make_user("membre"),
        make_user("anim"),
    )
    space = make_space(members=[author, member], animateurs=[animateur])
    thread = make_thread(space, animateur, title="Fil de test")
    return {
        "author": author,
        "member": member,
        "animateur": animateur,
        "space": space,
        "thread": thread,
    }


def post(client, thread, body, reply_to=None):
    data = {"comment": body}
    if reply_to:
        data["reply_to"] = reply_to
    return client.post(f"/communaute/discussions/fils/{thread.pk}/repondre/", data)


class TestNesting:
    def test_replies_nest_three_deep_then_attach_at_the_third_level(self, world):
        thread, a, b = world["thread"], world["author"], world["member"]
        top = reply(thread, a, "niveau 1")
        second = reply(thread, b, "niveau 2", to=top)
        third = reply(thread, a, "niveau 3", to=second)
        fourth = reply(thread, b, "réponse au niveau 3", to=third)
        assert [c.level for c in (top, second, third)] == [0, 1, 2]
        assert fourth.level == 2 and fourth.parent_id == second.pk
        assert fourth.replied_to_id == third.pk
        assert {c.thread_id for c in (top, second, third, fourth)} == {top.pk}
        top.refresh_from_db()
        assert top.nested_count == 3
        page = logged_in_client(a).get(thread.get_absolute_url()).content.decode()
        assert "en réponse à" in page

    def test_reply_to_a_comment_of_another_thread_is_refused(self, world):
        other = make_thread(world["space"], world["animateur"], title="Autre fil")
        foreign = reply(other, world["author"], "ailleurs")
        client = logged_in_client(world["member"])
        response = post(client, world["thread"], "Perdu ?", reply_to=foreign.pk)
        assert response.status_code == 302
        assert not Comment.objects.filter(comment="Perdu ?").exists()
        page = client.get(world["thread"].get_absolute_url()).content.decode()
        assert (
            "n&#x27;appartient pas à ce fil" in page
            or "appartient pas à ce fil" in page
        )

    def test_reply_to_an_unknown_comment_is_refused(self, world):
        response = post(logged_in_client(world["member"]), world["thread"], "x", 999999)
        assert response.status_code == 302
        assert not Comment.objects.filter(comment="x").exists()

    def test_the_receiver_that_hides_whole_subtrees_is_disconnected(self):
        from django.db.models.signals import pre_save

        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from community.discussions.models import Comment

        sync_receivers, async_receivers = pre_save._live_receivers(Comment)
        assert publish_or_unpublish_on_pre_save not in sync_receivers + async_receivers


class TestBadInput:
    @pytest.mark.parametrize(
        "body",
        ["", "   \n\t", "\u200b\u200b", "\u202e\u2066"],
        ids=["vide", "blancs", "largeur-nulle", "bidi"],
    )
    def test_empty_messages_are_refused(self, world, body):
        response = post(logged_in_client(world["member"]), world["thread"], body)
        assert response.status_code == 302
        assert world["thread"].comments.count() == 0

    def test_a_100_kb_comment_is_refused(self, world):
        client = logged_in_client(world["member"])
        post(client, world["thread"], "a" * 100_000)
        assert world["thread"].comments.count() == 0
        page = client.get(world["thread"].get_absolute_url()).content.decode()
        assert "le maximum est 10000" in page

    def test_scripts_handlers_and_dangerous_links_are_neutralised(self, world):
        body = (
            '<script>alert(1)</script> <img src=x onerror="alert(2)"> '
            "[a](javascript:alert(3)) [b](data:text/html,x) [c](https://example.org)"
        )
        comment = reply(world["thread"], world["member"], body)
        html = comment.body_html
        assert "<script" not in html and "<img" not in html
        assert 'href="javascript' not in html and 'href="data' not in html
        assert 'href="https://example.org" rel="nofollow ugc noopener"' in html

    def test_zero_width_and_bidi_characters_are_dropped(self, world):
        comment = reply(world["thread"], world["member"], "ab\u200bc\u202edef")
        assert comment.comment == "abcdef"

    def test_posting_where_one_cannot_see_is_not_found(self, world):
        secret = make_space(
            CommunityAccess.SECRET, name="Secret", members=[world["author"]]
        )
        thread = make_thread(secret, world["author"])
        response = post(logged_in_client(world["member"]), thread, "Intrus")
        assert response.status_code == 404
        assert thread.comments.count() == 0

    def test_non_members_of_a_public_community_read_but_do_not_reply(self, world):
        outsider = make_user("passant")
        response = post(logged_in_client(outsider), world["thread"], "Bonjour")
        assert response.status_code == 403
        assert world["thread"].comments.count() == 0


class TestRateLimits:
    def test_a_new_account_is_told_how_long_to_wait(self, world):
        client = logged_in_client(world["member"])
        for n in range(3):
            post(client, world["thread"], f"message {n}")
        post(client, world["thread"], "un de trop")
        assert world["thread"].comments.count() == 3
        page = client.get(world["thread"].get_absolute_url()).content.decode()
        assert "3 messages par minute" in page and "Réessayez dans 1 minute" in page

    def test_links_per_post_are_limited_for_new_accounts(self, world):
        body = " ".join(f"https://example.org/{n}" for n in range(3))
        post(logged_in_client(world["member"]), world["thread"], body)
        assert world["thread"].comments.count() == 0

    def test_trusted_accounts_have_wider_limits(self, world):
        member = world["member"]
        member.date_joined = timezone.now() - timedelta(days=30)
        member.save()
        for n in range(3):
            reply(world["thread"], member, f"ancien {n}")
        Comment.objects.filter(user=member).update(
            submit_date=timezone.now() - timedelta(hours=2)
        )
        client = logged_in_client(member)
        for n in range(5):
            post(client, world["thread"], f"confirmé {n}")
        assert (
            world["thread"].comments.filter(comment__startswith="confirmé").count() == 5
        )

    @override_settings(
        DISCUSSIONS_RATE_LIMITS={
            "new": {"windows": [(timedelta(hours=1), 1)], "links": 2},
            "trusted": {"windows": [(timedelta(hours=1), 1)], "links": 2},
        }
    )
    def test_the_same_address_cannot_multiply_new_accounts(self, world):
        from django.core.cache import cache

        cache.clear()
        users = [make_user(f"nouveau-{n}") for n in range(4)]
        for user in users:
            world["space"].memberships.create(user=user)
            logged_in_client(user).post(
                f"/communaute/discussions/fils/{world['thread'].pk}/repondre/",
                {"comment": f"depuis la même adresse {user.pk}"},
                REMOTE_ADDR="203.0.113.9",
            )
        assert world["thread"].comments.count() == 3

    def test_with_the_cache_down_the_limits_of_the_account_still_hold(
        self, world, unreachable_redis
    ):
        """The address counters fail open (posting goes on), the member's own
        limits, counted in the database, do not."""
        client = logged_in_client(world["member"])
        for n in range(4):
            post(client, world["thread"], f"sans cache {n}")
        assert world["thread"].comments.count() == 3

    @override_settings(
        ALLAUTH_TRUSTED_PROXY_COUNT=1,
        DISCUSSIONS_RATE_LIMITS={
            "new": {"windows": [(timedelta(hours=1), 1)], "links": 2},
            "trusted": {"windows": [(timedelta(hours=1), 1)], "links": 2},
        },
    )
    def test_behind_the_proxy_each_visitor_has_their_own_address(self, world):
        from django.core.cache import cache

        cache.clear()
        users = [make_user(f"derriere-{n}") for n in range(3)]
        for n, user in enumerate(users):
            world["space"].memberships.create(user=user)
            logged_in_client(user).post(
                f"/communaute/discussions/fils/{world['thread'].pk}/repondre/",
                {"comment": f"derrière le proxy {user.pk}"},
                REMOTE_ADDR="10.0.0.1",  # the proxy, the same for everyone
                HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 1}",
            )
        assert world["thread"].comments.count() == 3

    def test_animateurs_are_not_limited(self, world):
        for n in range(5):
            reply(world["thread"], world["animateur"], f"animation {n}")
        assert world["thread"].comments.count() == 5


class TestReactions:
    def test_one_reaction_per_member_and_kind_toggles(self, world):
        comment = reply(world["thread"], world["author"])
        client = logged_in_client(world["member"])
        url = f"/communaute/discussions/messages/{comment.pk}/reagir/"
        client.post(url, {"kind": "thumbs_up"})
        assert Reaction.objects.filter(comment=comment).count() == 1
        client.post(url, {"kind": "thumbs_up"})
        assert Reaction.objects.filter(comment=comment).count() == 0

    def test_stances_only_in_debates_and_one_at_a_time(self, world):
        comment = reply(world["thread"], world["author"])
        with pytest.raises(posting.DiscussionError):
            posting.react(world["member"], world["thread"], "for", comment)
        debate = make_thread(world["space"], world["animateur"], kind="debate")
        posting.react(world["member"], debate, "for")
        posting.react(world["member"], debate, "against")
        kinds = list(
            Reaction.objects.filter(thread=debate).values_list("kind", flat=True)
        )
        assert kinds == ["against"]

    def test_outsiders_cannot_react(self, world):
        comment = reply(world["thread"], world["author"])
        outsider = make_user("curieux")
        logged_in_client(outsider).post(
            f"/communaute/discussions/messages/{comment.pk}/reagir/",
            {"kind": "thumbs_up"},
        )
        assert not Reaction.objects.filter(comment=comment).exists()

    def test_counts_and_names_are_shown(self, world):
        comment = reply(world["thread"], world["author"])
        posting.react(world["member"], world["thread"], "thumbs_up", comment)
        page = logged_in_client(world["author"]).get(world["thread"].get_absolute_url())
        text = page.content.decode()
        assert 'class="reaction__count">1<' in text and "Membre" in text


class TestMentions:
    def test_a_mention_links_and_notifies_a_member_who_can_see(
        self, world, django_capture_on_commit_callbacks
    ):
        mail.outbox.clear()
        target = world["author"]
        with django_capture_on_commit_callbacks(execute=True):
            with_capture = reply(
                world["thread"], world["member"], f"Merci @{handle_for(target)} !"
            )
        assert f'href="/communaute/membres/{target.pk}/"' in with_capture.body_html
        assert Mention.objects.filter(comment=with_capture, user=target).exists()
        assert any(
            target.email in m.to and "mentionne" in m.subject for m in mail.outbox
        )

    def test_a_mention_of_someone_who_cannot_see_reveals_nothing(
        self, world, django_capture_on_commit_callbacks
    ):
        secret = make_space(
            CommunityAccess.SECRET, name="Cercle", members=[world["author"]]
        )
        thread = make_thread(secret, world["author"])
        outsider = world["member"]
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            comment = reply(thread, world["author"], f"@{handle_for(outsider)} regarde")
        assert "href" not in comment.body_html
        assert not Mention.objects.filter(user=outsider).exists()
        assert not [m for m in mail.outbox if outsider.email in m.to]

    def test_suggestions_list_only_members_who_may_see(self, world):
        restricted = make_space(
            CommunityAccess.RESTRICTED,
            name="Fermée",
            members=[world["author"], world["member"]],
        )
        thread = make_thread(restricted, world["author"])
        make_user("membrefantome")  # not in the community
        response = logged_in_client(world["author"]).get(
            f"/communaute/discussions/fils/{thread.pk}/mentions/?q=membre"
        )
        names = [r["name"] for r in response.json()["results"]]
        assert names == ["Membre"]
        refused = logged_in_client(make_user("autre")).get(
            f"/communaute/discussions/fils/{thread.pk}/mentions/?q=membre"
        )
        assert refused.status_code == 403


class TestEditHistory:
    def test_every_edit_is_kept_and_shown_to_readers(self, world, client):
        comment = reply(world["thread"], world["member"], "Première version")
        member = logged_in_client(world["member"])
        url = f"/communaute/discussions/messages/{comment.pk}/modifier/"
        member.post(url, {"comment": "Deuxième version"})
        member.post(url, {"comment": "Troisième version"})
        assert Revision.objects.filter(comment=comment).count() == 2
        history = client.get(
            f"/communaute/discussions/messages/{comment.pk}/historique/"
        )
        text = history.content.decode()
        assert history.status_code == 200
        for version in ("Première version", "Deuxième version", "Troisième version"):
            assert version in text
        assert "<ins>" in text and "<del>" in text
        page = client.get(world["thread"].get_absolute_url()).content.decode()
        assert "modifié" in page

    def test_only_the_author_edits(self, world):
        comment = reply(world["thread"], world["member"], "À moi")
        url = f"/communaute/discussions/messages/{comment.pk}/modifier/"
        response = logged_in_client(world["author"]).post(url, {"comment": "Volé"})
        assert response.status_code == 403
        comment.refresh_from_db()
        assert comment.comment == "À moi"

    def test_thread_edits_are_kept_too(self, world, client):
        thread = world["thread"]
        logged_in_client(world["animateur"]).post(
            f"/communaute/discussions/fils/{thread.pk}/modifier/",
            {"title": "Titre revu", "body": "Texte revu"},
        )
        thread.refresh_from_db()
        assert thread.title == "Titre revu"
        history = client.get(f"/communaute/discussions/fils/{thread.pk}/historique/")
        assert "Fil de test" in history.content.decode()

    def test_deleting_leaves_a_tombstone_and_keeps_replies(self, world):
        top = reply(world["thread"], world["member"], "Texte à retirer")
        child = reply(world["thread"], world["author"], "Réponse qui reste", to=top)
        client = logged_in_client(world["member"])
        client.post(f"/communaute/discussions/messages/{top.pk}/supprimer/")
        top.refresh_from_db()
        assert top.state == "removed" and top.comment == ""
        page = client.get(world["thread"].get_absolute_url()).content.decode()
        assert "Ce message a été supprimé." in page
        assert "Texte à retirer" not in page and "Réponse qui reste" in page
        child.refresh_from_db()
        assert child.state == "visible"

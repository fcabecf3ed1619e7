"""``AttachedRule``: an object seen exactly when its target is, through a
foreign key or a generic foreign key (comments), with no copy of the target's
rule; and the token helpers the audiences are written with."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site

from wagtail.models import PageViewRestriction

import pytest
from django_comments_xtd.models import XtdComment

from community.members import policy
from community.members.choices import CommunityAccess, MembershipRole
from community.members.policy import (
    AUTHENTICATED,
    PUBLIC,
    SUPERUSER,
    AttachedRule,
    both,
    community_token,
    group_token,
)
from community.members.tests.utils import add_member, make_community, make_user
from home.models import HomePage
from home.tests.utils import make_standard_page

pytestmark = pytest.mark.django_db


class CommentRule(AttachedRule):
    """What the discussions app will write for its comments."""

    target = "content_object"

    def can_edit(self, user, p, obj):
        return p.authenticated and obj.user_id == p.user_id


@pytest.fixture
def comment_rule():
    policy.register(XtdComment, CommentRule)
    yield
    policy._rules.pop(XtdComment)


def comment_on(target, author, text):
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_pk=str(target.pk),
        site=Site.objects.get_current(),
        user=author,
        comment=text,
    )


@pytest.fixture
def world(comment_rule):
    people = {
        "anonymous": None,
        "outsider": make_user("exterieure"),
        "member": make_user("membre"),
        "animateur": make_user("animateur"),
        "superuser": make_user("admin", is_superuser=True),
    }
    author = people["member"]
    targets = {}
    for access in CommunityAccess.values:
        community = make_community(access)
        add_member(community, people["member"])
        add_member(community, people["animateur"], MembershipRole.ANIMATEUR)
        targets[f"{access} community"] = community
    home = HomePage.objects.get()
    targets["public page"] = make_standard_page(home, "Page commentée")
    login_page = make_standard_page(home, "Page des connectés")
    PageViewRestriction.objects.create(
        page=login_page, restriction_type=PageViewRestriction.LOGIN
    )
    targets["login page"] = login_page
    targets["draft page"] = make_standard_page(home, "Brouillon", live=False)
    comments = {
        name: comment_on(target, author, f"Sur {name}")
        for name, target in targets.items()
    }
    return people, targets, comments


def user_of(person):
    return person or AnonymousUser()


def test_comments_follow_their_target_through_a_generic_foreign_key(world):
    people, targets, comments = world
    for person_name, person in people.items():
        user = user_of(person)
        tokens = set(policy.tokens_for(user))
        visible = set(
            policy.visible_to(XtdComment.objects.all(), user).values_list(
                "pk", flat=True
            )
        )
        known = set(
            policy.known_to(XtdComment.objects.all(), user).values_list("pk", flat=True)
        )
        for name, comment in comments.items():
            target = targets[name]
            where = (person_name, name)
            sees = policy.can_view(user, target)
            assert policy.can_view(user, comment) == sees, where
            assert (comment.pk in visible) == sees, where
            assert bool(tokens & set(policy.audience(comment))) == sees, where
            assert policy.may_know(user, comment) == policy.may_know(user, target)
            assert (comment.pk in known) == policy.known_to(
                type(target).objects.filter(pk=target.pk), user
            ).exists(), where
            assert policy.can_moderate(user, comment) == policy.can_moderate(
                user, target
            ), where


def test_an_overridden_question_is_the_rule_s_own(world):
    people, _targets, comments = world
    comment = comments["public community"]
    assert policy.can_edit(people["member"], comment)
    assert not policy.can_edit(people["animateur"], comment)


def test_audiences_are_the_target_s(world):
    _people, targets, comments = world
    secret = targets["secret community"]
    assert policy.audience(comments["secret community"]) == sorted(
        {community_token(secret.pk), SUPERUSER}
    )
    assert policy.audience(comments["public page"]) == [PUBLIC]
    assert policy.audience(comments["login page"]) == [AUTHENTICATED]
    assert policy.audience(comments["draft page"]) == []


def test_a_comment_whose_target_is_gone_is_seen_by_nobody(world):
    people, targets, comments = world
    comment = comments["public community"]
    targets["public community"].delete()
    comment = XtdComment.objects.get(pk=comment.pk)
    superuser = people["superuser"]
    assert not policy.can_view(superuser, comment)
    assert policy.audience(comment) == []


def test_both_keeps_those_behind_both_gates():
    g1, g2 = group_token(1), group_token(2)
    assert both({PUBLIC}, {AUTHENTICATED}) == {AUTHENTICATED}
    assert both({AUTHENTICATED}, {g1, SUPERUSER}) == {g1, SUPERUSER}
    assert both({g1, SUPERUSER}, {PUBLIC}) == {g1, SUPERUSER}
    # Members of both groups are not one token: never broader than the truth.
    assert both({g1, SUPERUSER}, {g2, SUPERUSER}) == {SUPERUSER}
    assert both({PUBLIC}, set()) == set()

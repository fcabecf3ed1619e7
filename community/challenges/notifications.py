"""The défis' notification event types, registered with
``community.notifications`` from ``ChallengesConfig.ready()``: a défi is a
followable space (its threads sit in it), and its news reach those who follow
it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.notifications import register_event_type, register_followable

from .models import ChallengePage

NEWS = "challenges.news"


def _describe_news(actor, challenge, context):
    news = context["news"]
    return {
        "verb": _("Nouvelle du défi « %(challenge)s » : %(title)s")
        % {"challenge": challenge.title, "title": news.title},
        "excerpt": news.body,
        "space": challenge.title,
        "url": challenge.url + "#nouvelles",
    }


def register():
    register_followable(ChallengePage)
    register_event_type(
        NEWS,
        gettext_lazy("Nouvelles des défis que je suis"),
        followables=lambda challenge, context: [challenge],
        auto_follow=lambda actor, challenge, context: [(actor, challenge)],
        describe=_describe_news,
    )

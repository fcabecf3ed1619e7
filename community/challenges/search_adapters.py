"""What the défis give to the site search. A défi page is indexed by the
search app's page adapter, with what its page shows besides the fiche (its
``search_fields``: étapes, exposition, news…). Those are written from the
site, not published with the page: saving or deleting one reindexes its
défi. ``register()`` is called from ``ChallengesConfig.ready()``."""

from django.db.models.signals import post_delete, post_save

from search import registry


def reindex_challenge(sender, instance, **kwargs):
    from search.sync import enqueue

    enqueue([registry.key_for(instance.challenge)])


def register():
    from .models import (
        ChallengeExposition,
        ChallengeNews,
        ChallengeStatusChange,
        ChallengeStepSummary,
    )

    for model in (
        ChallengeStepSummary,
        ChallengeExposition,
        ChallengeNews,
        ChallengeStatusChange,
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                reindex_challenge,
                sender=model,
                dispatch_uid=f"challenges.reindex.{model.__name__}",
            )

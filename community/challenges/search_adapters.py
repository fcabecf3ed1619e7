"""What the challenges app gives to the site search: défis are pages (indexed
by the search app's page adapter, their text from ``search_fields``, which
name what the page shows besides the fiche: étapes, exposition, status
notes, news). Those are written from the site, outside page revisions:
saving or deleting one reindexes its défi. ``register()`` is called from
``ChallengesConfig.ready()``."""

from django.db.models.signals import post_delete, post_save

from search import registry


def reindex_challenge(sender, instance, **kwargs):
    """A step summary, the exposition, a status change or a news item
    changed: its défi's text did."""
    from wagtail.models import Page

    from search.sync import enqueue

    if instance.challenge_id:
        enqueue([registry.key_for(Page(pk=instance.challenge_id))])


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

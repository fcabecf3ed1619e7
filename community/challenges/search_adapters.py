"""What the challenges app gives to the site search: défis are pages (indexed
by the search app's page adapter, their text from ``search_fields``), and
what their team writes on them outside page revisions — step summaries,
the exposition, follow-up news — reindexes them. ``register()`` is called from
``ChallengesConfig.ready()``."""

from search import registry


def reindex_challenge(sender, instance, **kwargs):
    """A step summary, the exposition or a news item changed: its défi's text did."""
    from wagtail.models import Page

    from search.sync import enqueue

    if instance.challenge_id:
        enqueue([registry.key_for(Page(pk=instance.challenge_id))])


def register():
    from django.db.models.signals import post_delete, post_save

    from .models.progress import (
        ChallengeExposition,
        ChallengeNews,
        ChallengeStepSummary,
    )

    for model in (ChallengeStepSummary, ChallengeExposition, ChallengeNews):
        for signal in (post_save, post_delete):
            signal.connect(
                reindex_challenge,
                sender=model,
                dispatch_uid=f"search_challenge_{model.__name__}_{signal is post_save}",
            )

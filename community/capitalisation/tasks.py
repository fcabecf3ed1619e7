"""Background work of capitalisation (Django's tasks API): making a booklet's PDF."""

from django_tasks import task


@task()
def build_booklet(challenge_id):
    """Make the défi's booklet PDF if its content changed (see booklet.py)."""
    from community.challenges.models import ChallengePage

    from . import booklet

    challenge = ChallengePage.objects.filter(pk=challenge_id).first()
    if challenge is None or not booklet.is_public(challenge):
        return
    booklet.build(challenge)

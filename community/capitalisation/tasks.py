"""Background work of capitalisation (Django's tasks API): making the PDFs of a
défi's booklet and of an édition's bilan."""

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


@task()
def build_bilan(page_id):
    """Make the bilan's PDF if its content changed (see bilan.py)."""
    from . import bilan
    from .models import BilanPage

    page = BilanPage.objects.live().filter(pk=page_id).first()
    if page is None or not bilan.is_public(page):
        return
    bilan.build(page)

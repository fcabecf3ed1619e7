"""Small builders for the capitalisation tests."""

from datetime import timedelta

from django.utils import timezone

from community.events.choices import RegistrationStatus, SessionKind
from community.events.models import Registration
from community.events.tests.utils import make_edition, make_session, make_venue


def past_edition(slug="edition-passee", days_ago=3):
    """A live édition that ended ``days_ago`` days ago, at one site."""
    start = timezone.localdate() - timedelta(days=days_ago + 1)
    return make_edition(
        slug=slug, venues=[make_venue("site-eval")], start=start, days=2
    )


def ended_session(edition, **fields):
    fields.setdefault("kind", SessionKind.WORKSHOP)
    fields.setdefault("title", "Atelier évalué")
    return make_session(edition, **fields)


def register(session, user, status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(
        session=session,
        user=user,
        status=status,
        confirmed_at=timezone.now() - timedelta(days=10),
    )


ANSWER = {
    "satisfaction": "4",
    "learned": "Prototyper tôt.",
    "improve": "Plus de pauses.",
    "come_back": "oui",
}

"""iCal exports: a session, an édition's programme (all sites or one), and a
member's own programme — logged in, or through their private calendar link."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from community.members import policy

from ..choices import RegistrationStatus
from ..ical import calendar_response
from ..models import CalendarFeed, Session


def edition_calendar(request, edition, venue_slug=None):
    sessions = Session.objects.for_edition(edition).select_related("venue")
    name = edition.title
    filename = f"programme-{edition.slug}.ics"
    if venue_slug is not None:
        site = edition.sites.select_related("venue").filter(venue__slug=venue_slug)
        site = site.first()
        if site is None:
            raise Http404
        sessions = sessions.filter(venue=site.venue)
        name = f"{edition.title} — {site.venue.name}"
        filename = f"programme-{edition.slug}-{venue_slug}.ics"
    sessions = list(sessions.order_by("start"))
    for session in sessions:
        session.edition = edition
    return calendar_response(name, sessions, filename)


def session_calendar(request, edition, session_id):
    session = get_object_or_404(
        Session.objects.select_related("venue"), pk=session_id, edition=edition
    )
    session.edition = edition
    policy.ensure(request.user, session, "view")
    return calendar_response(
        session.title,
        [session],
        f"session-{session.pk}-{slugify(session.title)[:40]}.ics",
    )


def _confirmed_sessions(user):
    return (
        Session.objects.filter(
            registrations__user=user,
            registrations__status=RegistrationStatus.CONFIRMED,
        )
        .select_related("venue", "edition")
        .order_by("start")
    )


@login_required
def my_calendar(request):
    return calendar_response(
        "Mon programme", _confirmed_sessions(request.user), "mon-programme.ics"
    )


def token_calendar(request, token):
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
    )
    return calendar_response(
        "Mon programme", _confirmed_sessions(feed.user), "mon-programme.ics"
    )

"""iCalendar (RFC 5545) export of sessions, with the ``icalendar`` library.

Each event carries its site's time zone (``DTSTART;TZID=Indian/Reunion:…``)
and the matching ``VTIMEZONE`` component, so calendar applications place it
at the right instant wherever the member is.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar, Event

PRODID = "-//e-communauté de l'innovation publique territoriale//programme//FR"


def _host():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def session_path(session, edition_urls=None):
    """The session's page path; ``edition_urls`` caches each édition's URL."""
    edition_urls = {} if edition_urls is None else edition_urls
    if session.edition_id not in edition_urls:
        edition_urls[session.edition_id] = session.edition.url
    return edition_urls[session.edition_id] + session.edition.reverse_subpage(
        "session", args=[session.pk]
    )


def session_event(session, stamp=None, edition_urls=None):
    event = Event()
    event.add("uid", f"session-{session.pk}@{_host()}")
    event.add("dtstamp", stamp or timezone.now())
    event.add("dtstart", session.local_start)
    event.add("dtend", session.local_end)
    event.add("summary", session.title)
    location = ", ".join(part for part in (session.place, session.venue.name) if part)
    if location:
        event.add("location", location)
    description = session.description
    speakers = session.speaker_lines()
    if speakers:
        description = "\n".join(
            filter(None, [description, "Intervenants :", *speakers])
        )
    if description:
        event.add("description", description)
    event.add("categories", [session.get_kind_display()])
    event.add(
        "url",
        settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + session_path(session, edition_urls),
    )
    return event


def build_calendar(name, sessions):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    edition_urls = {}
    for session in sessions:
        calendar.add_component(session_event(session, stamp, edition_urls))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(name, sessions, filename):
    response = HttpResponse(
        build_calendar(name, sessions).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

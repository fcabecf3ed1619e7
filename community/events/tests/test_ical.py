from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from community.events import registrations
from community.events.choices import TimeZoneName
from community.events.models import CalendarFeed, EditionPage
from community.members.tests.utils import make_user

from .utils import make_edition, make_session, make_venue

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


class TestSessionAndProgrammeCalendars:
    def test_an_overseas_session_carries_its_zone_and_the_right_instant(self, client):
        reunion = make_venue("reunion-ical", TimeZoneName.REUNION)
        edition = make_edition(venues=[reunion])
        first = edition.sites.get().start_date
        start = datetime(
            first.year, first.month, first.day, 9, 0, tzinfo=reunion.tzinfo
        )
        session = make_session(edition, reunion, start=start, title="Plénière")
        calendar = parse(client.get(edition.route_url("session_ics", session.pk)))
        (event,) = events(calendar)
        assert str(event["summary"]) == "Plénière"
        assert event["dtstart"].params["TZID"] == "Indian/Reunion"
        assert event["dtstart"].dt.astimezone(UTC) == start.astimezone(UTC)
        assert event["dtstart"].dt.hour == 9
        assert event["dtend"].dt.astimezone(UTC).hour == 6  # 10:00 at UTC+4
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Indian/Reunion"]
        assert str(event["uid"]) == f"session-{session.pk}@testserver"

    def test_the_demo_programme_exports_every_site_in_its_zone(self, client):
        edition = EditionPage.objects.get(slug="universite-2018")
        calendar = parse(client.get(edition.route_url("programme_ics")))
        assert len(events(calendar)) == edition.sessions.count()
        zones = {tz["TZID"] for tz in calendar.walk("VTIMEZONE")}
        assert zones == {"Europe/Paris", "Indian/Reunion", "America/Martinique"}
        martinique = parse(
            client.get(edition.route_url("venue_programme_ics", "martinique"))
        )
        first = min(events(martinique), key=lambda e: e["dtstart"].dt)
        assert first["dtstart"].params["TZID"] == "America/Martinique"
        # 9:00 in Fort-de-France (UTC−4) is 13:00 UTC, 15:00 in Paris.
        assert first["dtstart"].dt.astimezone(UTC).hour == 13

    def test_a_hidden_edition_exports_nothing(self, client):
        edition = make_edition(slug="cachee")
        session = make_session(edition)
        url = edition.route_url("session_ics", session.pk)
        edition.unpublish()
        assert client.get(url).status_code == 404


class TestMyProgramme:
    def test_mon_programme_needs_a_login(self, client):
        response = client.get("/evenements/mon-programme.ics")
        assert response.status_code == 302
        assert "/comptes/login/" in response["Location"]

    def test_it_holds_only_my_confirmed_places(self, client):
        edition = make_edition()
        mine = make_session(edition, capacity=1, title="La mienne")
        waiting = make_session(edition, capacity=1, title="En attente")
        make_session(edition, capacity=5, title="Pas la mienne")
        user = make_user("moi")
        registrations.register(mine.pk, user)
        registrations.register(waiting.pk, make_user("autre"))
        registrations.register(waiting.pk, user, join_waiting_list=True)
        client.force_login(user)
        calendar = parse(client.get("/evenements/mon-programme.ics"))
        assert [str(e["summary"]) for e in events(calendar)] == ["La mienne"]
        page = client.get("/evenements/mon-programme/").content.decode()
        assert "La mienne" in page and "En attente" in page
        assert "Pas la mienne" not in page

    def test_the_private_link_works_without_login_and_can_be_revoked(self, client):
        edition = make_edition()
        session = make_session(edition, capacity=3, title="Abonnement")
        user = make_user("abonne")
        registrations.register(session.pk, user)
        client.force_login(user)
        client.post("/evenements/mon-programme/lien-agenda/", {"action": "create"})
        token = CalendarFeed.objects.get(user=user).token
        client.logout()
        url = f"/evenements/agenda/{token}.ics"
        assert [str(e["summary"]) for e in events(parse(client.get(url)))] == [
            "Abonnement"
        ]
        client.force_login(user)
        client.post("/evenements/mon-programme/lien-agenda/", {"action": "renew"})
        client.logout()
        assert client.get(url).status_code == 404
        assert client.get("/evenements/agenda/nimporte-quoi.ics").status_code == 404

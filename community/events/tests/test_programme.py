from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from community.events.choices import SessionKind, TimeZoneName
from community.events.models import EditionPage, Session
from community.events.views.programme import SESSIONS_PER_PAGE
from community.events.wagtail_hooks import SessionViewSet
from community.members.tests.utils import make_user

from .utils import make_edition, make_session, make_venue

pytestmark = pytest.mark.django_db


class TestSessionValidation:
    def test_an_end_before_the_start_is_refused_with_a_clear_message(self):
        edition = make_edition()
        session = make_session(edition)
        session.end = session.start - timedelta(minutes=30)
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "La fin de la session doit venir après son début." in str(error.value)

    def test_the_database_refuses_it_too(self):
        edition = make_edition()
        session = make_session(edition)
        with pytest.raises(IntegrityError), transaction.atomic():
            Session.objects.filter(pk=session.pk).update(end=session.start)

    def test_a_session_outside_its_edition_is_refused(self):
        edition = make_edition()
        session = make_session(edition)
        session.start += timedelta(days=10)
        session.end += timedelta(days=10)
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "pendant l'édition sur ce site" in str(error.value)

    def test_a_site_that_is_not_part_of_the_edition_is_refused(self):
        edition = make_edition()
        session = make_session(edition)
        session.venue = make_venue("ailleurs")
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "ne fait pas partie de l'édition" in str(error.value)

    def test_capacity_cannot_drop_below_the_registered(self):
        from community.events import registrations

        edition = make_edition()
        session = make_session(edition, capacity=3)
        for name in ("a", "b"):
            registrations.register(session.pk, make_user(name))
        session.capacity = 1
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "2 personnes sont déjà inscrites" in str(error.value)


def session_form(*args, **kwargs):
    """The admin's session form, as the snippet view builds it."""
    form_class = SessionViewSet.edit_handler.bind_to_model(Session).get_form_class()
    return form_class(*args, **kwargs)


class TestTimesAndZones:
    def test_admin_form_reads_times_in_the_sites_zone(self):
        reunion = make_venue("reunion-test", TimeZoneName.REUNION)
        edition = make_edition(venues=[reunion])
        first = edition.sites.get().start_date
        form = session_form(
            data={
                "edition": edition.pk,
                "venue": reunion.pk,
                "title": "Plénière",
                "kind": SessionKind.PLENARY,
                "start": f"{first.isoformat()} 09:00",
                "end": f"{first.isoformat()} 10:30",
                "waiting_list": "on",
            },
            instance=Session(),
        )
        assert form.is_valid(), form.errors
        session = form.save()
        # 9:00 in Saint-Denis (UTC+4) is 5:00 UTC, stored as such.
        assert session.start.astimezone(reunion.tzinfo).hour == 9
        assert session.start.astimezone(UTC).hour == 5

    def test_admin_form_refuses_an_end_before_the_start(self):
        edition = make_edition()
        venue = edition.sites.get().venue
        first = edition.sites.get().start_date
        form = session_form(
            data={
                "edition": edition.pk,
                "venue": venue.pk,
                "title": "Atelier",
                "kind": SessionKind.WORKSHOP,
                "start": f"{first.isoformat()} 11:00",
                "end": f"{first.isoformat()} 10:00",
            },
            instance=Session(),
        )
        assert not form.is_valid()
        assert "La fin de la session doit venir après son début." in str(form.errors)
        assert not Session.objects.filter(title="Atelier").exists()

    def test_overseas_programme_shows_local_and_paris_times(self, client):
        reunion = make_venue("reunion-prog", TimeZoneName.REUNION)
        edition = make_edition(venues=[reunion])
        first = edition.sites.get().start_date
        start = datetime(
            first.year, first.month, first.day, 9, 0, tzinfo=reunion.tzinfo
        )
        make_session(edition, reunion, start=start, title="Plénière d'ouverture")
        content = client.get(f"{edition.url}programme/{reunion.slug}/").content.decode()
        assert "Heure locale" in content and "Heure de Paris" in content
        # 9:00 in Saint-Denis (UTC+4) is 7:00 in Paris in summer (UTC+2).
        paris = start.astimezone(ZoneInfo("Europe/Paris"))
        assert "09:00" in content
        assert paris.strftime("%H:%M") in content
        assert "<caption>" in content and 'scope="col"' in content


class TestProgrammePage:
    def test_the_demo_edition_has_its_sites_and_programmes(self, client):
        edition = EditionPage.objects.get(slug="universite-2018")
        assert edition.theme_title == "Expérience usagers : espérance démocratique ?"
        assert {s.venue.slug for s in edition.site_list()} >= {
            "rennes",
            "cluny",
            "strasbourg",
            "aix-en-provence",
            "la-reunion",
            "martinique",
        }
        assert edition.milestones.filter(title="Réunion de lancement").exists()
        response = client.get(edition.url)
        assert response.status_code == 200
        assert "Réunion de lancement" in response.content.decode()
        response = client.get(f"{edition.url}programme/rennes/")
        content = response.content.decode()
        assert "Défis — étape 1" in content
        assert "Exposition collective des défis" in content

    def test_the_seed_004_day_is_a_one_day_edition_with_speakers_by_role(self):
        day = EditionPage.objects.get(slug="innovation-manageriale-2017")
        sessions = list(day.sessions.order_by("start"))
        assert {s.local_start.date().isoformat() for s in sessions} == {"2017-06-22"}
        assert sessions[0].title == "Café d'accueil"
        assert sessions[0].local_start.strftime("%H:%M") == "08:45"
        assert any("Professeur des universités" in s.speakers for s in sessions)

    def test_unknown_site_is_a_404(self, client):
        edition = EditionPage.objects.get(slug="universite-2018")
        assert client.get(f"{edition.url}programme/nulle-part/").status_code == 404

    @pytest.mark.parametrize("count", [10, 500])
    def test_programme_query_count_is_constant(
        self, client, django_assert_max_num_queries, count
    ):
        edition = make_edition(slug=f"perf-{count}", days=5)
        venue = edition.sites.get().venue
        first = edition.sites.get().start_date
        start = datetime(first.year, first.month, first.day, 8, 0, tzinfo=venue.tzinfo)
        Session.objects.bulk_create(
            Session(
                edition=edition,
                venue=venue,
                title=f"Session {i}",
                kind=SessionKind.MINI_CONFERENCE,
                start=start + timedelta(minutes=10 * (i % 60), days=i % 5),
                end=start + timedelta(minutes=10 * (i % 60) + 30, days=i % 5),
                capacity=20,
            )
            for i in range(count)
        )
        url = f"{edition.url}programme/{venue.slug}/"
        client.get(url)
        with django_assert_max_num_queries(12):
            response = client.get(url)
        shown = min(count, SESSIONS_PER_PAGE)
        assert response.content.decode().count('class="session-row') == shown
        if count > SESSIONS_PER_PAGE:  # the rest on the next pages, as cheap
            with django_assert_max_num_queries(12):
                last = client.get(f"{url}?page=999")
            rows = last.content.decode().count('class="session-row')
            assert rows == count - SESSIONS_PER_PAGE * (
                (count - 1) // SESSIONS_PER_PAGE
            )
        # A logged-in member adds the shell's own queries (session, user,
        # permissions for the Wagtail user bar) and one for their registrations.
        client.force_login(make_user("lecteur"))
        client.get(url)
        with django_assert_max_num_queries(20):
            client.get(url)


class TestVenueTerritory:
    def test_a_venue_needs_a_territory(self):
        from community.events.models import Venue

        venue = make_venue("sans-territoire")
        assert venue.territory == "autre"  # the default, never empty
        with pytest.raises(IntegrityError), transaction.atomic():
            Venue.objects.filter(pk=venue.pk).update(territory="")

    def test_the_migration_gives_each_existing_venue_its_territory(self):
        import importlib

        from django.apps import apps

        from community.events.models import Venue

        migration = importlib.import_module(
            "community.events.migrations.0003_venue_territory"
        )
        by_city = make_venue("salle-municipale", name="Salle municipale")
        elsewhere = make_venue("ailleurs-loin", name="Ailleurs")
        Venue.objects.filter(pk=by_city.pk).update(city="Strasbourg")
        Venue.objects.filter(pk__in=[by_city.pk, elsewhere.pk]).update(
            territory="rennes"
        )
        migration.give_each_venue_its_territory(apps, None)
        territories = dict(Venue.objects.values_list("slug", "territory"))
        assert territories["salle-municipale"] == "strasbourg"
        assert territories["ailleurs-loin"] == "autre"
        assert territories["nancy"] == "nancy"
        assert territories["la-reunion"] == "la-reunion"

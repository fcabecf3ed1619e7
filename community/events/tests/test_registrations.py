import threading
from datetime import date, timedelta

from django.core import mail
from django.db import connection

import pytest

from community.events import registrations
from community.events.choices import RegistrationStatus
from community.events.models import Registration
from community.members.tests.utils import make_user

from .utils import make_edition, make_session

pytestmark = pytest.mark.django_db


def confirmed(session):
    return session.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


class TestCapacity:
    def test_places_are_given_until_the_session_is_full(self):
        session = make_session(make_edition(), capacity=2)
        for name in ("a", "b"):
            registration = registrations.register(session.pk, make_user(name))
            assert registration.status == RegistrationStatus.CONFIRMED
        with pytest.raises(registrations.SessionFull) as error:
            registrations.register(session.pk, make_user("c"))
        assert "La session est complète" in str(error.value)
        assert error.value.waiting_list
        assert confirmed(session) == 2
        assert session.registrations.count() == 2  # nothing saved for c

    def test_joining_the_waiting_list_is_an_explicit_choice(self):
        session = make_session(make_edition(), capacity=1)
        registrations.register(session.pk, make_user("a"))
        waiting = registrations.register(
            session.pk, make_user("b"), join_waiting_list=True
        )
        assert waiting.status == RegistrationStatus.WAITING
        assert confirmed(session) == 1

    def test_no_waiting_list_when_the_session_has_none(self):
        session = make_session(make_edition(), capacity=1, waiting_list=False)
        registrations.register(session.pk, make_user("a"))
        with pytest.raises(registrations.SessionFull):
            registrations.register(session.pk, make_user("b"), join_waiting_list=True)
        assert session.registrations.count() == 1

    def test_registering_twice_is_refused(self):
        session = make_session(make_edition(), capacity=5)
        user = make_user("a")
        registrations.register(session.pk, user)
        with pytest.raises(registrations.RegistrationError, match="déjà inscrit"):
            registrations.register(session.pk, user)

    def test_past_sessions_and_sessions_without_capacity_take_no_registration(self):
        edition = make_edition()
        free = make_session(edition)
        with pytest.raises(registrations.RegistrationError, match="ne demande pas"):
            registrations.register(free.pk, make_user("a"))
        past_edition = make_edition("passee", start=date.today() - timedelta(days=400))
        past = make_session(past_edition, capacity=5)
        with pytest.raises(registrations.RegistrationError, match="terminée"):
            registrations.register(past.pk, make_user("b"))


class TestWaitingList:
    def test_a_freed_place_goes_to_the_first_waiting_who_gets_an_email(
        self, django_capture_on_commit_callbacks
    ):
        session = make_session(make_edition(), capacity=1)
        first, second, third = make_user("a"), make_user("b"), make_user("c")
        registrations.register(session.pk, first)
        registrations.register(session.pk, second, join_waiting_list=True)
        registrations.register(session.pk, third, join_waiting_list=True)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            registrations.cancel(session.pk, first)
        promoted = Registration.objects.get(session=session, user=second)
        assert promoted.status == RegistrationStatus.CONFIRMED and promoted.promoted
        assert Registration.objects.get(session=session, user=third).status == "waiting"
        assert confirmed(session) == 1
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [second.email]
        assert "Une place s'est libérée" in message.subject
        assert session.title in message.body

    def test_leaving_the_waiting_list_promotes_nobody(
        self, django_capture_on_commit_callbacks
    ):
        session = make_session(make_edition(), capacity=1)
        registrations.register(session.pk, make_user("a"))
        waiting = make_user("b")
        registrations.register(session.pk, waiting, join_waiting_list=True)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            registrations.cancel(session.pk, waiting)
        assert mail.outbox == []
        assert confirmed(session) == 1

    def test_a_larger_capacity_fills_from_the_waiting_list(
        self, django_capture_on_commit_callbacks
    ):
        session = make_session(make_edition(), capacity=1)
        registrations.register(session.pk, make_user("a"))
        registrations.register(session.pk, make_user("b"), join_waiting_list=True)
        with django_capture_on_commit_callbacks(execute=True):
            session.capacity = 2
            session.save()
        assert confirmed(session) == 2


class TestRegistrationViews:
    def test_anonymous_members_are_sent_to_log_in(self, client):
        session = make_session(make_edition(), capacity=1)
        response = client.post(session.edition.route_url("register", session.pk))
        assert response.status_code == 302
        assert "/comptes/login/" in response["Location"]
        assert not session.registrations.exists()

    def test_a_full_session_says_so_and_saves_nothing(self, client):
        session = make_session(make_edition(), capacity=1)
        registrations.register(session.pk, make_user("a"))
        client.force_login(make_user("b"))
        url = session.edition.route_url("register", session.pk)
        response = client.post(url, follow=True)
        assert response.status_code == 200
        assert "La session est complète" in response.content.decode()
        assert session.registrations.count() == 1
        response = client.post(url, {"liste_attente": "1"}, follow=True)
        assert "liste d&#x27;attente" in response.content.decode()
        assert session.registrations.filter(status="waiting").count() == 1

    def test_register_then_cancel_from_the_session_page(self, client):
        session = make_session(make_edition(), capacity=3)
        user = make_user("a")
        client.force_login(user)
        page = client.get(
            session.edition.route_url("session", session.pk)
        ).content.decode()
        assert "M'inscrire" in page
        client.post(session.edition.route_url("register", session.pk))
        assert Registration.objects.get(user=user).status == "confirmed"
        page = client.get(
            session.edition.route_url("session", session.pk)
        ).content.decode()
        assert "Vous êtes inscrit·e à cette session." in page
        client.post(session.edition.route_url("cancel", session.pk))
        assert Registration.objects.get(user=user).status == "cancelled"

    def test_get_on_an_action_is_refused(self, client):
        session = make_session(make_edition(), capacity=3)
        client.force_login(make_user("a"))
        assert (
            client.get(session.edition.route_url("register", session.pk)).status_code
            == 405
        )

    def test_draft_edition_sessions_are_hidden(self, client):
        edition = make_edition()
        session = make_session(edition, capacity=3)
        edition.unpublish()
        client.force_login(make_user("a"))
        assert (
            client.get(f"/evenements/{edition.slug}/sessions/{session.pk}/").status_code
            == 404
        )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Verrous de ligne (SELECT … FOR UPDATE) : à lancer sur PostgreSQL "
    "(DATABASE_URL=postgres://…), SQLite sérialise déjà les écritures.",
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_never_exceed_capacity():
    """Twenty members ask for five places at the same instant."""
    edition = make_edition(slug="concurrence")
    session = make_session(edition, capacity=5)
    users = [make_user(f"course{i}") for i in range(20)]
    barrier = threading.Barrier(len(users))
    outcomes = []

    def attempt(user):
        from django.db import connections

        try:
            barrier.wait()
            registrations.register(session.pk, user)
            outcomes.append("ok")
        except registrations.SessionFull:
            outcomes.append("full")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("ok") == 5
    assert outcomes.count("full") == 15
    assert confirmed(session) == 5

"""Evaluations: who may answer, once, anonymously; the invitation job."""

from datetime import timedelta

from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from community.capitalisation import evaluations, invitations
from community.capitalisation.choices import Scope
from community.capitalisation.evaluations import EvaluationRefused, Subject
from community.capitalisation.models import (
    EvaluationAnswer,
    EvaluationForm,
    EvaluationReceipt,
    InvitationRun,
)
from community.capitalisation.personal_data import export_evaluations
from community.challenges.tests.utils import make_challenge
from community.events.choices import RegistrationStatus
from community.members.choices import TeamRole
from community.members.tests.utils import make_community, make_team, make_user

from .utils import ANSWER, ended_session, past_edition, register

pytestmark = pytest.mark.django_db


def answers():
    """Answers other than the demo's (the demo's 2018 édition has some)."""
    return EvaluationAnswer.objects.exclude(form__edition__slug="universite-2018")


@pytest.fixture
def world():
    edition = past_edition()
    session = ended_session(edition)
    registered = make_user("inscrite")
    register(session, registered)
    return edition, session, registered


def url(subject):
    return reverse("capitalisation:evaluate", args=subject.url_args)


class TestAnswering:
    def test_a_registered_participant_answers_once_anonymously(self, client, world):
        edition, session, registered = world
        subject = Subject(Scope.SESSION, session)
        client.force_login(registered)
        page = client.get(url(subject))
        assert page.status_code == 200
        assert "quelle est votre satisfaction" in page.text
        response = client.post(url(subject), ANSWER)
        assert response.status_code == 302
        answer = EvaluationAnswer.objects.get(form__edition=edition)
        assert (answer.satisfaction, answer.come_back) == (4, "oui")
        assert answer.session == session and answer.venue == session.venue
        receipt = EvaluationReceipt.objects.get()
        assert (receipt.user, receipt.subject) == (registered, f"session:{session.pk}")
        # Nothing ties the answer to the member: no field names a user, and
        # the key is random.
        assert not [
            f
            for f in EvaluationAnswer._meta.get_fields()
            if getattr(f, "related_model", None) is type(registered)
        ]
        assert answer.pk.version == 4

        again = client.post(url(subject), {**ANSWER, "satisfaction": "1"})
        assert again.status_code == 200 or again.status_code == 403
        assert "déjà répondu" in again.text
        assert answers().count() == 1

    def test_the_database_refuses_a_second_receipt(self, world):
        edition, session, registered = world
        form = EvaluationForm.for_edition(edition)
        EvaluationReceipt.objects.create(
            user=registered, form=form, subject=f"session:{session.pk}"
        )
        with pytest.raises(IntegrityError), transaction.atomic():
            EvaluationReceipt.objects.create(
                user=registered, form=form, subject=f"session:{session.pk}"
            )

    def test_someone_not_registered_is_refused(self, client, world):
        edition, session, _registered = world
        waiting = make_user("attente")
        register(session, waiting, RegistrationStatus.WAITING)
        subject = Subject(Scope.SESSION, session)
        for user in (make_user("ailleurs"), waiting):
            client.force_login(user)
            response = client.post(url(subject), ANSWER)
            assert response.status_code == 403
            assert "Seules les personnes inscrites" in response.text
        assert not answers().exists()
        assert not EvaluationReceipt.objects.exists()

    def test_the_anonymous_visitor_is_asked_to_log_in(self, client, world):
        response = client.get(url(Subject(Scope.SESSION, world[1])))
        assert response.status_code == 302
        assert "/comptes/login/" in response["Location"]

    @pytest.mark.parametrize("satisfaction", ["0", "6", "-1", "beaucoup", ""])
    def test_a_mark_out_of_range_saves_nothing(self, client, world, satisfaction):
        _edition, session, registered = world
        client.force_login(registered)
        response = client.post(
            url(Subject(Scope.SESSION, session)),
            {**ANSWER, "satisfaction": satisfaction},
        )
        assert response.status_code == 200
        assert "de 1 à 5" in response.text
        assert not answers().exists()
        assert not EvaluationReceipt.objects.exists()

    def test_submit_checks_again_and_saves_nothing_on_refusal(self, world):
        _edition, session, registered = world
        subject = Subject(Scope.SESSION, session)
        with pytest.raises(EvaluationRefused, match="de 1 à 5"):
            evaluations.submit(registered, subject, satisfaction=9, come_back="oui")
        with pytest.raises(EvaluationRefused, match="oui"):
            evaluations.submit(registered, subject, satisfaction=3, come_back="jamais")
        evaluations.submit(registered, subject, satisfaction=3, come_back="non")
        with pytest.raises(EvaluationRefused, match="déjà répondu"):
            evaluations.submit(registered, subject, satisfaction=3, come_back="non")
        assert answers().count() == 1
        assert EvaluationReceipt.objects.count() == 1

    def test_not_before_the_session_has_ended(self, client):
        edition = past_edition("edition-a-venir", days_ago=-10)
        session = ended_session(edition)
        user = make_user("en-avance")
        register(session, user)
        client.force_login(user)
        response = client.post(url(Subject(Scope.SESSION, session)), ANSWER)
        assert "ouvrira une fois celle-ci terminée" in response.text
        assert not answers().exists()

    def test_closed_evaluations_take_no_answer(self, client, world):
        edition, session, registered = world
        EvaluationForm.objects.create(edition=edition, is_open=False)
        client.force_login(registered)
        response = client.post(url(Subject(Scope.SESSION, session)), ANSWER)
        assert "closes" in response.text
        assert not answers().exists()

    def test_team_members_evaluate_their_defi_and_the_edition(self, client, world):
        edition, _session, registered = world
        member = make_user("equipiere")
        team = make_team(make_community(), members=[(member, TeamRole.PARTICIPANT)])
        challenge = make_challenge(edition=edition, venue=edition.sites.get().venue)
        challenge.teams.add(team)
        challenge.save()
        client.force_login(member)
        for subject in (
            Subject(Scope.CHALLENGE, challenge),
            Subject(Scope.EDITION, edition),
        ):
            assert client.post(url(subject), ANSWER).status_code == 302
        # The registered participant evaluates the édition, not the défi.
        client.force_login(registered)
        assert (
            client.post(url(Subject(Scope.EDITION, edition)), ANSWER).status_code == 302
        )
        refused = client.post(url(Subject(Scope.CHALLENGE, challenge)), ANSWER)
        assert refused.status_code == 403
        assert answers().filter(scope=Scope.EDITION).count() == 2

    def test_my_evaluations_list_pending_and_answered_without_content(
        self, client, world
    ):
        _edition, session, registered = world
        client.force_login(registered)
        page = client.get(reverse("capitalisation:evaluations"))
        assert url(Subject(Scope.SESSION, session)) in page.text
        client.post(url(Subject(Scope.SESSION, session)), ANSWER)
        page = client.get(reverse("capitalisation:evaluations"))
        assert "Atelier évalué" in page.text
        assert url(Subject(Scope.SESSION, session)) not in page.text
        assert "Prototyper tôt" not in page.text
        exported = export_evaluations(registered)
        assert len(exported["evaluations_remplies"]) == 1
        assert "Prototyper" not in str(exported)


class TestInvitations:
    def test_the_job_invites_participants_once_after_the_end(
        self, world, django_capture_on_commit_callbacks
    ):
        _edition, session, registered = world
        other = make_user("autre")  # not registered: not invited
        with django_capture_on_commit_callbacks(execute=True):
            summary = invitations.send_invitations()
        assert "invitation" in summary
        recipients = [m.to[0] for m in mail.outbox]
        assert registered.email in recipients and other.email not in recipients
        message = next(m for m in mail.outbox if "Atelier évalué" in m.subject)
        assert url(Subject(Scope.SESSION, session)) in message.body
        assert InvitationRun.objects.filter(subject=f"session:{session.pk}").exists()
        sent = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            invitations.send_invitations()
        assert len(mail.outbox) == sent

    def test_nothing_before_the_end_nor_long_after(
        self, django_capture_on_commit_callbacks
    ):
        future = ended_session(past_edition("edition-future", days_ago=-10))
        register(future, make_user("futur"))
        old = ended_session(past_edition("edition-ancienne", days_ago=60))
        register(old, make_user("ancien"))
        with django_capture_on_commit_callbacks(execute=True):
            invitations.send_invitations()
        assert mail.outbox == []

    def test_answered_members_are_not_invited(
        self, world, django_capture_on_commit_callbacks
    ):
        _edition, session, registered = world
        evaluations.submit(
            registered, Subject(Scope.SESSION, session), satisfaction=5, come_back="oui"
        )
        with django_capture_on_commit_callbacks(execute=True):
            invitations.send_invitations(now=timezone.now() + timedelta(minutes=1))
        assert not [m for m in mail.outbox if "Atelier évalué" in m.subject]

    def test_the_job_is_registered(self):
        from home.scheduler import periodic_jobs

        assert invitations.JOB_NAME in [job.name for job in periodic_jobs()]

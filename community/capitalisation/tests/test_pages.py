"""The admin's questionnaires, « mes données », the dashboard's section and
query counts of the listing pages."""

from django.urls import reverse

import pytest

from community.capitalisation import evaluations
from community.capitalisation.choices import Scope
from community.capitalisation.evaluations import Subject
from community.capitalisation.models import (
    EvaluationAnswer,
    EvaluationForm,
    EvaluationReceipt,
)
from community.capitalisation.personal_data import erase_evaluations
from community.members.tests.utils import make_editor, make_user

from .utils import ended_session, past_edition, register

pytestmark = pytest.mark.django_db


def test_organisers_edit_the_questions_in_the_admin(client):
    edition = past_edition("edition-admin")
    client.force_login(make_user("admin-eval", is_superuser=True, is_staff=True))
    add = reverse("wagtailsnippets_capitalisation_evaluationform:add")
    page = client.get(add)
    assert page.status_code == 200
    assert "Dans l" in page.text  # the default question, ready to reword
    response = client.post(
        add,
        {
            "edition": edition.pk,
            "is_open": "on",
            "intro": "Merci !",
            "satisfaction_question": "Votre note ?",
            "learned_question": "Appris ?",
            "improve_question": "À revoir ?",
            "come_back_question": "Revenir ?",
        },
    )
    assert response.status_code == 302
    assert EvaluationForm.objects.get(edition=edition).satisfaction_question == (
        "Votre note ?"
    )


def test_an_unknown_subject_is_not_found(client):
    client.force_login(make_user("perdue"))
    for args in (["nimporte", 1], ["session", 999999], ["edition", 999999]):
        url = reverse("capitalisation:evaluate", args=args)
        assert client.get(url).status_code == 404


def test_erasing_an_account_keeps_the_anonymous_answer():
    edition = past_edition("edition-effacee")
    session = ended_session(edition)
    user = make_user("effacee")
    register(session, user)
    evaluations.submit(
        user, Subject(Scope.SESSION, session), satisfaction=2, come_back="non"
    )
    erase_evaluations(user, delete_contributions=True)
    assert not EvaluationReceipt.objects.filter(user=user).exists()
    assert EvaluationAnswer.objects.filter(form__edition=edition).count() == 1


def test_the_dashboard_lists_the_evaluations_to_fill(client):
    edition = past_edition("edition-tableau")
    session = ended_session(edition, title="Atelier du tableau")
    user = make_user("tableau")
    register(session, user)
    client.force_login(user)
    url = reverse("capitalisation:evaluate", args=["session", session.pk])
    assert url in client.get("/communaute/tableau-de-bord/").text
    client.force_login(make_user("sans-evaluation"))
    assert url not in client.get("/communaute/tableau-de-bord/").text


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # Once before counting: per-process caches (the glossary's compiled
    # terms, content types…) are warm, as for any request but the first.
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_my_evaluations_do_not_grow_with_the_sessions(client):
    counts = []
    for sessions in (1, 6):
        edition = past_edition(f"edition-requetes-{sessions}")
        user = make_user(f"requetes-{sessions}")
        for i in range(sessions):
            register(ended_session(edition, title=f"Atelier {i}"), user)
        client.force_login(user)
        counts.append(count_queries(client, reverse("capitalisation:evaluations")))
    assert counts[0] == counts[1], counts


def test_results_do_not_grow_with_the_answers(client):
    counts = []
    for answers in (5, 50):
        edition = past_edition(f"edition-resultats-{answers}")
        form = EvaluationForm.for_edition(edition)
        sessions = [ended_session(edition, title=f"Atelier {i}") for i in range(5)]
        EvaluationAnswer.objects.bulk_create(
            EvaluationAnswer(
                form=form,
                scope=Scope.SESSION,
                session=sessions[i % 5],
                venue=sessions[i % 5].venue,
                track=sessions[i % 5].kind,
                satisfaction=1 + i % 5,
                come_back="oui",
            )
            for i in range(answers)
        )
        client.force_login(make_editor(f"orga-{answers}"))
        url = reverse("capitalisation:results", args=[edition.pk])
        counts.append(count_queries(client, url))
    assert counts[0] == counts[1], counts


def test_editors_may_edit_the_questionnaires():
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Éditeurs")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_evaluationform", "change_evaluationform"} <= codenames

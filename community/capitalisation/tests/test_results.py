"""Results: charts and CSV for organisers only, never a group under 5."""

import csv
import io

from django.urls import reverse

import pytest

from community.capitalisation import results
from community.capitalisation.choices import Scope
from community.capitalisation.models import EvaluationAnswer, EvaluationForm
from community.events.models import EditionPage
from community.members.tests.utils import make_editor, make_user

from .utils import ended_session, past_edition

pytestmark = pytest.mark.django_db


def answer(form, n, satisfaction=4, **subject):
    subject.setdefault("scope", Scope.EDITION)
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            form=form,
            satisfaction=satisfaction,
            come_back="oui",
            learned=f"Appris {i}",
            **subject,
        )
        for i in range(n)
    )


@pytest.fixture
def edition():
    return past_edition("edition-resultats")


def chart(data, key):
    return next(c for c in data["charts"] if c.key == key)


class TestThreshold:
    def test_groups_under_five_answers_are_not_shown(self, edition):
        form = EvaluationForm.for_edition(edition)
        small = ended_session(edition, title="Petit atelier")
        big = ended_session(edition, title="Grand atelier")
        answer(form, 4, scope=Scope.SESSION, session=small, venue=small.venue)
        answer(form, 5, 2, scope=Scope.SESSION, session=big, venue=big.venue)
        answer(form, 4)
        data = results.edition_results(form)
        sessions = chart(data, "sessions")
        assert [bar.label for bar in sessions.bars] == ["Site-Eval — Grand atelier"]
        assert sessions.bars[0].value == 2
        assert sessions.hidden == 1
        # The small group counts nowhere, not even in its site's mean (the
        # site's mean minus the big group's would give it away).
        site = chart(data, "sites").bars[0]
        assert (site.value, site.text) == (2, "5")
        # Only 4 on the édition itself: no édition chart, no words.
        assert not [c for c in data["charts"] if c.key == "edition"]
        assert data["words"] == {}
        rows = results.csv_rows(form)
        assert {row[1] for row in rows} == {"Site-Eval — Grand atelier"}
        answer(form, 1)
        data = results.edition_results(form)
        assert chart(data, "edition").bars[3].value == 5  # five answers marked 4
        # Each different answer once, with how many gave it.
        assert ("Appris 0", 2) in data["words"]["learned"]
        assert len(data["words"]["learned"]) == 4

    def test_the_csv_has_no_date_nor_key(self, edition):
        form = EvaluationForm.for_edition(edition)
        answer(form, 5)
        rows = results.csv_rows(form)
        assert len(rows) == 5
        flat = " ".join(str(cell) for row in rows for cell in row)
        assert str(EvaluationAnswer.objects.filter(form=form).first().pk) not in flat
        assert results.CSV_HEADER[0] == "Portée" and "Jour" not in results.CSV_HEADER


class TestAccess:
    def test_organisers_see_charts_with_tables_and_the_csv(self, client, edition):
        form = EvaluationForm.for_edition(edition)
        answer(form, 6, 5)
        client.force_login(make_editor("organisatrice"))
        page = client.get(reverse("capitalisation:results", args=[edition.pk]))
        assert page.status_code == 200
        assert page.text.count("<svg") == page.text.count('<table class="chart__data"')
        assert "<svg" in page.text and "<caption>" in page.text
        download = client.get(reverse("capitalisation:results_csv", args=[edition.pk]))
        assert download["Content-Type"].startswith("text/csv")
        rows = list(
            csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";")
        )
        assert rows[0][0] == "Portée" and len(rows) == 7

    @pytest.mark.parametrize("who", ["anonymous", "member"])
    def test_others_are_refused(self, client, edition, who):
        if who == "member":
            client.force_login(make_user("curieuse"))
        for name in ("results", "results_csv"):
            response = client.get(reverse(f"capitalisation:{name}", args=[edition.pk]))
            if who == "anonymous":  # asked to log in first
                assert response.status_code == 302
                assert "/comptes/login/" in response["Location"]
            else:
                assert response.status_code == 403

    def test_the_edition_page_links_to_the_results_for_organisers_only(
        self, client, edition
    ):
        link = reverse("capitalisation:results", args=[edition.pk])
        assert link not in client.get(edition.url).text
        client.force_login(make_editor("organisateur"))
        assert link in client.get(edition.url).text


def test_the_2018_demo_edition_has_every_chart(client):
    edition = EditionPage.objects.get(slug="universite-2018")
    client.force_login(make_editor("organisatrice-demo"))
    page = client.get(reverse("capitalisation:results", args=[edition.pk]))
    data = results.edition_results(EvaluationForm.objects.get(edition=edition))
    assert {c.key for c in data["charts"]} == {
        "edition",
        "revenir",
        "sites",
        "parcours",
        "sessions",
    }
    assert all(len(c.bars) >= 2 for c in data["charts"])
    assert page.text.count("<svg") == 5

import csv
import io
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest

from community.events import proposals
from community.events.choices import ProposalStatus
from community.events.lines import count_lines
from community.events.models import (
    CallForContributionsPage,
    Proposal,
    ProposalComment,
)
from community.members.tests.utils import make_editor, make_user

from .utils import lines, make_call, make_committee, make_proposal, proposal_post

pytestmark = pytest.mark.django_db


def post(client, call, data, proposal=None):
    url = (
        call.route_url("proposal", proposal.pk)
        if proposal
        else call.route_url("propose")
    )
    return client.post(url, data, follow=True)


class TestLineCount:
    def test_a_line_is_a_non_empty_line_after_normalising_newlines(self):
        assert count_lines("un\r\ndeux\rtrois\nquatre") == 4
        assert count_lines("un\n\n   \n\tdeux\n") == 2
        assert count_lines("") == 0
        assert count_lines("une très longue ligne " * 50) == 1


class TestSubmission:
    def test_a_complete_proposal_is_received_and_acknowledged(
        self, client, django_capture_on_commit_callbacks
    ):
        call = make_call()
        author = make_user("autrice")
        client.force_login(author)
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, call, proposal_post(call))
        proposal = Proposal.objects.get(call=call)
        assert proposal.status == ProposalStatus.RECEIVED
        assert proposal.submitted_at is not None
        assert proposal.speakers.count() == 2
        assert "envoyée au comité" in response.content.decode()
        assert [m.to for m in mail.outbox] == [[author.email]]

    @pytest.mark.parametrize("count", [9, 31])
    def test_9_or_31_lines_are_refused_and_nothing_is_saved(self, client, count):
        call = make_call()
        client.force_login(make_user("autrice"))
        response = post(client, call, proposal_post(call, lines_count=count))
        content = response.content.decode()
        assert f"La description compte {count} ligne(s) non vide(s)" in content
        assert "entre 10 et 30" in content
        assert not Proposal.objects.filter(call=call).exists()

    @pytest.mark.parametrize("count", [10, 30])
    def test_10_and_30_lines_are_accepted(self, client, count):
        call = make_call()
        client.force_login(make_user("autrice"))
        post(client, call, proposal_post(call, lines_count=count))
        assert Proposal.objects.get(call=call).status == ProposalStatus.RECEIVED

    @pytest.mark.parametrize(
        "genders", [("femme", "femme"), ("homme", "homme"), ("femme", "")]
    )
    def test_parity_is_enforced_with_a_clear_message(self, client, genders):
        call = make_call()
        client.force_login(make_user("autrice"))
        response = post(client, call, proposal_post(call, genders=genders))
        content = response.content.decode()
        assert "une femme et un homme" in content
        assert not Proposal.objects.filter(call=call).exists()

    def test_the_browser_checks_with_the_servers_rules_and_words(self, client):
        """The form hands its limits and messages to proposal_form.js, which
        blocks a sending that the server would refuse (the journey in
        tests/e2e exercises it in Chromium)."""
        call = make_call(min_lines=12, max_lines=20)
        client.force_login(make_user("autrice"))
        html = client.get(call.route_url("propose")).content.decode()
        assert "data-proposal-checks" in html
        assert 'data-min-lines="12"' in html and 'data-max-lines="20"' in html
        assert (
            'data-lines-message="La description compte %(lines)s ligne(s) non '
            'vide(s) : il en faut entre %(min)s et %(max)s."'
        ) in html
        assert html.count("data-parity-message=") == 4  # two radios per speaker
        assert "events/js/proposal_form.js" in html
        problem = proposals.lines_error(lines(5), call)
        assert problem == proposals.LINES_MESSAGE % {"lines": 5, "min": 12, "max": 20}
        assert proposals.parity_error(["femme", "femme"]) == proposals.PARITY_MESSAGE

    def test_a_third_speaker_is_refused(self, client):
        call = make_call()
        client.force_login(make_user("autrice"))
        data = proposal_post(call, genders=("femme", "homme", "femme"))
        response = post(client, call, data)
        assert "exactement deux intervenants" in response.content.decode()
        assert not Proposal.objects.filter(call=call).exists()

    def test_a_missing_management_form_is_an_error_not_a_500(self, client):
        call = make_call()
        client.force_login(make_user("autrice"))
        data = {k: v for k, v in proposal_post(call).items() if "FORMS" not in k}
        response = post(client, call, data)
        assert response.status_code == 200
        assert not Proposal.objects.filter(call=call).exists()

    def test_drafts_are_saved_incomplete_and_sent_later(self, client):
        call = make_call()
        client.force_login(make_user("autrice"))
        data = proposal_post(call, action="draft", lines_count=3, genders=("", ""))
        post(client, call, data)
        draft = Proposal.objects.get(call=call)
        assert draft.status == ProposalStatus.DRAFT
        data = proposal_post(call)
        data["speakers-INITIAL_FORMS"] = "2"
        for i, speaker in enumerate(draft.speakers.order_by("position")):
            data[f"speakers-{i}-id"] = speaker.pk
        post(client, call, data, proposal=draft)
        draft.refresh_from_db()
        assert draft.status == ProposalStatus.RECEIVED
        assert draft.speakers.count() == 2
        # Once sent, the author reads it but cannot change it any more.
        response = client.get(draft.get_absolute_url())
        assert (
            "<form"
            not in response.content.decode().split("<main")[1].split("</main>")[0]
        )

    def test_after_the_deadline_nothing_is_saved(self, client):
        call = make_call(deadline=timezone.now() - timedelta(minutes=1))
        client.force_login(make_user("autrice"))
        for action in ("draft", "submit"):
            response = post(client, call, proposal_post(call, action=action))
            assert "est clos depuis le" in response.content.decode()
        assert not Proposal.objects.filter(call=call).exists()

    def test_a_draft_cannot_be_sent_after_the_deadline(self):
        call = make_call()
        draft = make_proposal(call, make_user("autrice"), status="draft")
        CallForContributionsPage.objects.filter(pk=call.pk).update(
            deadline=timezone.now() - timedelta(seconds=1)
        )
        draft.call.refresh_from_db()
        with pytest.raises(proposals.ProposalError, match="clos"):
            proposals.submit(draft, draft.author)
        draft.refresh_from_db()
        assert draft.status == ProposalStatus.DRAFT

    def test_anonymous_visitors_are_sent_to_log_in(self, client):
        call = make_call()
        response = client.get(call.route_url("propose"))
        assert response.status_code == 302 and "/comptes/login/" in response["Location"]


class TestCommittee:
    def test_the_workflow_moves_only_along_its_transitions(
        self, django_capture_on_commit_callbacks
    ):
        call = make_call()
        member = make_user("juree")
        proposal = make_proposal(call, make_user("autrice"))
        with pytest.raises(proposals.ProposalError):
            proposals.change_status(proposal, ProposalStatus.ACCEPTED, member)
        with django_capture_on_commit_callbacks(execute=True):
            proposals.change_status(proposal, ProposalStatus.REVIEWING, member)
            proposals.change_status(proposal, ProposalStatus.ACCEPTED, member)
        assert proposal.status == ProposalStatus.ACCEPTED
        assert proposal.decided_at is not None
        assert [c.to_status for c in proposal.status_changes.all()] == [
            "reviewing",
            "accepted",
        ]
        assert "est retenue" in mail.outbox[-1].subject
        assert mail.outbox[-1].to == [proposal.author.email]

    def test_decision_mails_are_plain_text_sent_after_commit(
        self, django_capture_on_commit_callbacks
    ):
        call = make_call()
        proposal = make_proposal(call, make_user("autrice"))
        Proposal.objects.filter(pk=proposal.pk).update(title="L'innovation & nous")
        proposal.refresh_from_db()
        juror = make_user("jure")
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            proposals.change_status(proposal, ProposalStatus.REVIEWING, juror)
            proposals.change_status(proposal, ProposalStatus.ACCEPTED, juror)
        assert mail.outbox == []  # nothing before the commit
        # The notification, once committed, queues its mail after its own commit.
        with django_capture_on_commit_callbacks(execute=True):
            for callback in callbacks:
                callback()
        (message,) = mail.outbox
        assert message.subject.endswith("« L'innovation & nous » est retenue")
        assert "« L'innovation & nous »" in message.body
        assert "&amp;" not in message.subject + message.body
        assert "&#x27;" not in message.subject + message.body

    def test_comments_are_for_the_committee_only(self, client):
        call = make_call()
        juror, author = make_user("jure"), make_user("autrice")
        make_committee(call, juror)
        proposal = make_proposal(call, author)
        client.force_login(juror)
        client.post(
            proposal.review_url(), {"action": "comment", "body": "Avis très réservé."}
        )
        assert ProposalComment.objects.filter(proposal=proposal).count() == 1
        client.force_login(author)
        assert (
            "Avis très réservé"
            not in client.get(proposal.get_absolute_url()).content.decode()
        )
        assert client.get(proposal.review_url()).status_code == 403
        assert "Avis très réservé" not in client.get(call.url).content.decode()

    @pytest.mark.parametrize(
        "who, expected",
        [("anonymous", 302), ("member", 403), ("editor", 403), ("committee", 200)],
    )
    def test_committee_pages_both_ways(self, client, who, expected):
        call = make_call()
        juror = make_user("jure")
        make_committee(call, juror)
        proposal = make_proposal(call, make_user("autrice"))
        users = {
            "member": make_user("membre"),
            "editor": make_editor(),
            "committee": juror,
        }
        if who in users:
            client.force_login(users[who])
        for url in (call.route_url("committee"), call.route_url("committee_csv")):
            assert client.get(url).status_code == expected
        # Someone else's proposal is not even known to exist: 404, not 403.
        review = {403: 404}.get(expected, expected)
        assert client.get(proposal.review_url()).status_code == review

    def test_drafts_stay_private_to_their_author(self, client):
        call = make_call()
        juror = make_user("jure")
        make_committee(call, juror)
        draft = make_proposal(call, make_user("autrice"), status="draft")
        client.force_login(juror)
        assert client.get(draft.review_url()).status_code == 404
        assert (
            "Proposition de test"
            not in client.get(call.route_url("committee")).content.decode()
        )

    def test_csv_export_is_safe_from_formula_injection(self, client):
        call = make_call()
        juror = make_user("jure")
        make_committee(call, juror)
        proposal = make_proposal(call, make_user("autrice"))
        proposal.title = '=HYPERLINK("http://example.com","clic")'
        proposal.description = "+33 1 23 45 67 89\n" + lines(11)
        proposal.save()
        speaker = proposal.speakers.get(position=1)
        speaker.name = "@SUM(A1)"
        speaker.save()
        client.force_login(juror)
        response = client.get(call.route_url("committee_csv"))
        assert response["Content-Type"].startswith("text/csv")
        rows = list(
            csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
        )
        header, row = rows[0], rows[1]
        assert row[header.index("Titre")] == '\'=HYPERLINK("http://example.com","clic")'
        assert row[header.index("Intervenant 1")] == "'@SUM(A1)"
        assert row[header.index("Description")].startswith("'+33")
        assert row[header.index("Genre 1")] == "Femme"

    def test_the_demo_call_has_its_three_tracks_and_proposals(self):
        call = CallForContributionsPage.objects.get(
            slug="ets-2013-appel-a-contributions"
        )
        assert [track for track, _ in call.tracks()] == [
            "Innover dans nos organisations",
            "Innover dans notre pilotage",
            "Innover dans nos territoires",
        ]
        assert call.rencontres.count() == 10
        assert not call.is_open
        for proposal in call.proposals.all():
            assert sorted(s.gender for s in proposal.speakers.all()) == [
                "femme",
                "homme",
            ]
            assert 10 <= count_lines(proposal.description) <= 30

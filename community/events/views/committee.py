"""The selection committee's pages: the proposals of a call, one proposal
with the committee's comments and decision, and the CSV export."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from community.members import policy
from home.csv import csv_response
from home.pagination import paginate

from .. import proposals as rules
from ..choices import ProposalStatus
from ..forms import CommentForm, CommitteeFilterForm, StatusForm
from ..models import Proposal


def _committee_only(request, call):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    policy.ensure(request.user, call, "moderate")
    return None


def committee_list(request, call):
    refused = _committee_only(request, call)
    if refused:
        return refused
    submitted = call.proposals.submitted()
    form = CommitteeFilterForm(request.GET)
    proposals = (
        form.filter(submitted)
        .select_related("rencontre", "author")
        .prefetch_related("speakers")
        .annotate(comment_count=Count("comments"))
        .order_by("submitted_at", "pk")
    )
    counts = dict(
        submitted.values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return call.render(
        request,
        template="events/committee_list.html",
        context_overrides={
            "filter_form": form,
            "proposals": paginate(request, proposals, 30),
            "status_counts": [
                (label, counts.get(value, 0))
                for value, label in ProposalStatus.choices
                if value != ProposalStatus.DRAFT
            ],
            "query_string": form.query_string(),
        },
    )


def committee_csv(request, call):
    refused = _committee_only(request, call)
    if refused:
        return refused
    proposals = (
        call.proposals.submitted()
        .select_related("rencontre")
        .prefetch_related("speakers", "comments__author")
        .order_by("submitted_at", "pk")
    )
    stamp = timezone.localdate().isoformat()
    return csv_response(
        f"propositions-{call.slug}-{stamp}.csv",
        rules.CSV_HEADER,
        rules.csv_rows(proposals),
    )


def review(request, call, proposal_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    proposal = get_object_or_404(
        Proposal.objects.select_related("rencontre", "author", "call"),
        pk=proposal_id,
        call=call,
    )
    policy.ensure(request.user, proposal, "moderate")
    comment_form = CommentForm()
    status_form = StatusForm(proposal=proposal)
    if request.method == "POST":
        if request.POST.get("action") == "comment":
            comment_form = CommentForm(request.POST)
            if comment_form.is_valid():
                comment = comment_form.save(commit=False)
                comment.proposal = proposal
                comment.author = request.user
                comment.save()
                messages.success(request, _("Commentaire ajouté."))
                return redirect(proposal.review_url())
        elif request.POST.get("action") == "status":
            status_form = StatusForm(request.POST, proposal=proposal)
            if status_form.is_valid():
                try:
                    rules.change_status(
                        proposal, status_form.cleaned_data["status"], request.user
                    )
                except rules.ProposalError as error:
                    messages.error(request, str(error))
                else:
                    messages.success(
                        request,
                        _("La proposition est maintenant « %(status)s ».")
                        % {"status": proposal.get_status_display()},
                    )
                return redirect(proposal.review_url())
    return call.render(
        request,
        template="events/review.html",
        context_overrides={
            "proposal": proposal,
            "speakers": proposal.speakers.all(),
            "comments": proposal.comments.select_related("author"),
            "history": proposal.status_changes.select_related("changed_by"),
            "comment_form": comment_form,
            "status_form": status_form,
        },
    )

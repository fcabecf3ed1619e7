"""The evaluation form, its results (organisers) and a défi's booklet."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from community.challenges.models import ChallengePage
from community.events.models import EditionPage
from community.members import policy
from home.csv import csv_response

from . import booklet, results
from .evaluations import (
    EvaluationRefused,
    pending_for,
    refusal,
    subject_for,
    submit,
)
from .forms import AnswerForm
from .models import EvaluationForm
from .tasks import build_booklet


def evaluate(request, scope, pk):
    """Answer one evaluation: only a participant, once, after the subject."""
    subject = subject_for(scope, pk)
    if subject is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    policy.ensure(request.user, subject.obj, "view")
    questionnaire = EvaluationForm.for_edition(subject.edition)
    reason = refusal(request.user, subject, questionnaire)
    form = AnswerForm(request.POST or None, questionnaire=questionnaire)
    if request.method == "POST" and reason is None and form.is_valid():
        try:
            submit(request.user, subject, **form.cleaned_data)
        except EvaluationRefused as refused:
            reason = str(refused)
        else:
            messages.success(
                request,
                _(
                    "Merci ! Votre réponse anonyme à l'évaluation de %(subject)s est "
                    "enregistrée."
                )
                % {"subject": subject.title},
            )
            return redirect("capitalisation:evaluations")
    return render(
        request,
        "capitalisation/evaluation_form.html",
        {
            "subject": subject,
            "questionnaire": questionnaire,
            "form": form,
            "refusal": reason,
        },
        status=403 if reason and request.method == "POST" else 200,
    )


def my_evaluations(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    receipts = request.user.evaluation_receipts.order_by("-answered_on", "pk")
    return render(
        request,
        "capitalisation/my_evaluations.html",
        {"pending": pending_for(request.user), "receipts": receipts},
    )


def _organiser_edition(request, pk):
    """The édition whose results ``request.user`` organises (may edit)."""
    edition = get_object_or_404(EditionPage, pk=pk)
    if not request.user.is_authenticated:
        if not policy.may_know(request.user, edition):
            raise Http404
        raise PermissionDenied
    return policy.ensure(request.user, edition, "edit")


def edition_results(request, pk):
    """The édition's results, as charts with their tables (organisers only)."""
    edition = _organiser_edition(request, pk)
    form = EvaluationForm.for_edition(edition)
    return render(
        request,
        "capitalisation/results.html",
        {"edition": edition, "questionnaire": form, **results.edition_results(form)},
    )


def edition_results_csv(request, pk):
    edition = _organiser_edition(request, pk)
    form = EvaluationForm.for_edition(edition)
    return csv_response(
        f"evaluations-{slugify(edition.title)}.csv",
        results.CSV_HEADER,
        results.csv_rows(form),
    )


def _challenge(request, pk):
    challenge = get_object_or_404(ChallengePage, pk=pk)
    return policy.ensure(request.user, challenge, "view").specific


def booklet_page(request, pk):
    """The booklet in HTML: what is public, the same for everyone."""
    challenge = _challenge(request, pk)
    public = booklet.is_public(challenge)
    context = booklet.booklet_context(challenge) if public else {}
    return render(
        request,
        "capitalisation/booklet.html",
        {
            **context,
            "challenge": challenge,
            "public": public,
            "message": None
            if public
            else _(
                "Ce défi n'est pas public : son livret de capitalisation, qui ne "
                "rassemble que ce qui est public, ne peut pas être édité."
            ),
        },
    )


def booklet_pdf(request, pk):
    """The booklet's PDF, made by the tasks worker when its content changed."""
    challenge = _challenge(request, pk)
    if not booklet.is_public(challenge):
        return redirect("capitalisation:booklet", pk)
    stored = booklet.current_booklet(challenge)
    if stored is None:
        build_booklet.enqueue(challenge.pk)
        # The immediate back end (tests, ``make run``) has made it by now.
        stored = booklet.current_booklet(challenge)
    if stored is None:
        return render(
            request,
            "capitalisation/booklet_pending.html",
            {"challenge": challenge},
            status=202,
        )
    response = HttpResponse(bytes(stored.pdf), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="{booklet.filename(challenge)}"'
    )
    return response

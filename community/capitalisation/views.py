"""The evaluation form, its results (organisers), a défi's booklet and the
choice of its highlights, the Trello import into a défi's étapes, and an
édition's bilan in PDF (the bilan page's ``pdf/`` route forwards here)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.challenges.models import ChallengePage
from community.events.choices import ChallengeStep
from community.events.models import EditionPage
from community.members import policy
from home.csv import csv_response
from home.trello_import import IGNORE, ImportFlow

from . import bilan, booklet, results, trello_steps
from .evaluations import (
    EvaluationRefused,
    pending_for,
    refusal,
    subject_for,
    submit,
)
from .forms import AnswerForm
from .models import EvaluationForm, Highlight
from .tasks import build_bilan, build_booklet


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
            "may_choose": public
            and request.user.is_authenticated
            and policy.can_moderate(request.user, challenge),
            "message": None
            if public
            else _(
                "Ce défi n'est pas public : son livret de capitalisation, qui ne "
                "rassemble que ce qui est public, ne peut pas être édité."
            ),
        },
    )


def booklet_highlights(request, pk):
    """The défi's porteurs (who moderate it) choose, among the public messages
    of its public threads, the highlights of its booklet; and undo."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    challenge = policy.ensure(
        request.user, get_object_or_404(ChallengePage, pk=pk), "moderate"
    ).specific
    if not booklet.is_public(challenge):
        return redirect("capitalisation:booklet", pk)
    threads = booklet.booklet_threads(challenge)
    if request.method == "POST":
        comment = (
            booklet.public_comments(threads)
            .filter(pk=request.POST.get("comment") or 0)
            .first()
        )
        if comment is None:
            raise Http404
        if request.POST.get("action") == "remove":
            Highlight.objects.filter(challenge=challenge, comment=comment).delete()
            messages.success(request, _("Ce message n'est plus un temps fort."))
        else:
            Highlight.objects.get_or_create(challenge=challenge, comment=comment)
            messages.success(
                request, _("Ce message figure parmi les temps forts du livret.")
            )
        return redirect(f"{request.path}#message-{comment.pk}")
    chosen = set(
        Highlight.objects.filter(challenge=challenge).values_list(
            "comment_id", flat=True
        )
    )
    comments = booklet.public_comments(threads).select_related("user")
    by_thread = {}
    for comment in comments.order_by("submit_date"):
        comment.chosen = comment.pk in chosen
        by_thread.setdefault(comment.discussion_id, []).append(comment)
    for thread in threads:
        thread.public_comments = by_thread.get(thread.pk, [])
    return render(
        request,
        "capitalisation/booklet_highlights.html",
        {"challenge": challenge, "threads": threads},
    )


def steps_trello_import(request, pk):
    """A Trello board into the défi's étapes, for those who fill them."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    challenge = policy.ensure(
        request.user, get_object_or_404(ChallengePage, pk=pk), "contribute"
    ).specific
    return ImportFlow(
        session_key="capitalisation_trello_steps",
        scope=f"defi:{challenge.pk}",
        template="capitalisation/trello_steps.html",
        choices=[(IGNORE, gettext_lazy("Laisser de côté")), *ChallengeStep.choices],
        default_mapping=trello_steps.default_mapping,
        build_plan=lambda board, mapping: trello_steps.build_plan(
            board, challenge, mapping
        ),
        apply_plan=lambda rows: trello_steps.apply_plan(rows, challenge, request.user),
        done_url=challenge.url,
        done_message=_(
            "Tableau importé dans les étapes : %(create)s carte(s) ajoutée(s), "
            "%(update)s mise(s) à jour, %(skip)s laissée(s) de côté."
        ),
        refused_message=_("Choisissez, pour chaque liste, l'une des étapes proposées."),
        context={
            "challenge": challenge,
            "cancel_url": challenge.url,
            "restart_url": reverse("capitalisation:steps_trello", args=[challenge.pk]),
        },
    ).respond(request)


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


def bilan_pdf(request, page):
    """An édition's bilan in PDF: Wagtail serves the page's route only where
    the page is online and open to ``request.user``; its PDF, the same for
    everyone, only where it is open to everyone."""
    if not bilan.is_public(page):
        return redirect(page.url)
    stored = bilan.current_pdf(page)
    if stored is None:
        build_bilan.enqueue(page.pk)
        stored = bilan.current_pdf(page)
    if stored is None:
        return render(
            request,
            "capitalisation/bilan/pending.html",
            {"page": page},
            status=202,
        )
    response = HttpResponse(bytes(stored.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{bilan.filename(page)}"'
    return response

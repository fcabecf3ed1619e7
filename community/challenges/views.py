"""What the défi's people do from its page: fill in the étapes and the
exposition, move its status, post follow-up news. Served by ChallengePage's
routes; every permission question goes to the policy."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from community.members import policy
from community.notifications import notify

from . import lifecycle
from .forms import ExpositionForm, NewsForm, StatusChangeForm, StepsForm
from .models import ChallengeExposition, ChallengeStepSummary
from .notifications import NEWS


def _login_first(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def progress(request, challenge):
    refused = _login_first(request)
    if refused:
        return refused
    policy.ensure(request.user, challenge, "contribute")
    summaries = dict(challenge.step_summaries.values_list("step", "summary"))
    exposition = ChallengeExposition.objects.filter(challenge=challenge).first()
    exposition = exposition or ChallengeExposition(challenge=challenge)
    if request.method == "POST":
        steps_form = StepsForm(request.POST, summaries=summaries)
        exposition_form = ExpositionForm(request.POST, instance=exposition)
        if steps_form.is_valid() and exposition_form.is_valid():
            with transaction.atomic():
                for step, text in steps_form.summaries().items():
                    if text == summaries.get(step, ""):
                        continue
                    ChallengeStepSummary.objects.update_or_create(
                        challenge=challenge,
                        step=step,
                        defaults={"summary": text, "updated_by": request.user},
                    )
                if exposition_form.has_changed():
                    exposition = exposition_form.save(commit=False)
                    exposition.updated_by = request.user
                    exposition.save()
            messages.success(request, _("L'avancement du défi est enregistré."))
            return redirect(challenge.url)
    else:
        steps_form = StepsForm(summaries=summaries)
        exposition_form = ExpositionForm(instance=exposition)
    return challenge.render(
        request,
        template="challenges/challenge_progress.html",
        context_overrides={
            "steps_form": steps_form,
            "exposition_form": exposition_form,
        },
    )


def change_status(request, challenge):
    refused = _login_first(request)
    if refused:
        return refused
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    policy.ensure(request.user, challenge, "moderate")
    form = StatusChangeForm(request.POST, challenge=challenge)
    if not form.is_valid():
        messages.error(
            request,
            _(
                "Statut inchangé : choisissez l'un des statuts proposés et une date valide."
            ),
        )
        return redirect(challenge.url)
    try:
        lifecycle.transition(
            challenge,
            form.cleaned_data["status"],
            by=request.user,
            date=form.cleaned_data["date"],
            note=form.cleaned_data["note"],
        )
    except lifecycle.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Le défi est maintenant « %(status)s ».")
            % {"status": challenge.get_status_display()},
        )
    return redirect(challenge.url)


def add_news(request, challenge):
    refused = _login_first(request)
    if refused:
        return refused
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    policy.ensure(request.user, challenge, "contribute")
    form = NewsForm(request.POST)
    if form.is_valid():
        news = form.save(commit=False)
        news.challenge = challenge
        news.author = request.user
        news.save()
        notify(NEWS, request.user, challenge, context={"news": news})
        messages.success(request, _("La nouvelle est publiée sur la page du défi."))
    else:
        messages.error(
            request,
            _("Nouvelle non publiée : un titre et un texte sont requis (date valide)."),
        )
    return redirect(challenge.url)

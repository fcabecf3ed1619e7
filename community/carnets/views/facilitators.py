"""The carnet du facilitateur of a défi: its seven parts (étapes 1–6 and the
exposition), each saved on its own with the same no-lost-edit rule as
entries, and its sharing."""

from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from community.challenges.models import ChallengePage
from community.members import policy
from resources.models import MethodPage

from ..choices import WorkshopStep
from ..editing import reindex
from ..forms import FacilitatorSharingForm, FacilitatorStepForm
from ..models import FacilitatorCarnet, FacilitatorStep
from ..text import render_markdown


def _carnet(request, challenge_id, action="view"):
    challenge = get_object_or_404(
        ChallengePage.objects.live().specific(), pk=challenge_id
    )
    carnet = FacilitatorCarnet.objects.filter(
        challenge=challenge
    ).first() or FacilitatorCarnet(challenge=challenge)
    policy.ensure(request.user, carnet, action)
    if carnet.pk is None:
        carnet = carnet_for_challenge(challenge)
    carnet.challenge = challenge
    return carnet


def carnet_for_challenge(challenge):
    carnet, created = FacilitatorCarnet.objects.get_or_create(challenge=challenge)
    if created or carnet.steps.count() < len(WorkshopStep):
        existing = set(carnet.steps.values_list("step", flat=True))
        FacilitatorStep.objects.bulk_create(
            FacilitatorStep(carnet=carnet, step=step)
            for step in WorkshopStep.values
            if step not in existing
        )
    return carnet


def _methods():
    return MethodPage.objects.live().public().order_by("title")


def facilitator_carnet(request, challenge):
    carnet = _carnet(request, challenge)
    can_edit = policy.can_edit(request.user, carnet)
    steps = list(carnet.steps.prefetch_related("methods").select_related("updated_by"))
    methods = _methods() if can_edit else None
    conflict = None
    status = 200
    if request.method == "POST":
        if not can_edit:
            policy.ensure(request.user, carnet, "edit")
        step = next((s for s in steps if str(s.step) == request.POST.get("step")), None)
        if step is None:
            messages.error(request, _("Cette étape n'existe pas dans le carnet."))
            return redirect(carnet.get_absolute_url())
        form = FacilitatorStepForm(
            request.POST, instance=step, methods=methods, prefix=f"etape-{step.step}"
        )
        if form.is_valid():
            base = form.cleaned_data.get("base_version")
            saved = _save_step(step, form, base, request.user)
            if saved:
                messages.success(
                    request,
                    _("« %(step)s » est enregistrée.")
                    % {"step": step.get_step_display()},
                )
                return redirect(f"{carnet.get_absolute_url()}#etape-{step.step}")
            conflict = FacilitatorStep.objects.select_related("updated_by").get(
                pk=step.pk
            )
            form.data = form.data.copy()
            form.data[f"etape-{step.step}-base_version"] = conflict.version
        status = 409 if conflict else 400
        forms = {step.step: form}
    else:
        forms = {}
    public_methods = set(_methods().values_list("pk", flat=True))
    for step in steps:
        for name in FacilitatorStep.TEXT_FIELDS:
            setattr(step, f"{name}_html", render_markdown(getattr(step, name)))
        step.visible_methods = [m for m in step.methods.all() if m.pk in public_methods]
        if can_edit and step.step not in forms:
            forms[step.step] = FacilitatorStepForm(
                instance=step,
                methods=methods,
                prefix=f"etape-{step.step}",
                initial={"base_version": step.version},
            )
        step.form = forms.get(step.step)
    return render(
        request,
        "carnets/facilitator_carnet.html",
        {
            "carnet": carnet,
            "challenge": carnet.challenge,
            "steps": steps,
            "can_edit": can_edit,
            "conflict": conflict,
            "sharing_form": FacilitatorSharingForm(
                initial={"visibility": carnet.visibility}
            )
            if can_edit
            else None,
        },
        status=status,
    )


def _save_step(step, form, base_version, user):
    """Save if nobody saved this étape since ``base_version``; else False."""
    data = {name: form.cleaned_data[name] for name in FacilitatorStep.TEXT_FIELDS}
    with transaction.atomic():
        updated = FacilitatorStep.objects.filter(
            pk=step.pk, version=base_version
        ).update(
            **data, version=F("version") + 1, updated_at=timezone.now(), updated_by=user
        )
        if not updated:
            return False
        step.methods.set(form.cleaned_data["methods"])
    reindex(step.carnet)
    return True


def facilitator_sharing(request, challenge):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    carnet = _carnet(request, challenge, "edit")
    form = FacilitatorSharingForm(request.POST)
    if form.is_valid():
        carnet.visibility = form.cleaned_data["visibility"]
        carnet.save(update_fields=["visibility", "updated_at"])
        messages.success(
            request,
            _("Partage du carnet : %(level)s.")
            % {"level": carnet.get_visibility_display()},
        )
    else:
        messages.error(request, _("Partage inchangé : choisissez un niveau proposé."))
    return redirect(carnet.get_absolute_url())

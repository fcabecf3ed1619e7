"""A call's page, and members' proposals to it: drafts, sending, reading back."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from community.members import policy

from .. import proposals as rules
from ..forms import ProposalForm, SpeakerFormSet
from ..models import Proposal


def call_page(request, call):
    mine = []
    if request.user.is_authenticated:
        mine = list(call.proposals.filter(author=request.user).order_by("-updated_at"))
    return call.render(
        request,
        context_overrides={
            "tracks": call.tracks(),
            "my_proposals": mine,
            "can_propose": policy.can_contribute(request.user, call),
            "on_committee": policy.can_moderate(request.user, call),
            "closed_message": rules.deadline_error(call),
        },
    )


def proposal_form(request, call, proposal_id=None):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if proposal_id is None:
        policy.ensure(request.user, call, "view")
        proposal = Proposal(call=call, author=request.user)
    else:
        proposal = get_object_or_404(
            Proposal.objects.select_related("call", "rencontre", "author"),
            pk=proposal_id,
            call=call,
        )
        policy.ensure(request.user, proposal, "view")
        if not policy.can_edit(request.user, proposal):
            return _read_only(request, call, proposal)

    submitting = request.POST.get("action") == "submit"
    if request.method == "POST":
        form = ProposalForm(
            request.POST, instance=proposal, call=call, submitting=submitting
        )
        speakers = SpeakerFormSet(
            request.POST, instance=proposal, submitting=submitting, prefix="speakers"
        )
        if form.is_valid() and speakers.is_valid():
            was_new = proposal.pk is None
            try:
                with transaction.atomic():
                    proposal = form.save()
                    speakers.instance = proposal
                    speakers.save()
                    if submitting:
                        rules.submit(proposal, request.user)
            except rules.ProposalError as error:
                # Rolled back: nothing was saved, not even a draft.
                form.add_error(None, str(error))
                if was_new:
                    proposal.pk = None
                    speakers.instance = proposal
            else:
                if submitting:
                    messages.success(
                        request,
                        _(
                            "Votre proposition est envoyée au comité de sélection. "
                            "Un courriel vous le confirme."
                        ),
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "Brouillon enregistré. Vous pourrez le compléter et "
                            "l'envoyer jusqu'à la date limite."
                        ),
                    )
                return redirect(proposal.get_absolute_url())
    else:
        form = ProposalForm(instance=proposal, call=call)
        speakers = SpeakerFormSet(instance=proposal, prefix="speakers")
    return call.render(
        request,
        template="events/proposal_form.html",
        context_overrides={
            "form": form,
            "speakers": speakers,
            "proposal": proposal,
            "closed_message": rules.deadline_error(call),
        },
    )


def _read_only(request, call, proposal):
    return call.render(
        request,
        template="events/proposal.html",
        context_overrides={"proposal": proposal, "speakers": proposal.speakers.all()},
    )

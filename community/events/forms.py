"""Forms of the events app: sessions in the admin (times in the site's zone),
proposals with their two speakers, the committee's comments and decisions."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from home.filters import FilterForm, with_any

from .choices import PROPOSAL_TRANSITIONS, ProposalKind, ProposalStatus
from .lines import normalise_newlines
from .models import Proposal, ProposalComment, ProposalSpeaker
from .proposals import (
    LINES_MESSAGE,
    PARITY_MESSAGE,
    deadline_error,
    lines_error,
    parity_error,
)

# --- Sessions (Wagtail admin) -------------------------------------------------


class SessionAdminForm(WagtailAdminModelForm):
    """Start and end are typed and shown in the *site's* local time: an
    organiser in La Réunion types 9:00 for 9:00 in Saint-Denis."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk and instance.venue_id:
            tz = instance.venue.tzinfo
            for name in ("start", "end"):
                value = getattr(instance, name)
                if value is not None:
                    self.initial[name] = timezone.localtime(value, tz).replace(
                        tzinfo=None
                    )

    def clean(self):
        cleaned = super().clean()
        venue = cleaned.get("venue")
        if venue is not None:
            current = timezone.get_current_timezone()
            for name in ("start", "end"):
                value = cleaned.get(name)
                if value is not None:
                    # The field read the digits in the admin's zone; re-read them
                    # in the site's zone.
                    naive = timezone.localtime(value, current).replace(tzinfo=None)
                    cleaned[name] = timezone.make_aware(naive, venue.tzinfo)
                    setattr(self.instance, name, cleaned[name])
        return cleaned


# --- Proposals --------------------------------------------------------------

WORKSHOP_FIELDS = ("rencontre", "context", "actors", "innovation", "debate_topics")


class ProposalForm(forms.ModelForm):
    """A proposal; ``submitting`` turns on the rules of a complete proposal
    (a draft may be incomplete but never breaks a length limit)."""

    class Meta:
        model = Proposal
        fields = [
            "kind",
            "title",
            "organisation",
            "rencontre",
            "context",
            "actors",
            "innovation",
            "debate_topics",
            "description",
            "bibliography",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "context": forms.Textarea(attrs={"rows": 4}),
            "actors": forms.Textarea(attrs={"rows": 3}),
            "innovation": forms.Textarea(attrs={"rows": 3}),
            "debate_topics": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 16}),
            "bibliography": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, call, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.submitting = submitting
        self.fields["rencontre"].queryset = call.rencontres.all()
        self.fields["rencontre"].label_from_instance = lambda r: (
            f"{r.track} — {r.title}"
        )
        self.fields["rencontre"].help_text = _(
            "Pour une intervention dans un atelier : la rencontre visée."
        )
        self.fields["description"].help_text = _(
            "De %(min)s à %(max)s lignes : un texte attractif, dynamique et clair. "
            "Une ligne est une ligne non vide : allez à la ligne entre vos idées ; "
            "les lignes vides ne comptent pas."
        ) % {"min": call.min_lines, "max": call.max_lines}
        description = self.fields["description"].widget.attrs
        description["data-line-counter"] = ""
        description["data-min-lines"] = call.min_lines
        description["data-max-lines"] = call.max_lines
        description["data-lines-message"] = LINES_MESSAGE
        if submitting:
            self.fields["description"].required = True

    def clean_description(self):
        return normalise_newlines(self.cleaned_data.get("description", "")).strip("\n")

    def clean(self):
        cleaned = super().clean()
        problem = deadline_error(self.call)
        if problem:
            raise forms.ValidationError(problem)
        if not self.submitting:
            return cleaned
        if "description" in cleaned:
            problem = lines_error(cleaned["description"], self.call)
            if problem:
                self.add_error("description", problem)
        if cleaned.get("kind") == ProposalKind.WORKSHOP:
            for name in WORKSHOP_FIELDS:
                if not cleaned.get(name):
                    self.add_error(
                        name,
                        _("Requis pour une intervention dans un atelier."),
                    )
        return cleaned


SPEAKER_FIELDS = [
    "name",
    "gender",
    "function",
    "organisation",
    "address",
    "phone",
    "mobile",
    "email",
]
SPEAKER_REQUIRED = ("name", "gender", "function", "organisation", "email")


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = ProposalSpeaker
        fields = SPEAKER_FIELDS
        widgets = {
            "gender": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gender"].choices = self.fields["gender"].choices[1:]
        # For the browser's check before sending (static/events/js/proposal_form.js).
        self.fields["gender"].widget.attrs["data-parity-message"] = PARITY_MESSAGE
        if submitting:
            for name in SPEAKER_REQUIRED:
                self.fields[name].required = True


class BaseSpeakerFormSet(forms.BaseInlineFormSet):
    """Exactly two speakers, one woman and one man, when the proposal is sent."""

    default_error_messages = {
        **forms.BaseInlineFormSet.default_error_messages,
        "too_many_forms": _(
            "Une proposition compte exactement deux intervenants : une femme et un "
            "homme. Retirez le troisième."
        ),
        "too_few_forms": _(
            "Une proposition compte exactement deux intervenants : une femme et un homme."
        ),
    }

    def __init__(self, *args, submitting=False, **kwargs):
        self.submitting = submitting
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["submitting"] = self.submitting
        return kwargs

    def clean(self):
        super().clean()
        if any(self.errors) or not self.submitting:
            return
        genders = [
            form.cleaned_data.get("gender")
            for form in self.forms
            if form.cleaned_data.get("gender")
        ]
        problem = parity_error(genders)
        if problem:
            raise forms.ValidationError(problem)

    def save(self, commit=True):
        speakers = super().save(commit=False)
        for position, form in enumerate(self.forms, start=1):
            form.instance.position = position
        if commit:
            for speaker in speakers:
                speaker.save()
        return speakers


SpeakerFormSet = inlineformset_factory(
    Proposal,
    ProposalSpeaker,
    form=SpeakerForm,
    formset=BaseSpeakerFormSet,
    extra=0,
    min_num=2,
    max_num=2,
    validate_min=True,
    validate_max=True,
    can_delete=False,
)


# --- The committee -----------------------------------------------------------


class CommentForm(forms.ModelForm):
    class Meta:
        model = ProposalComment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        labels = {"body": _("Votre commentaire (visible du comité seulement)")}


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouvel état"), choices=ProposalStatus.choices)

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = PROPOSAL_TRANSITIONS.get(proposal.status, set())
        self.fields["status"].choices = [
            (value, label)
            for value, label in ProposalStatus.choices
            if value in allowed and value != ProposalStatus.RECEIVED
        ]


class CommitteeFilterForm(FilterForm):
    """The committee's GET filters; invalid values are ignored."""

    status = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=with_any(
            [c for c in ProposalStatus.choices if c[0] != ProposalStatus.DRAFT],
            _("Tous"),
        ),
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=with_any(ProposalKind.choices, _("Tous")),
    )

    lookups = {"status": "status", "kind": "kind"}

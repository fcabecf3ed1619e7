"""Forms of the défis app: the index's GET filters, and the forms the défi's
people use to make it progress."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.events.choices import ChallengeStep
from community.events.models import EditionPage, Venue
from community.members import policy
from home.filters import FilterForm, with_any
from home.models import Theme
from home.territories import territory_label

from .choices import ChallengeStatus, CollectivityKind
from .lifecycle import allowed_next
from .models import ChallengeExposition, ChallengeNews


class ChallengeFilterForm(FilterForm):
    """Plain GET filters, combinable in the URL
    (``?theme=…&site=…&edition=…&status=…&kind=…``); invalid values are ignored.

    Choices are read once each (one query per list, none again to validate);
    éditions are those of the listed défis, so no filter leads nowhere.
    """

    theme = forms.ChoiceField(label=_("Thème"), required=False)
    site = forms.ChoiceField(label=_("Site"), required=False)
    edition = forms.ChoiceField(label=_("Édition"), required=False)
    status = forms.ChoiceField(
        label=_("Statut"),
        choices=with_any(ChallengeStatus.choices, _("Tous")),
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Collectivité"),
        choices=with_any(CollectivityKind.choices),
        required=False,
    )

    lookups = {
        "theme": "themes__slug",
        "site": "venue__territory",
        "edition": "edition__slug",
        "status": "status",
        "kind": "collectivity_kind",
    }

    def __init__(self, *args, challenges, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = with_any(
            Theme.objects.values_list("slug", "name"), _("Tous")
        )
        # The same values and names as the search's « Site » facet.
        territories = dict.fromkeys(
            Venue.objects.order_by("sort_order").values_list("territory", flat=True)
        )
        self.fields["site"].choices = with_any(
            [(value, territory_label(value)) for value in territories], _("Tous")
        )
        # Only the éditions the reader may view (one restricted to logged-in
        # members is not named to visitors).
        editions = (
            policy.visible_to(EditionPage.objects.all(), user)
            .filter(pk__in=challenges.values("edition"))
            .order_by("-year", "title")
            .values_list("slug", "year", "title")
        )
        self.fields["edition"].choices = with_any(
            [(slug, f"{year} — {title}") for slug, year, title in editions]
        )


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouveau statut"))
    date = forms.DateField(
        label=_("Depuis le"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Aujourd'hui si vous laissez vide."),
        required=False,
    )
    note = forms.CharField(label=_("Précision"), max_length=300, required=False)

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s.value, s.label) for s in allowed_next(challenge.status)
        ]


class StepsForm(forms.Form):
    """The six étapes' summaries, the team fills them in as they go."""

    def __init__(self, *args, summaries=None, **kwargs):
        super().__init__(*args, **kwargs)
        summaries = summaries or {}
        for step in ChallengeStep:
            self.fields[f"step_{step.value}"] = forms.CharField(
                label=step.label,
                required=False,
                max_length=1500,
                initial=summaries.get(step.value, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def summaries(self):
        return {
            step.value: self.cleaned_data.get(f"step_{step.value}", "")
            for step in ChallengeStep
        }


class ExpositionForm(forms.ModelForm):
    class Meta:
        model = ChallengeExposition
        fields = ["prototype", "feedback", "next_actions"]
        widgets = {
            "prototype": forms.Textarea(attrs={"rows": 3}),
            "feedback": forms.Textarea(attrs={"rows": 4}),
            "next_actions": forms.Textarea(attrs={"rows": 4}),
        }


class NewsForm(forms.ModelForm):
    class Meta:
        model = ChallengeNews
        fields = ["date", "title", "body"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "body": forms.Textarea(attrs={"rows": 5}),
        }

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import SATISFACTION_LABELS, ComeBack


class AnswerForm(forms.Form):
    """The four questions, worded by the édition's questionnaire."""

    satisfaction = forms.TypedChoiceField(
        coerce=int,
        choices=list(SATISFACTION_LABELS.items()),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez une note de 1 à 5."),
            "invalid_choice": _("La satisfaction se note de 1 à 5."),
        },
    )
    learned = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    improve = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    come_back = forms.ChoiceField(
        choices=ComeBack.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Dites si vous reviendriez : oui, peut-être ou non."),
            "invalid_choice": _(
                "Répondez « oui », « peut-être » ou « non » à la dernière question."
            ),
        },
    )

    def __init__(self, *args, questionnaire, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["satisfaction"].label = questionnaire.satisfaction_question
        self.fields["learned"].label = questionnaire.learned_question
        self.fields["improve"].label = questionnaire.improve_question
        self.fields["come_back"].label = questionnaire.come_back_question
        self.fields["learned"].help_text = _("Facultatif, 2 000 caractères au plus.")
        self.fields["improve"].help_text = _("Facultatif, 2 000 caractères au plus.")

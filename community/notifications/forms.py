"""The preferences form: one e-mail frequency per kind, and the timezone.

Unknown values (a tampered form) are refused field by field with a message,
as any invalid choice; nothing is saved then."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Frequency, MemberTimezone
from .registry import event_types


class PreferencesForm(forms.Form):
    timezone = forms.ChoiceField(
        label=_("Fuseau horaire"),
        choices=MemberTimezone.choices,
        help_text=_("Votre résumé quotidien part vers 8 h, heure de ce fuseau."),
    )

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = current or {}
        self.kinds = event_types()
        for kind in self.kinds:
            self.fields[self.field_name(kind)] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=current.get(kind.name, kind.frequency),
                help_text=_("Par défaut : %(default)s.")
                % {"default": Frequency(kind.frequency).label},
            )

    @staticmethod
    def field_name(kind):
        return "kind__" + kind.name.replace(".", "__")

    def kind_fields(self):
        return [self[self.field_name(kind)] for kind in self.kinds]

    def chosen(self):
        """``{event_type: frequency}`` from the cleaned data."""
        return {
            kind.name: self.cleaned_data[self.field_name(kind)] for kind in self.kinds
        }

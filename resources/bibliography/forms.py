"""Forms of the bibliography: the public filters and the admin import."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from home.filters import FilterForm, WordsField

from .choices import ReferenceType

# Checked before anything is read or parsed; a bibliography of a few thousand
# entries is well under this size.
MAX_UPLOAD_SIZE = getattr(settings, "BIBLIOGRAPHY_MAX_UPLOAD_SIZE", 2 * 1024 * 1024)


class ReferenceFilterForm(FilterForm):
    """The filters of the library page. Every field is optional; a value that
    is not valid is ignored (and named) rather than shown as an error. The
    filtering itself is ``filters.ReferenceFilter``'s."""

    q = WordsField(label=_("Rechercher"), required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types"))] + ReferenceType.choices,
    )
    year = forms.TypedChoiceField(
        label=_("Année"), required=False, coerce=int, empty_value=None
    )
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    tag = forms.ChoiceField(label=_("Mot-clé"), required=False)

    def __init__(self, data, *, years, themes, tags):
        super().__init__(data)
        self.fields["year"].choices = [("", _("Toutes les années"))] + [
            (year, year) for year in years
        ]
        self.fields["theme"].choices = [("", _("Tous les thèmes"))] + [
            (theme.slug, theme.name) for theme in themes
        ]
        self.fields["tag"].choices = [("", _("Tous les mots-clés"))] + [
            (tag.slug, tag.name) for tag in tags
        ]


class ImportForm(forms.Form):
    """Upload of a BibTeX or RIS file."""

    file = forms.FileField(
        label=_("Fichier BibTeX (.bib) ou RIS (.ris)"),
        help_text=_(
            "Encodage UTF-8 (Latin-1 accepté), %(size)s au plus. Rien n'est "
            "enregistré avant votre confirmation."
        )
        % {"size": filesizeformat(MAX_UPLOAD_SIZE)},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _(
                    "Le fichier pèse %(size)s : la limite est de %(max)s. Rien n'a "
                    "été importé. Découpez-le en plusieurs fichiers."
                )
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(MAX_UPLOAD_SIZE),
                }
            )
        if upload.size == 0:
            raise forms.ValidationError(
                _("Le fichier est vide : rien n'a été importé.")
            )
        return upload


class ConfirmImportForm(forms.Form):
    """The confirm step: the token names the parsed file kept in the session."""

    token = forms.CharField(widget=forms.HiddenInput)

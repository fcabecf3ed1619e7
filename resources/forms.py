"""Filter forms of the library pages: plain GET forms that work without JavaScript."""

from django import forms
from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.filtering import Words, query_words
from home.models import Theme

from .choices import DocumentType, DurationBand, GroupSize, Language, Licence, Phase

ANY = _("Toutes")


def _with_any(choices, label=ANY):
    return [("", label), *choices]


class FilterForm(forms.Form):
    """A GET filter form; invalid values are ignored rather than refused."""

    def cleaned(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }

    def is_filtered(self):
        return bool(self.cleaned())

    def query_string(self):
        """The active filters, to keep them across pagination links."""
        values = {}
        for name, value in self.cleaned().items():
            values[name] = value.slug if isinstance(value, Theme) else value
        return urlencode(values)


class MethodFilterForm(FilterForm):
    phase = forms.ChoiceField(
        label=_("Phase"), choices=_with_any(Phase.choices), required=False
    )
    duration = forms.ChoiceField(
        label=_("Durée"), choices=_with_any(DurationBand.choices), required=False
    )
    group_size = forms.ChoiceField(
        label=_("Taille du groupe"),
        choices=_with_any(GroupSize.choices),
        required=False,
    )

    def filters(self):
        cleaned = self.cleaned()
        return {name: cleaned.get(name) for name in ("phase", "duration", "group_size")}


class DocumentFilterForm(FilterForm):
    q = forms.CharField(label=_("Mots-clés"), required=False, max_length=200)
    type = forms.ChoiceField(
        label=_("Type"),
        choices=_with_any(DocumentType.choices, _("Tous")),
        required=False,
    )
    licence = forms.ChoiceField(
        label=_("Licence"), choices=_with_any(Licence.choices), required=False
    )
    language = forms.ChoiceField(
        label=_("Langue"), choices=_with_any(Language.choices), required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous"),
        required=False,
    )

    words = Words()

    def apply(self, documents):
        cleaned = self.cleaned()
        if cleaned.get("type"):
            documents = documents.filter(document_type=cleaned["type"])
        if cleaned.get("licence"):
            documents = documents.filter(licence=cleaned["licence"])
        if cleaned.get("language"):
            documents = documents.filter(language=cleaned["language"])
        if cleaned.get("theme"):
            documents = documents.filter(themes=cleaned["theme"])
        # The site-wide search ranks; the library only narrows, on a bounded
        # number of words (each one condition, tags through a subquery: no
        # join multiplies the rows).
        self.words = query_words(cleaned.get("q", ""))
        for word in self.words:
            documents = documents.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(creator__icontains=word)
                | Q(extracted_text__icontains=word)
                | Q(
                    pk__in=documents.model.objects.filter(
                        tags__name__iexact=word
                    ).values("pk")
                )
            )
        return documents

"""Filter forms of the library pages: plain GET forms that work without JavaScript."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.filters import FilterForm, WordsField, with_any
from home.models import Theme

from .choices import DocumentType, DurationBand, GroupSize, Language, Licence, Phase


class MethodFilterForm(FilterForm):
    phase = forms.ChoiceField(
        label=_("Phase"), choices=with_any(Phase.choices), required=False
    )
    duration = forms.ChoiceField(
        label=_("Durée"), choices=with_any(DurationBand.choices), required=False
    )
    group_size = forms.ChoiceField(
        label=_("Taille du groupe"),
        choices=with_any(GroupSize.choices),
        required=False,
    )

    def filter(self, methods):
        from .models.pages import filter_methods

        return filter_methods(methods, **self.active)


class DocumentFilterForm(FilterForm):
    q = WordsField(label=_("Mots-clés"), required=False)
    type = forms.ChoiceField(
        label=_("Type"),
        choices=with_any(DocumentType.choices, _("Tous")),
        required=False,
    )
    licence = forms.ChoiceField(
        label=_("Licence"), choices=with_any(Licence.choices), required=False
    )
    language = forms.ChoiceField(
        label=_("Langue"), choices=with_any(Language.choices), required=False
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Tous"),
        required=False,
    )

    lookups = {
        "type": "document_type",
        "licence": "licence",
        "language": "language",
        "theme": "themes",
    }

    def filter_q(self, documents, words):
        # The site-wide search ranks; the library only narrows, on a bounded
        # number of words (each one condition, tags through a subquery: no
        # join multiplies the rows).
        for word in words:
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

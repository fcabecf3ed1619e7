"""The one GET filter form of listing pages (works without JavaScript).

A listing's filters live in the URL (``?theme=…&site=…``) and combine. A
subclass declares its fields (all optional) and how each narrows the list:
``lookups = {"theme": "themes__slug"}`` for a plain lookup, or a method
``filter_<name>(queryset, value)`` for anything else; then::

    form = ChallengeFilterForm(request.GET)
    challenges = form.filter(challenges)
    context.update(filter_form=form, query_string=form.query_string())

A value that does not validate (a site that does not exist, a year that is
not a number) is never a 500 nor a page of errors: that filter alone is
dropped, the others apply, and ``form.ignored_message`` says in French which
were ignored (shown by ``includes/filter_form.html``, the one template of
these forms).
"""

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

EMPTY_VALUES = (None, "", [], ())
ANY = _("Toutes")


def with_any(choices, label=ANY):
    """``choices`` preceded by the empty choice that means « no filter »."""
    return [("", label), *choices]


class FilterForm(forms.Form):
    """A GET filter form: every field optional, bad values ignored, not refused."""

    #: field name -> queryset lookup, for the filters that are one ``filter()``.
    lookups = {}

    def __init__(self, data=None, *args, **kwargs):
        # No parameter at all is an unbound form: no filter, nothing to check.
        super().__init__(data or None, *args, **kwargs)
        for field in self.fields.values():
            field.required = False

    @cached_property
    def active(self):
        """The valid, non-empty filters: ``{name: cleaned value}``."""
        if not self.is_bound:
            return {}
        self.is_valid()  # a field that does not validate drops out alone
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in EMPTY_VALUES
        }

    def is_filtered(self):
        return bool(self.active)

    @cached_property
    def ignored(self):
        """The bound fields whose submitted value was not valid (and ignored)."""
        if not self.is_bound:
            return []
        self.is_valid()
        return [self[name] for name in self.errors if name in self.fields]

    @property
    def ignored_message(self):
        """« Filtre ignoré : Site (valeur non reconnue). », or ``""``."""
        labels = [str(field.label) for field in self.ignored]
        if not labels:
            return ""
        return ngettext(
            "Filtre ignoré : %(labels)s (valeur non reconnue).",
            "Filtres ignorés : %(labels)s (valeurs non reconnues).",
            len(labels),
        ) % {"labels": ", ".join(labels)}

    def active_filters(self):
        """``(label, shown value)`` of each active filter, to recall them."""
        shown = []
        for name in self.active:
            field = self[name]
            raw = field.value()
            values = raw if isinstance(raw, list | tuple) else [raw]
            choices = dict(getattr(field.field, "choices", ()) or ())
            labels = [str(choices.get(value, value)) for value in values]
            shown.append((field.label, ", ".join(labels)))
        return shown

    def query_string(self):
        """The active filters as submitted, to keep them in pagination links."""
        params = []
        for name in self.active:
            field = self[name]
            raw = field.value()
            for value in raw if isinstance(raw, list | tuple) else [raw]:
                params.append((field.html_name, value))
        return urlencode(params)

    def filter(self, queryset):
        """``queryset`` narrowed by every active filter."""
        for name, value in self.active.items():
            method = getattr(self, f"filter_{name}", None)
            if method is not None:
                queryset = method(queryset, value)
            elif name in self.lookups:
                queryset = queryset.filter(**{self.lookups[name]: value})
            else:
                raise ImproperlyConfigured(
                    f"{type(self).__name__}: no lookup nor filter_{name}() "
                    f"for the field {name!r}."
                )
        return queryset

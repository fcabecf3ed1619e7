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

What a visitor types costs the same whatever its length: a ``WordsField``
keeps at most ``MAX_WORDS`` distinct words (a listing adds one condition per
word, so the SQL is bounded; ``form.words_notice`` says which were left out),
without control characters (PostgreSQL refuses a NUL byte). Views that read
a text parameter without a form pass it through ``clean_text``.
"""

import unicodedata
from dataclasses import dataclass

from django import forms
from django.core import validators
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

EMPTY_VALUES = (None, "", [], ())
ANY = _("Toutes")
MAX_WORDS = 8
MAX_TEXT_LENGTH = 200


def clean_text(value, max_length=MAX_TEXT_LENGTH):
    """``value`` (a GET parameter, possibly None) without control characters,
    its spaces collapsed, at most ``max_length`` characters long."""
    if not value:
        return ""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in value
    )
    return " ".join(printable.split())[:max_length]


@dataclass(frozen=True)
class Words:
    """The words a listing filters on (each one condition), and how many of
    the visitor's it left out."""

    words: tuple = ()
    dropped: int = 0

    def __bool__(self):
        return bool(self.words)

    def __iter__(self):
        return iter(self.words)

    def __str__(self):
        return " ".join(self.words)

    @property
    def notice(self):
        """A sentence for the page when words were left out, else ``""``."""
        if not self.dropped:
            return ""
        return ngettext(
            "Seuls les %(count)s premiers mots sont pris en compte : "
            "%(dropped)s mot a été ignoré.",
            "Seuls les %(count)s premiers mots sont pris en compte : "
            "%(dropped)s mots ont été ignorés.",
            self.dropped,
        ) % {"count": len(self.words), "dropped": self.dropped}


def query_words(text, limit=MAX_WORDS):
    """The distinct words of ``text`` (in order, whatever their case), at
    most ``limit`` of them."""
    seen, words = set(), []
    for word in clean_text(text).split():
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            words.append(word)
    return Words(tuple(words[:limit]), max(0, len(words) - limit))


class WordsField(forms.CharField):
    """Free words, cleaned to ``Words``: control characters dropped, a long
    text cut rather than refused, at most ``max_words`` words."""

    def __init__(self, *, max_words=MAX_WORDS, **kwargs):
        kwargs.setdefault("max_length", MAX_TEXT_LENGTH)  # the input's maxlength
        super().__init__(**kwargs)
        self.max_words = max_words
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(
                validator,
                validators.MaxLengthValidator
                | validators.ProhibitNullCharactersValidator,
            )
        ]

    def to_python(self, value):
        words = query_words(super().to_python(value), self.max_words)
        return words or self.empty_value


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

    @property
    def words_notice(self):
        """What the ``WordsField`` filters left out, or ``""``."""
        return " ".join(
            value.notice for value in self.active.values() if isinstance(value, Words)
        ).strip()

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

"""The one GET filter form (home/filters.py) and its template."""

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory

import pytest

from home.filters import FilterForm, with_any
from home.models import Theme

pytestmark = pytest.mark.django_db


class ThemeFilterForm(FilterForm):
    slug = forms.ChoiceField(label="Thème", choices=with_any([("a", "A")]))
    order = forms.TypedChoiceField(
        label="Ordre", coerce=int, choices=with_any([(1, "un"), (2, "deux")])
    )
    q = forms.CharField(label="Mots", max_length=20)

    lookups = {"order": "sort_order"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].choices = with_any(
            Theme.objects.values_list("slug", "name")
        )

    def filter_slug(self, queryset, value):
        return queryset.filter(slug=value)

    def filter_q(self, queryset, value):
        return queryset.filter(name__icontains=value)


def form_for(query):
    return ThemeFilterForm(QueryDict(query))


class TestFilterForm:
    def test_no_parameter_is_no_filter(self):
        form = form_for("")
        assert not form.is_bound
        assert form.active == {} and not form.is_filtered()
        assert form.ignored == [] and form.ignored_message == ""
        assert form.query_string() == ""
        assert form.filter(Theme.objects.all()).count() == Theme.objects.count()

    def test_valid_filters_combine(self):
        theme = Theme.objects.order_by("pk").first()
        form = form_for(f"slug={theme.slug}&q={theme.name[:4]}")
        assert form.active == {"slug": theme.slug, "q": theme.name[:4]}
        assert list(form.filter(Theme.objects.all())) == [theme]
        assert form.query_string() == f"slug={theme.slug}&q={theme.name[:4]}".replace(
            " ", "+"
        )
        assert ("Thème", theme.name) in form.active_filters()

    def test_a_bad_value_is_ignored_alone_with_a_message(self):
        theme = Theme.objects.order_by("pk").first()
        form = form_for(f"slug={theme.slug}&order=douze&q=" + "x" * 40)
        assert form.active == {"slug": theme.slug}
        assert [field.name for field in form.ignored] == ["order", "q"]
        assert form.ignored_message == (
            "Filtres ignorés : Ordre, Mots (valeurs non reconnues)."
        )
        assert list(form.filter(Theme.objects.all())) == [theme]
        assert form.query_string() == f"slug={theme.slug}"

    def test_a_single_bad_value(self):
        form = form_for("slug=nulle-part")
        assert form.active == {}
        assert form.ignored_message == "Filtre ignoré : Thème (valeur non reconnue)."

    def test_a_field_without_lookup_is_a_programming_error(self):
        class Broken(FilterForm):
            name = forms.CharField()

        with pytest.raises(ImproperlyConfigured):
            Broken(QueryDict("name=x")).filter(Theme.objects.all())

    def test_every_field_is_optional(self):
        assert not any(field.required for field in form_for("").fields.values())


class TestTemplate:
    def render(self, query):
        request = RequestFactory().get("/liste/", QueryDict(query))
        return render_to_string(
            "includes/filter_form.html",
            {"form": ThemeFilterForm(request.GET), "request": request},
        )

    def test_labels_legend_and_no_reset_when_unfiltered(self):
        html = self.render("")
        assert '<form class="filters" method="get" action="/liste/">' in html
        assert "<legend>Filtrer la liste</legend>" in html
        for name in ("slug", "order", "q"):
            assert f'<label for="id_{name}">' in html
        assert "Tout afficher" not in html
        assert 'role="status"' not in html

    def test_reset_link_and_ignored_message(self):
        theme = Theme.objects.order_by("pk").first()
        html = self.render(f"slug={theme.slug}&order=<script>")
        assert '<a href="/liste/">Tout afficher</a>' in html
        assert (
            '<p class="filters__ignored" role="status">Filtre ignoré : Ordre '
            "(valeur non reconnue).</p>"
        ) in html
        assert "<script>" not in html

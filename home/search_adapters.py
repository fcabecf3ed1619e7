"""What home gives to the site search: the names of the themes, for the
``theme`` facet (pages are indexed by the search app's page adapter).
``register()`` is called from ``HomeConfig.ready()``."""

from search import registry


def theme_labels(values, user):
    from .models import Theme

    return dict(Theme.objects.filter(slug__in=values).values_list("slug", "name"))


def register():
    registry.register_facet_labels("theme", theme_labels)

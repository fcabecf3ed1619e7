"""What home gives to the site search: the names of the themes (``theme``
facet) and of the territories (``site`` facet, see ``territories.py``); pages
are indexed by the search app's page adapter. ``register()`` is called from
``HomeConfig.ready()``."""

from search import registry

from .territories import territory_label


def theme_labels(values, user):
    from .models import Theme

    return dict(Theme.objects.filter(slug__in=values).values_list("slug", "name"))


def site_labels(values, user):
    return {value: territory_label(value) for value in values}


def register():
    registry.register_facet_labels("theme", theme_labels)
    registry.register_facet_labels("site", site_labels)

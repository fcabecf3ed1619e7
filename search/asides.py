"""Asides of the results page: what an app shows under the results of a
search — for instance the discussions' « Posez la question à la
communauté ». This app knows none of them; each app registers its own from
its ``ready()``::

    from search.asides import register_results_aside

    register_results_aside(
        "ask-community",
        "discussions/includes/search_ask.html",
        ask_context,  # (request, query, results) -> dict, or None to hide
        order=50,
    )

Each aside is rendered, in ``order`` then ``key`` order, with its context
plus ``request``, ``query`` (the ``SearchQuery``) and ``results``; its
template brings its own region and heading. ``context`` decides whether the
aside shows (None hides it) and asks the permission policy itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string

DEFAULT_ORDER = 100


@dataclass(frozen=True)
class ResultsAside:
    key: str
    template: str
    context: Callable[[Any, Any, Any], dict | None]
    order: int = DEFAULT_ORDER


_registry: dict[str, ResultsAside] = {}


def register_results_aside(key, template, context, order=DEFAULT_ORDER):
    """Add (or replace, for the same ``key``) an aside of the results page."""
    if not key or not key.replace("-", "").replace("_", "").isalnum():
        raise ImproperlyConfigured(
            f"Results aside key {key!r}: letters, digits, - and _ only."
        )
    aside = ResultsAside(key, template, context, order)
    _registry[key] = aside
    return aside


def unregister_results_aside(key):
    """Remove an aside (tests use it to clean up after themselves)."""
    _registry.pop(key, None)


def rendered_asides(request, query, results):
    """The HTML of each aside shown for this search, in display order."""
    shown = []
    for aside in sorted(_registry.values(), key=lambda a: (a.order, a.key)):
        context = aside.context(request, query, results)
        if context is None:
            continue
        shown.append(
            render_to_string(
                aside.template,
                {**context, "query": query, "results": results, "aside": aside},
                request=request,
            )
        )
    return shown

"""Page sections: how an app adds a section to a page of an app below it.

The community page, the team page and the member dashboard (members), an
édition page (events), a défi page (challenges) and the resource pages that
members may comment (glossary terms, méthodologies, bibliography references)
render
``{% page_sections "<target>" obj %}`` (``{% load home_tags %}``) where an app
above them may want to show something: the défis of an édition, the threads
of a community, the carnet of a team. The page knows nothing of those apps;
each registers its section from its ``ready()``::

    from home.sections import register_section

    register_section(
        "events.edition",
        "defis",
        "challenges/sections/edition_challenges.html",
        edition_challenges,  # (request, edition) -> dict, or None to hide
        order=50,
        title=_("Les défis de l'édition"),
    )

Each section is rendered, in ``order`` then ``key`` order, in its own
``<section aria-labelledby>`` region under an ``<h2>``: the heading is the
registered ``title``, or the ``"title"`` its context returns (e.g. with a
count). The section's template receives its context (autoescaped like any
template) with ``request``, ``user``, ``csrf_token`` and ``object`` (the
page's object). ``context`` decides who sees the section: it asks the
permission policy itself and returns ``None`` to hide the section.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

#: The pages that render sections, and what ``obj`` is on each.
TARGETS = {
    "members.community": "la page d'une e-communauté (Community)",
    "members.team": "la page d'une équipe apprenante (LearningTeam)",
    "members.dashboard": "le tableau de bord du membre (l'utilisateur connecté)",
    "events.edition": "la page d'une édition (EditionPage)",
    "challenges.challenge": "la page d'un défi (ChallengePage)",
    "resources.page": (
        "la page d'une ressource : terme du glossaire, méthodologie, référence "
        "bibliographique (la page Wagtail)"
    ),
}

DEFAULT_ORDER = 100


@dataclass(frozen=True)
class Section:
    target: str
    key: str
    template: str
    context: Callable[[Any, Any], dict | None]
    order: int = DEFAULT_ORDER
    title: Any = None

    @property
    def heading_id(self):
        return f"section-{self.target.replace('.', '-')}-{self.key}"


_registry: dict[str, dict[str, Section]] = {target: {} for target in TARGETS}


def register_section(
    target, key, template, context, order=DEFAULT_ORDER, *, title=None
):
    """Add (or replace, for the same ``key``) a section on the ``target`` page."""
    if target not in TARGETS:
        raise ImproperlyConfigured(
            f"Page section {key!r}: unknown target {target!r} "
            f"(one of {', '.join(TARGETS)})."
        )
    if not key or not key.replace("-", "").replace("_", "").isalnum():
        raise ImproperlyConfigured(
            f"Page section key {key!r}: letters, digits, - and _ only (it "
            "becomes the heading's id)."
        )
    section = Section(target, key, template, context, order, title)
    _registry[target][key] = section
    return section


def unregister_section(target, key):
    """Remove a section (tests use it to clean up after themselves)."""
    _registry.get(target, {}).pop(key, None)


def sections_for(target):
    """The sections registered on ``target``, in display order."""
    if target not in TARGETS:
        raise ImproperlyConfigured(f"Unknown page-section target {target!r}.")
    return sorted(_registry[target].values(), key=lambda s: (s.order, s.key))


def visible_sections(target, request, obj):
    """``(section, title, context)`` for each section shown to this request."""
    shown = []
    for section in sections_for(target):
        context = section.context(request, obj)
        if context is None:
            continue
        title = context.get("title", section.title)
        if not title:
            raise ImproperlyConfigured(
                f"Page section {target}/{section.key} has no title: pass "
                "title= to register_section or return one in its context."
            )
        shown.append((section, title, context))
    return shown

"""The kinds of space a thread lives in: an e-communauté, an équipe
apprenante, a défi — where members open threads — and a resource page, whose
comments are one thread attached to the page. Each is an object of an app
below with its own rule in the policy; a thread's rights are its space's
(see ``rules.py``)."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SpaceKind:
    key: str  # in URLs: /communaute/discussions/<key>/<slug>/
    field: str  # the thread's foreign key
    model_label: str
    label: str

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def get(self, slug):
        """The space of this kind with ``slug``, or None."""
        return self.model._default_manager.filter(slug=slug).first()


SPACE_KINDS = (
    SpaceKind("communaute", "community", "members.Community", _("E-communauté")),
    SpaceKind("equipe", "team", "members.LearningTeam", _("Équipe apprenante")),
    SpaceKind("defi", "challenge", "challenges.ChallengePage", _("Défi")),
    # Last: a défi is a page too, and ``kind_of`` takes the first that fits.
    SpaceKind("ressource", "page", "wagtailcore.Page", _("Ressource")),
)
#: The spaces where members open threads (a resource page has comments only).
THREAD_SPACE_KINDS = SPACE_KINDS[:3]
BY_KEY = {kind.key: kind for kind in THREAD_SPACE_KINDS}


def kind_of(space):
    for kind in SPACE_KINDS:
        if isinstance(space, kind.model):
            return kind
    raise LookupError(f"{type(space).__name__} n'est pas un espace de discussion")


def space_name(space):
    return getattr(space, "name", None) or getattr(space, "title", "")


def space_url(space):
    """The space's own page."""
    if hasattr(space, "get_absolute_url"):
        return space.get_absolute_url()
    return space.url


#: The page types members may comment (their templates render the
#: « resources.page » section).
COMMENTABLE_PAGES = (
    "resources.GlossaryTermPage",
    "resources.MethodPage",
    "bibliography.ReferencePage",
)


def is_commentable(page):
    """Whether ``page`` (any Wagtail page, specific or not) takes comments."""
    model = page.specific_class if hasattr(page, "specific_class") else type(page)
    return model is not None and model._meta.label in COMMENTABLE_PAGES

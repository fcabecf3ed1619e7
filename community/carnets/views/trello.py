"""Import a Trello board into the team's carnet, in three steps on one page
(``home.trello_import.ImportFlow``): send the export, choose a moment for
each list (the preview follows), then import."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.trello_import import IGNORE, ImportFlow

from ..choices import Moment
from ..trello import apply_plan, build_plan, default_mapping
from .carnets import _carnet

SESSION_KEY = "carnets_trello"
MOMENT_CHOICES = [(IGNORE, gettext_lazy("Laisser de côté")), *Moment.choices]


def trello_import(request, slug):
    carnet = _carnet(request, slug, "edit")
    return ImportFlow(
        session_key=SESSION_KEY,
        scope=f"carnet:{slug}",
        template="carnets/trello_import.html",
        choices=MOMENT_CHOICES,
        default_mapping=default_mapping,
        build_plan=lambda board, mapping: build_plan(board, carnet, mapping),
        apply_plan=lambda rows: apply_plan(rows, carnet, request.user),
        done_url=carnet.get_absolute_url(),
        done_message=_(
            "Tableau importé : %(create)s entrée(s) créée(s), %(update)s mise(s) "
            "à jour, %(skip)s carte(s) laissée(s) de côté."
        ),
        refused_message=_("Choisissez, pour chaque liste, l'un des moments proposés."),
        context={
            "team": carnet.team,
            "carnet": carnet,
            "cancel_url": carnet.get_absolute_url(),
            "restart_url": reverse("carnets:trello_import", kwargs={"slug": slug}),
        },
    ).respond(request)

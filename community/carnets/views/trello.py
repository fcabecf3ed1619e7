"""Import a Trello board into the team's carnet, in three steps on one page:
send the export, choose a moment for each list (the preview follows), then
import. The board waits in the session under a random token between the
steps; the confirmation re-posts only the token and the lists' moments."""

import secrets

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.trello import MAX_FILE_SIZE, Board, TrelloFileError, parse_board

from ..choices import Moment
from ..trello import IGNORE, apply_plan, build_plan, default_mapping, summary
from .carnets import _carnet

SESSION_KEY = "carnets_trello"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Export JSON du tableau Trello"),
        help_text=gettext_lazy(
            "Dans Trello : Menu › Imprimer, exporter et partager › Exporter au "
            "format JSON. Rien n'est enregistré avant votre confirmation."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(_("Ce fichier est trop lourd (20 Mo au plus)."))
        try:
            self.board = parse_board(upload.read())
        except TrelloFileError as error:
            raise forms.ValidationError(str(error)) from None
        if not self.board.cards:
            raise forms.ValidationError(_("Ce tableau n'a aucune carte à importer."))
        return upload


MOMENT_CHOICES = [(IGNORE, gettext_lazy("Laisser de côté")), *Moment.choices]


def mapping_from(data, lists):
    """The moment chosen for each list (``liste-<n>``), or the default; an
    unknown value is refused with a message, never kept."""
    mapping, refused = default_mapping(lists), False
    for index, name in enumerate(lists):
        value = data.get(f"liste-{index}")
        if value is None:
            continue
        if value in dict(MOMENT_CHOICES):
            mapping[name] = value
        else:
            refused = True
    return mapping, refused


def _stored(request, token, slug):
    stored = request.session.get(SESSION_KEY)
    if (
        not stored
        or not token
        or stored["slug"] != slug
        or not secrets.compare_digest(stored["token"], token)
    ):
        return None
    return stored


def trello_import(request, slug):
    carnet = _carnet(request, slug, "edit")
    team = carnet.team
    token = request.POST.get("token") or request.GET.get("token")
    if token is None:
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {
                "token": token,
                "slug": slug,
                "filename": form.cleaned_data["file"].name[:255],
                "board": form.board.as_dict(),
            }
            return redirect(f"{request.path}?token={token}")
        return render(
            request,
            "carnets/trello_import.html",
            {"team": team, "carnet": carnet, "form": form},
            status=400 if form.errors else 200,
        )
    stored = _stored(request, token, slug)
    if stored is None:
        messages.warning(
            request,
            _("Cet aperçu n'est plus disponible : envoyez de nouveau le fichier."),
        )
        return redirect("carnets:trello_import", slug=slug)
    board = Board.from_dict(stored["board"])
    data = request.POST if request.method == "POST" else request.GET
    mapping, refused = mapping_from(data, board.lists)
    if refused:
        messages.error(
            request, _("Choisissez, pour chaque liste, l'un des moments proposés.")
        )
    rows = build_plan(board, carnet, mapping)
    counts = summary(rows)
    if (
        request.method == "POST"
        and not refused
        and (counts["create"] or counts["update"])
    ):
        done = apply_plan(rows, carnet, request.user)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            _(
                "Tableau importé : %(create)s entrée(s) créée(s), %(update)s mise(s) "
                "à jour, %(skip)s carte(s) laissée(s) de côté."
            )
            % done,
        )
        return redirect(carnet.get_absolute_url())
    lists = [
        {"index": index, "name": name, "value": mapping[name]}
        for index, name in enumerate(board.lists)
    ]
    return render(
        request,
        "carnets/trello_import.html",
        {
            "team": team,
            "carnet": carnet,
            "stored": stored,
            "board": board,
            "token": token,
            "lists": lists,
            "choices": MOMENT_CHOICES,
            "rows": rows,
            "counts": counts,
        },
        status=400 if refused else 200,
    )

"""Bringing a Trello board (read by ``home.trello``) into one place of the
site — a team's carnet, a défi's étapes — in three steps on one page: send the
export, choose where each list goes (the preview follows), then import.

Each importer gives its targets (the moments, the étapes…), a default
mapping, how a card becomes a row of the plan and how the plan is applied;
this module does the rest once: the upload form, the board waiting in the
session under a random token between the steps (the confirmation re-posts
only the token and the lists' targets), refusing a target that is not
offered, the plan's screening of cards (archived, untitled, from a list left
aside, duplicated) and its counts. Rows are matched to what an earlier import
made by the card's id: importing again updates, never copies.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .trello import MAX_FILE_SIZE, Board, TrelloFileError, parse_board

CREATE, UPDATE, UNCHANGED, SKIP = "create", "update", "unchanged", "skip"
IGNORE = ""


@dataclass
class PlanRow:
    card: object
    action: str
    target: object = IGNORE  # where the card goes: a moment, an étape…
    title: str = ""
    body: str = ""
    existing: object = None  # what an earlier import made of this card
    reason: str = ""


def plan_cards(board, mapping, make_row):
    """One row per card: skipped with its reason, or ``make_row(card,
    target)`` (which says create, update or unchanged)."""
    rows, seen = [], set()
    for card in board.cards:
        target = mapping.get(card.list_name, IGNORE)
        if card.closed:
            rows.append(PlanRow(card, SKIP, reason=_("carte archivée")))
        elif not card.name:
            rows.append(PlanRow(card, SKIP, reason=_("carte sans titre")))
        elif target == IGNORE:
            rows.append(PlanRow(card, SKIP, reason=_("liste laissée de côté")))
        elif card.id in seen:
            rows.append(PlanRow(card, SKIP, reason=_("carte en double")))
        else:
            seen.add(card.id)
            rows.append(make_row(card, target))
    return rows


def summary(rows):
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0, SKIP: 0}
    for row in rows:
        counts[row.action] += 1
    return counts


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


@dataclass
class ImportFlow:
    """One importer's three steps. ``scope`` names the place imported into
    (a board waiting for another place is not offered there)."""

    session_key: str
    scope: str
    template: str
    choices: list  # (target, label), the first one IGNORE
    default_mapping: Callable  # (list names) -> {list name: target}
    build_plan: Callable  # (board, mapping) -> rows
    apply_plan: Callable  # (rows) -> counts
    done_url: str
    done_message: str  # formatted with the counts
    refused_message: str
    context: dict = field(default_factory=dict)

    def mapping_from(self, data, lists):
        """The target chosen for each list (``liste-<n>``), or the default;
        an unknown value is refused with a message, never kept."""
        offered = {str(value): value for value, _label in self.choices}
        mapping, refused = self.default_mapping(lists), False
        for index, name in enumerate(lists):
            value = data.get(f"liste-{index}")
            if value is None:
                continue
            if value in offered:
                mapping[name] = offered[value]
            else:
                refused = True
        return mapping, refused

    def _stored(self, request, token):
        stored = request.session.get(self.session_key)
        if (
            not stored
            or not token
            or stored["scope"] != self.scope
            or not secrets.compare_digest(stored["token"], token)
        ):
            return None
        return stored

    def respond(self, request):
        token = request.POST.get("token") or request.GET.get("token")
        if token is None:
            return self._upload(request)
        stored = self._stored(request, token)
        if stored is None:
            messages.warning(
                request,
                _("Cet aperçu n'est plus disponible : envoyez de nouveau le fichier."),
            )
            return redirect(request.path)
        board = Board.from_dict(stored["board"])
        data = request.POST if request.method == "POST" else request.GET
        mapping, refused = self.mapping_from(data, board.lists)
        if refused:
            messages.error(request, self.refused_message)
        rows = self.build_plan(board, mapping)
        counts = summary(rows)
        if (
            request.method == "POST"
            and not refused
            and (counts[CREATE] or counts[UPDATE])
        ):
            done = self.apply_plan(rows)
            del request.session[self.session_key]
            messages.success(request, self.done_message % done)
            return redirect(self.done_url)
        lists = [
            {"index": index, "name": name, "value": mapping[name]}
            for index, name in enumerate(board.lists)
        ]
        return render(
            request,
            self.template,
            {
                **self.context,
                "stored": stored,
                "board": board,
                "token": token,
                "lists": lists,
                "choices": self.choices,
                "rows": rows,
                "counts": counts,
            },
            status=400 if refused else 200,
        )

    def _upload(self, request):
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            token = secrets.token_urlsafe(16)
            request.session[self.session_key] = {
                "token": token,
                "scope": self.scope,
                "filename": form.cleaned_data["file"].name[:255],
                "board": form.board.as_dict(),
            }
            return redirect(f"{request.path}?token={token}")
        return render(
            request,
            self.template,
            {**self.context, "form": form},
            status=400 if form.errors else 200,
        )

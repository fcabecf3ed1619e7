"""The organisers' overview of an édition's carnets: which team has filled
which moment (counts and dates — never content), and « relancer » to notify
the teams that have not written in a moment yet."""

from django.contrib import messages
from django.db.models import Count, Max
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from community.events.models import EditionPage
from community.members import policy

from ..choices import EntryKind, Moment
from ..models import Entry
from ..notices import nudge_teams


def _edition(request, edition_id):
    edition = get_object_or_404(EditionPage.objects.live(), pk=edition_id)
    # Organisers are those who may edit the édition's page.
    return policy.ensure(request.user, edition, "edit")


def progress(edition):
    """Rows per team: for each moment, entries and collective ones, last date."""
    teams = list(edition.teams.select_related("community").order_by("name"))
    stats = {}
    rows = (
        Entry.objects.filter(carnet__team__in=teams)
        .values("carnet__team_id", "moment", "kind")
        .annotate(count=Count("pk"), last=Max("updated_at"))
    )
    for row in rows:
        cell = stats.setdefault(
            (row["carnet__team_id"], row["moment"]),
            {"count": 0, "collective": 0, "last": None},
        )
        cell["count"] += row["count"]
        if row["kind"] == EntryKind.COLLECTIVE:
            cell["collective"] += row["count"]
        if cell["last"] is None or row["last"] > cell["last"]:
            cell["last"] = row["last"]
    empty = {"count": 0, "collective": 0, "last": None}
    return [
        {
            "team": team,
            "cells": [
                (moment, stats.get((team.pk, moment.value), empty)) for moment in Moment
            ],
        }
        for team in teams
    ]


def behind(edition, moment):
    """The édition's teams with no entry in ``moment``."""
    written = set(
        Entry.objects.filter(carnet__team__in=edition.teams.all(), moment=moment)
        .values_list("carnet__team_id", flat=True)
        .distinct()
    )
    return [team for team in edition.teams.all() if team.pk not in written]


def edition_overview(request, edition):
    edition = _edition(request, edition)
    rows = progress(edition)
    return render(
        request,
        "carnets/overview.html",
        {
            "edition": edition,
            "rows": rows,
            "moments": list(Moment),
            "nudge_options": [
                (
                    moment,
                    sum(
                        1
                        for row in rows
                        for m, cell in row["cells"]
                        if m == moment and not cell["count"]
                    ),
                )
                for moment in Moment
            ],
        },
    )


def edition_nudge(request, edition):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    edition = _edition(request, edition)
    moment = request.POST.get("moment")
    if moment not in Moment.values:
        messages.error(request, _("Choisissez le moment pour lequel relancer."))
        return redirect("carnets:overview", edition=edition.pk)
    teams = behind(edition, moment)
    nudge_teams(teams, Moment(moment), request.user)
    if teams:
        messages.success(
            request,
            _("%(n)s équipe(s) relancée(s) pour « %(moment)s ».")
            % {"n": len(teams), "moment": Moment(moment).label},
        )
    else:
        messages.info(request, _("Toutes les équipes ont écrit dans ce moment."))
    return redirect("carnets:overview", edition=edition.pk)

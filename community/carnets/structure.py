"""How a carnet reads: its moments in order, each with its guide's name,
introduction and prompts, the team's collective syntheses and the members'
contributions; the suites with their checkpoints' dates. Shared by the carnet
page, the secret-link page and the exports, so they always agree."""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Max, Window
from django.db.models.functions import Coalesce, RowNumber

from .choices import MOMENT_ORDER, Checkpoint, EntryKind, Moment
from .models import Carnet, CarnetGuide


def carnet_for(team):
    """The team's carnet, made the first time someone opens it."""
    carnet, _created = Carnet.objects.get_or_create(team=team)
    carnet.team = team
    return carnet


def edition_of(team):
    """The édition the team was formed in (the latest if several), with the
    last day of its sites as ``last_day`` (read in the same query)."""
    return (
        team.editions.live()
        .annotate(last_day=Max("sites__end_date"))
        .order_by("-year")
        .first()
    )


def event_end(edition):
    """The édition's last day, from which the suites' checkpoints count."""
    if edition is None:
        return None
    if hasattr(edition, "last_day"):
        return edition.last_day
    return edition.end_date


def guide_for(edition):
    guide = CarnetGuide.objects.for_edition(edition)
    if guide is not None:
        guide.prompt_list = list(guide.prompts.all())
    return guide


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def checkpoint_dates(event_end):
    """When each follow-up checkpoint falls, from the event's last day."""
    if event_end is None:
        return {}
    return {cp.value: add_months(event_end, cp.value) for cp in Checkpoint}


@dataclass
class CheckpointView:
    value: int
    label: str
    due: date | None
    entries: list = field(default_factory=list)


@dataclass
class MomentView:
    value: str
    title: str
    intro: str
    prompts: list
    collective: list = field(default_factory=list)
    individual: list = field(default_factory=list)
    checkpoints: list = field(default_factory=list)
    # How many entries the reader may read in this moment (the carnet's page
    # shows only the latest of them): None when every one is shown.
    total: int | None = None

    @property
    def anchor(self):
        return f"moment-{self.value}"

    @property
    def count(self):
        return len(self.entries) if self.total is None else self.total

    @property
    def more(self):
        """How many entries of the moment are not shown here."""
        return self.count - len(self.entries)

    @property
    def entries(self):
        return self.collective + self.individual

    @property
    def unscheduled(self):
        """Suites entries tied to no checkpoint."""
        return [entry for entry in self.entries if not entry.checkpoint]

    @property
    def is_follow_up(self):
        return self.value == Moment.FOLLOW_UP


def moments(entries, guide, event_end=None, only=None):
    """The moments of a carnet with ``entries`` (already filtered for the
    reader) sorted in; ``only`` limits to some moments (exports)."""
    prompts = getattr(guide, "prompt_list", []) if guide else []
    dates = checkpoint_dates(event_end)
    views = []
    for moment in Moment:
        if only and moment.value not in only:
            continue
        view = MomentView(
            value=moment.value,
            title=guide.moment_title(moment) if guide else moment.label,
            intro=guide.moment_intro(moment) if guide else "",
            prompts=[p for p in prompts if p.moment == moment],
        )
        if moment == Moment.FOLLOW_UP:
            view.checkpoints = [
                CheckpointView(cp.value, cp.label, dates.get(cp.value))
                for cp in Checkpoint
            ]
        views.append(view)
    by_value = {view.value: view for view in views}
    for entry in sorted(entries, key=lambda e: (MOMENT_ORDER[e.moment], e.created_at)):
        view = by_value.get(entry.moment)
        if view is None:
            continue
        if entry.kind == EntryKind.COLLECTIVE:
            view.collective.append(entry)
        else:
            view.individual.append(entry)
        if view.checkpoints and entry.checkpoint:
            for checkpoint in view.checkpoints:
                if checkpoint.value == entry.checkpoint:
                    checkpoint.entries.append(entry)
    return views


# The carnet's page shows, per moment (and per checkpoint of the suites), the
# collective synthesis and the latest contributions; each moment's page lists
# them all, a page at a time (bench: the page's time stays flat as a carnet
# grows).
LATEST_PER_MOMENT = 5
ENTRIES_PER_PAGE = 20


def latest_entries(queryset, per_group=LATEST_PER_MOMENT):
    """The latest ``per_group`` entries of ``queryset`` of each moment, each
    checkpoint and each kind (one query, whatever the carnet's length)."""
    return queryset.annotate(
        carnet_rank=Window(
            RowNumber(),
            partition_by=[F("moment"), Coalesce("checkpoint", 0), F("kind")],
            order_by=[F("created_at").desc(), F("pk").desc()],
        )
    ).filter(carnet_rank__lte=per_group)


def entry_counts(queryset):
    """{moment: number of entries} of ``queryset`` (one query)."""
    rows = queryset.order_by().values("moment").annotate(n=Count("pk"))
    return {row["moment"]: row["n"] for row in rows}


def summary(views, counts):
    """Tell the moment ``views`` how many entries each has in all."""
    for view in views:
        view.total = counts.get(view.value, 0)
    return views


def moment_order(queryset):
    """A moment's entries as its page lists them: by checkpoint (suites, those
    tied to none last), the collective synthesis first, then by date."""
    return queryset.order_by(
        F("checkpoint").asc(nulls_last=True), "kind", "created_at", "pk"
    )


def commitments(entries):
    """Moment 3's entries, recalled in the suites."""
    return [e for e in entries if e.moment == Moment.AFTER]

"""The results of an édition's evaluations: never one person's answer.

Answers are grouped by édition, site, parcours (the type of session), and
session or défi workshop; a group is shown — in a chart, a list of words or
the CSV — only from ``EVALUATION_MIN_ANSWERS`` answers on (5 by default), so
that nobody can be recognised in a small group. A session or workshop with
fewer answers counts nowhere, not even in its site's mean (which, minus the
means shown of its other sessions, would give it away). Free text is listed in a
fixed order that says nothing of when it was written.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from community.events.choices import SessionKind

from .charts import bar_chart, column_chart
from .choices import ComeBack, Scope
from .models import EvaluationAnswer


def threshold():
    return getattr(settings, "EVALUATION_MIN_ANSWERS", 5)


@dataclass
class Group:
    label: str
    answers: list

    @property
    def count(self):
        return len(self.answers)

    @property
    def mean(self):
        return sum(a.satisfaction for a in self.answers) / len(self.answers)

    def come_back_share(self):
        yes = sum(1 for a in self.answers if a.come_back == ComeBack.YES)
        return round(100 * yes / len(self.answers))


def answers_of(form):
    return list(
        EvaluationAnswer.objects.filter(form=form).select_related(
            "session__venue", "challenge", "venue"
        )
    )


def subject_label(answer):
    """The session (after its site: a plenary is held at every site) or the
    défi workshop, or the édition."""
    if answer.scope == Scope.SESSION:
        session = answer.session
        return f"{session.venue.name} — {session.title}"
    if answer.scope == Scope.CHALLENGE:
        challenge = answer.challenge
        name = challenge.short_name or challenge.title
        return _("Atelier du %(label)s — %(name)s") % {
            "label": str(challenge.label()).lower(),
            "name": name,
        }
    return _("L'édition")


def track_label(value):
    return str(SessionKind(value).label) if value in SessionKind.values else value


def said(texts):
    """``[(text, times)]``: each different answer once, in alphabetical order."""
    return sorted(Counter(text for text in texts if text).items())


def split(groups):
    """Groups shown (enough answers) and the number hidden."""
    shown = [g for g in groups if g.count >= threshold()]
    return shown, len(groups) - len(shown)


def grouped(answers, key):
    by = defaultdict(list)
    for answer in answers:
        label = key(answer)
        if label:
            by[label].append(answer)
    return [Group(label, items) for label, items in sorted(by.items())]


def mean_chart(key, title, groups):
    shown, hidden = split(groups)
    return bar_chart(
        key,
        title,
        (_("Groupe"), _("Satisfaction moyenne (sur 5)"), _("Réponses")),
        [(g.label, g.mean, str(g.count)) for g in shown],
        hidden=hidden,
    )


def edition_results(form, answers=None):
    """Everything the results page shows for ``form``'s édition (of
    ``answers``, all its answers by default)."""
    if answers is None:
        answers = answers_of(form)
    edition_answers = [a for a in answers if a.scope == Scope.EDITION]
    edition_group = Group(_("L'édition"), edition_answers)
    charts = []
    words = {}
    if edition_group.count >= threshold():
        counts = Counter(a.satisfaction for a in edition_answers)
        charts.append(
            column_chart(
                "edition",
                _("Satisfaction d'ensemble sur l'édition (%(n)s réponses)")
                % {"n": edition_group.count},
                (_("Note sur 5"), _("Réponses")),
                [(str(mark), counts[mark], str(counts[mark])) for mark in range(1, 6)],
            )
        )
        come_back = Counter(a.come_back for a in edition_answers)
        charts.append(
            column_chart(
                "revenir",
                _("Reviendraient-ils ? (%(n)s réponses)") % {"n": edition_group.count},
                (_("Réponse"), _("Réponses")),
                [
                    (
                        str(choice.label),
                        come_back[choice.value],
                        str(come_back[choice.value]),
                    )
                    for choice in ComeBack
                ],
            )
        )
        words = {
            "learned": said(a.learned for a in edition_answers),
            "improve": said(a.improve for a in edition_answers),
        }
    # Only the answers of sessions and workshops that have enough answers of
    # their own count towards a site or a parcours: otherwise the mean of a
    # site minus those of its sessions shown would give away a small group.
    located = [a for a in answers if a.scope != Scope.EDITION]
    sizes = Counter(subject_label(a) for a in located)
    hidden_subjects = sum(1 for n in sizes.values() if n < threshold())
    located = [a for a in located if sizes[subject_label(a)] >= threshold()]
    charts.append(
        mean_chart(
            "sites",
            _("Satisfaction moyenne par site"),
            grouped(located, lambda a: a.venue.name if a.venue else ""),
        )
    )
    charts.append(
        mean_chart(
            "parcours",
            _("Satisfaction moyenne par parcours (type de session)"),
            grouped(located, lambda a: track_label(a.track)),
        )
    )
    sessions = mean_chart(
        "sessions",
        _("Satisfaction moyenne par session et atelier de défi"),
        grouped(located, subject_label),
    )
    sessions.hidden = hidden_subjects
    charts.append(sessions)
    return {
        "answer_count": len(answers),
        "edition_count": edition_group.count,
        "threshold": threshold(),
        "charts": charts,
        "words": words,
        "come_back_share": (
            edition_group.come_back_share()
            if edition_group.count >= threshold()
            else None
        ),
    }


CSV_HEADER = (
    "Portée",
    "Sujet",
    "Site",
    "Parcours",
    "Satisfaction (1 à 5)",
    "Ce que j'ai appris",
    "À améliorer",
    "Reviendrait",
)


def csv_rows(form):
    """One row per answer of a subject with enough answers, in a fixed order
    (subject, mark, words): no date, no key, nothing that orders by time."""
    answers = answers_of(form)
    by_subject = defaultdict(list)
    for answer in answers:
        by_subject[(answer.scope, subject_label(answer))].append(answer)
    rows = []
    for (scope, label), items in sorted(by_subject.items()):
        if len(items) < threshold():
            continue
        for answer in items:
            rows.append(
                (
                    Scope(scope).label,
                    label,
                    answer.venue.name if answer.venue else "",
                    track_label(answer.track),
                    answer.satisfaction,
                    answer.learned,
                    answer.improve,
                    answer.get_come_back_display(),
                )
            )
    return sorted(rows, key=lambda row: tuple(str(cell) for cell in row))

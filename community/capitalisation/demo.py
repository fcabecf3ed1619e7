"""Demo evaluations: fictitious anonymous answers for the 2018 édition, enough
for every chart of its results (at least five per group shown), written for
the project, and the 2018 édition's bilan page (validated: published), with
a foreword and a conclusion written for the project. Idempotent: an édition
that has answers, or a bilan, is left as it is. The *Éditeurs* group may
edit the questionnaires in the admin."""

import random
from dataclasses import dataclass

from community.challenges.models import ChallengePage
from community.events.choices import SessionKind
from community.events.models import EditionPage, Session

from .choices import ComeBack, Scope
from .models import BilanPage, EvaluationAnswer, EvaluationForm

EDITION_SLUG = "universite-2018"
SESSIONS = 6
CHALLENGES = 6


@dataclass(frozen=True)
class Words:
    learned: str
    improve: str


WORDS = [
    Words(
        "Partir des usagers plutôt que du service change la question posée.",
        "Plus de temps pour l'immersion sur le terrain.",
    ),
    Words(
        "Un prototype peut être une affiche ou un jeu de rôle, pas seulement un outil.",
        "Des salles plus proches les unes des autres.",
    ),
    Words(
        "Travailler avec des agents d'autres collectivités ouvre des pistes.",
        "Annoncer le programme des ateliers plus tôt.",
    ),
    Words(
        "La facilitation demande de laisser le groupe chercher.",
        "Des pauses plus longues entre les étapes.",
    ),
    Words(
        "Tester vite et petit évite de se tromper en grand.",
        "",
    ),
    Words(
        "",
        "Garder une trace écrite de chaque étape pour l'équipe.",
    ),
    Words(
        "Les élus et les agents peuvent co-construire dès le départ.",
        "Mieux équilibrer les temps d'écoute et de travail.",
    ),
]

MARKS = [5, 4, 4, 5, 3, 4, 5, 2, 4, 5, 3, 4]
COME_BACK = [ComeBack.YES, ComeBack.YES, ComeBack.MAYBE, ComeBack.YES, ComeBack.NO]


def _answers(form, count, rng, **subject):
    for i in range(count):
        words = WORDS[rng.randrange(len(WORDS))]
        yield EvaluationAnswer(
            form=form,
            satisfaction=MARKS[rng.randrange(len(MARKS))],
            learned=words.learned,
            improve=words.improve,
            come_back=COME_BACK[(i + rng.randrange(5)) % len(COME_BACK)],
            **subject,
        )


def grant_questionnaires_to_editors():
    """The *Éditeurs* (who edit the éditions' pages) reword the questions."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.filter(name="Éditeurs").first()
    if group is None:
        return
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="capitalisation",
            codename__in=[
                "add_evaluationform",
                "change_evaluationform",
                "view_evaluationform",
            ],
        )
    )


FOREWORD = (
    "<p>La deuxième université d'été de l'innovation publique territoriale a "
    "réuni agents, élus, designers et chercheurs autour des défis apportés par "
    "des collectivités. Ce bilan rassemble ce que les équipes apprenantes en ont "
    "fait, le programme tel qu'il s'est tenu et ce que les participants en ont "
    "dit dans les évaluations.</p>"
)
CONCLUSION = (
    "<p>Trois enseignements pour la prochaine édition : partir des usagers dès "
    "la première étape, garder une trace écrite de chaque étape dans les "
    "carnets, et prévoir plus de temps pour l'immersion sur le terrain.</p>"
    "<ul><li>Les défis prototypés seront suivis à six mois.</li>"
    "<li>Les ressources produites rejoignent la bibliothèque.</li></ul>"
)


def seed_bilan(edition, log):
    """The édition's bilan, published (as if validated by the Éditeurs)."""
    if BilanPage.objects.child_of(edition).exists():
        return
    bilan = BilanPage(
        title=f"Bilan — {edition.title}",
        slug="bilan",
        foreword=FOREWORD,
        conclusion=CONCLUSION,
    )
    edition.add_child(instance=bilan)
    bilan.save_revision().publish()
    log("capitalisation : bilan de l'édition 2018 publié")


def seed(log):
    grant_questionnaires_to_editors()
    edition = EditionPage.objects.filter(slug=EDITION_SLUG).first()
    if edition is None:
        return
    seed_bilan(edition, log)
    form = EvaluationForm.for_edition(edition)
    if form.answers.exists():
        log("capitalisation : évaluations de 2018 déjà là")
        return
    rng = random.Random(2018)  # noqa: S311 (demo content, not security)
    answers = list(_answers(form, 24, rng, scope=Scope.EDITION))
    candidates = (
        Session.objects.filter(edition=edition)
        .exclude(kind__in=[SessionKind.BREAK, SessionKind.WELCOME])
        .select_related("venue")
        .order_by("start", "venue__sort_order")
    )
    # One session of each kind first (the results per parcours), then others.
    kinds = {}
    for session in candidates:
        kinds.setdefault(session.kind, session)
    sessions = list(kinds.values())[:SESSIONS]
    sessions += [s for s in candidates if s not in sessions][: SESSIONS - len(sessions)]
    for session in sessions:
        answers += _answers(
            form,
            5 + rng.randrange(4),
            rng,
            scope=Scope.SESSION,
            session=session,
            venue=session.venue,
            track=session.kind,
        )
    challenges = ChallengePage.objects.filter(edition=edition).order_by("number")[
        :CHALLENGES
    ]
    for challenge in challenges:
        answers += _answers(
            form,
            5 + rng.randrange(3),
            rng,
            scope=Scope.CHALLENGE,
            challenge=challenge,
            venue=challenge.venue,
            track=SessionKind.CHALLENGE_STEP,
        )
    for answer in answers:
        answer.answered_on = edition.last_date
    EvaluationAnswer.objects.bulk_create(answers)
    log(f"capitalisation : {len(answers)} réponses fictives aux évaluations de 2018")

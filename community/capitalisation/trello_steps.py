"""A Trello board brought into a défi's six étapes: each list goes to an étape
(or is left aside), each card adds a short text to that étape's public
summary. The three steps, the screening of cards and the counts are
``home.trello_import``'s, as for a team's carnet (``carnets.trello``).

Each card's text is kept (``ImportedStepCard``) with its card id: importing
again replaces that text in the summary when the card changed (moving it if
its list now goes to another étape), leaves it when not, and never adds it
twice; what the porteurs wrote themselves stays. A summary is short (1 500
characters): a card that would not fit is left aside, and says so. Nothing
is fetched from Trello: links stay addresses.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from community.carnets.trello import plain
from community.challenges.models import ChallengeStepSummary
from community.events.choices import ChallengeStep
from home.trello_import import (
    CREATE,
    IGNORE,
    SKIP,
    UNCHANGED,
    UPDATE,
    PlanRow,
    plan_cards,
    summary,
)

from .models import ImportedStepCard

SUMMARY_LENGTH = 1500
DESC_LENGTH = 400
# Words of a list's name that say which étape it is.
STEP_WORDS = (
    (ChallengeStep(1), ("appropri", "etape 1")),
    (ChallengeStep(2), ("compren", "immersion", "etape 2")),
    (ChallengeStep(3), ("sens", "cadr", "etape 3")),
    (ChallengeStep(4), ("construi", "etape 4")),
    (ChallengeStep(5), ("deroul", "test", "etape 5")),
    (ChallengeStep(6), ("exposition", "apprentissage", "etape 6")),
)


def default_mapping(lists):
    """An étape for each list: named by its words, else left aside."""
    mapping = {}
    for name in lists:
        words = plain(name)
        guessed = next(
            (s for s, keys in STEP_WORDS if any(key in words for key in keys)), None
        )
        mapping[name] = guessed.value if guessed else IGNORE
    return mapping


def card_text(card):
    """The card as plain text (a summary is shown as it is written)."""
    lines = [f"▸ {card.name}"]
    if card.desc:
        desc = " ".join(card.desc.split())
        lines.append(desc if len(desc) <= DESC_LENGTH else desc[:DESC_LENGTH] + "…")
    for checklist in card.checklists:
        done = sum(1 for _text, checked in checklist.items if checked)
        lines.append(
            _("%(name)s : %(done)s/%(total)s fait")
            % {"name": checklist.name, "done": done, "total": len(checklist.items)}
        )
    for name, url in card.links:
        lines.append(f"{name} : {url}" if name and name != url else url)
    return "\n".join(lines)


def _without(summary_text, text):
    return "\n\n".join(
        part for part in summary_text.split("\n\n") if part.strip() != text.strip()
    )


def _with(summary_text, text):
    return f"{summary_text}\n\n{text}" if summary_text.strip() else text


def build_plan(board, challenge, mapping):
    existing = {
        card.card_id: card
        for card in ImportedStepCard.objects.filter(
            challenge=challenge, card_id__in=[c.id for c in board.cards]
        )
    }
    summaries = {
        s.step: s.summary
        for s in ChallengeStepSummary.objects.filter(challenge=challenge)
    }

    def row(card, step):
        planned = PlanRow(
            card, CREATE, step, card.name, card_text(card), existing.get(card.id)
        )
        before = planned.existing
        base = summaries.get(step, "")
        if before is not None:
            if before.step == step and before.text == planned.body:
                planned.action = UNCHANGED
                return planned
            planned.action = UPDATE
            emptied = _without(summaries.get(before.step, ""), before.text)
            if before.step == step:
                base = emptied
        after = _with(base, planned.body)
        if len(after) > SUMMARY_LENGTH:
            return PlanRow(
                card,
                SKIP,
                reason=_("l'étape est pleine (%(n)s caractères au plus)")
                % {"n": SUMMARY_LENGTH},
            )
        if before is not None:
            summaries[before.step] = emptied
        summaries[step] = after
        return planned

    return plan_cards(board, mapping, row)


@transaction.atomic
def apply_plan(rows, challenge, user):
    summaries = {
        s.step: s
        for s in ChallengeStepSummary.objects.select_for_update().filter(
            challenge=challenge
        )
    }

    def summary_of(step):
        if step not in summaries:
            summaries[step] = ChallengeStepSummary(challenge=challenge, step=step)
        return summaries[step]

    changed = set()
    for row in rows:
        if row.action not in (CREATE, UPDATE):
            continue
        before = row.existing
        if before is not None:
            old = summary_of(before.step)
            old.summary = _without(old.summary, before.text)
            changed.add(before.step)
        new = summary_of(row.target)
        new.summary = _with(new.summary, row.body)
        changed.add(row.target)
        ImportedStepCard.objects.update_or_create(
            challenge=challenge,
            card_id=row.card.id,
            defaults={"step": row.target, "text": row.body},
        )
    for step in changed:
        step_summary = summaries[step]
        step_summary.updated_by = user
        step_summary.save()
    return summary(rows)

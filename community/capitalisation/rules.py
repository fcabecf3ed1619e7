"""Who may see what in capitalisation, as rules of the one policy.

- An édition's questionnaire is seen, known and edited as its édition is.
- An answer is nobody's to read one by one (superusers aside, as for every
  object): organisers see results grouped, from five answers on, through the
  results page, which asks ``can_edit`` of the édition.
- A receipt (that one answered, not what) is seen by its member.
- A booklet is seen as its défi is (it holds only what is public anyway).
- A bilan is a page (the members' page rule: live and past its branch's
  restrictions); its PDF is seen as the bilan is.
"""

from django.db.models import Q

from community.members import policy
from community.members.policy import SUPERUSER, AttachedRule, Rule, user_token

from .models import (
    BilanPdf,
    Booklet,
    EvaluationAnswer,
    EvaluationForm,
    EvaluationReceipt,
)


class EvaluationFormRule(AttachedRule):
    target = "edition"


class EvaluationAnswerRule(Rule):
    """The default rule: superusers only (see the module's docstring)."""


class EvaluationReceiptRule(Rule):
    def can_view(self, user, p, obj):
        return p.superuser or (p.authenticated and obj.user_id == p.user_id)

    def can_edit(self, user, p, obj):
        return p.superuser

    def visible_q(self, user, p):
        if p.superuser:
            return Q()
        return Q(user_id=p.user_id) if p.authenticated else Q(pk__in=[])

    def audience(self, obj):
        return {SUPERUSER, user_token(obj.user_id)}


class BookletRule(AttachedRule):
    target = "challenge"

    def can_edit(self, user, p, obj):
        return p.superuser

    def can_contribute(self, user, p, obj):
        return False


class BilanPdfRule(BookletRule):
    target = "bilan"


def register():
    policy.register(EvaluationForm, EvaluationFormRule)
    policy.register(EvaluationAnswer, EvaluationAnswerRule)
    policy.register(EvaluationReceipt, EvaluationReceiptRule)
    policy.register(Booklet, BookletRule)
    policy.register(BilanPdf, BilanPdfRule)

"""RGPD: what « mes données » says of a member's evaluations, and erasure.

Answers are anonymous: they are not linked to the member (see models.py), so
the export can only list *which* evaluations they answered and when (their
receipts), never what they said — nobody can. Erasing the account deletes
the receipts; the anonymous answers stay in the results.

``register()`` is called from ``CapitalisationConfig.ready()``.
"""

from community.members.personal_data import register_eraser, register_exporter

from .models import EvaluationReceipt


def export_evaluations(user):
    return {
        "evaluations_remplies": [
            {"evaluation": r.subject_title, "le": r.answered_on.isoformat()}
            for r in EvaluationReceipt.objects.filter(user=user).order_by("pk")
        ],
        "note": (
            "Les réponses aux évaluations sont anonymes : elles ne sont pas "
            "reliées à votre compte et ne peuvent donc pas être exportées."
        ),
    }


def erase_evaluations(user, delete_contributions=False):
    # Whatever the member chose for their contributions: the receipts name
    # them and go; the answers name nobody and stay.
    EvaluationReceipt.objects.filter(user=user).delete()


def register():
    register_exporter("evaluations", export_evaluations)
    register_eraser(erase_evaluations)

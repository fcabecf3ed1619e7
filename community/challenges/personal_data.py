"""RGPD: what the défis app holds about a member — the news they posted and
the étapes they summarised (team work, kept under « Membre supprimé » unless
they ask to delete their contributions), and their roles on défis.
``register()`` is called from ``ChallengesConfig.ready()``."""

from community.members.personal_data import register_eraser, register_exporter

from .models import ChallengeNews, ChallengePerson, ChallengeStepSummary


def export_challenges(user):
    return {
        "roles": [
            {"defi": person.challenge.title, "role": person.get_role_display()}
            for person in ChallengePerson.objects.filter(member=user).select_related(
                "challenge"
            )
        ],
        "nouvelles": [
            {
                "defi": news.challenge.title,
                "date": news.date.isoformat(),
                "titre": news.title,
                "texte": news.body,
            }
            for news in ChallengeNews.objects.filter(author=user).select_related(
                "challenge"
            )
        ],
        "etapes_resumees": [
            {
                "defi": s.challenge.title,
                "etape": s.get_step_display(),
                "resume": s.summary,
            }
            for s in ChallengeStepSummary.objects.filter(
                updated_by=user
            ).select_related("challenge")
        ],
    }


def erase_challenges_data(user, delete_contributions):
    # The défi keeps the role, described without the account.
    ChallengePerson.objects.filter(member=user).update(member=None)
    if delete_contributions:
        ChallengeNews.objects.filter(author=user).delete()


def register():
    register_exporter("defis", export_challenges)
    register_eraser(erase_challenges_data)

"""RGPD: what the events app holds about a member, in their export and on erasure.

Registrations and the private calendar link are deleted on erasure (and a
freed place goes to the waiting list). Proposals name third parties (their
speakers): drafts are deleted; sent proposals stay with the committee under
« Membre supprimé », unless the member asked to delete their contributions.
``register()`` is called from ``EventsConfig.ready()``.
"""

from community.members.personal_data import register_eraser, register_exporter

from .choices import ProposalStatus, RegistrationStatus
from .models import CalendarFeed, Proposal, Registration


def export_registrations(user):
    return [
        {
            "session": r.session.title,
            "edition": r.session.edition.title,
            "site": r.session.venue.name,
            "debut": r.session.start.isoformat(),
            "etat": r.get_status_display(),
            "demandee_le": r.requested_at.isoformat(),
        }
        for r in Registration.objects.filter(user=user).select_related(
            "session__edition", "session__venue"
        )
    ]


def export_proposals(user):
    return [
        {
            "appel": p.call.title,
            "titre": p.title,
            "type": p.get_kind_display(),
            "etat": p.get_status_display(),
            "rencontre": p.rencontre.title if p.rencontre else None,
            "contexte": p.context,
            "acteurs": p.actors,
            "caractere_innovant": p.innovation,
            "sujets_de_debat": p.debate_topics,
            "description": p.description,
            "bibliographie": p.bibliography,
            "envoyee_le": p.submitted_at.isoformat() if p.submitted_at else None,
            "intervenants": [
                {
                    "nom": s.name,
                    "genre": s.get_gender_display(),
                    "fonction": s.function,
                    "organisme": s.organisation,
                    "courriel": s.email,
                }
                for s in p.speakers.all()
            ],
        }
        for p in Proposal.objects.filter(author=user)
        .select_related("call", "rencontre")
        .prefetch_related("speakers")
    ]


def export_calendar_feed(user):
    feed = CalendarFeed.objects.filter(user=user).first()
    return {"cree_le": feed.created_at.isoformat()} if feed else None


def erase_events_data(user, delete_contributions):
    from .registrations import cancel

    for session_id in Registration.objects.filter(
        user=user, status=RegistrationStatus.CONFIRMED
    ).values_list("session_id", flat=True):
        cancel(session_id, user)  # frees the place for the waiting list
    Registration.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    proposals = Proposal.objects.filter(author=user)
    if not delete_contributions:
        proposals = proposals.filter(status=ProposalStatus.DRAFT)
    proposals.delete()


def register():
    register_exporter("inscriptions_aux_sessions", export_registrations)
    register_exporter("propositions", export_proposals)
    register_exporter("agenda_prive", export_calendar_feed)
    register_eraser(erase_events_data)

"""RGPD: a member's carnet writings in « mes données », and what erasing
their account does to them.

- Export: every entry they signed (individual) with its text, moment, team
  and sharing; the versions they wrote of collective syntheses; the files
  they attached and the secret links they made.
- Feedback they left on entries is exported, and deleted or kept anonymous
  with their other contributions.
- Erasure: collective syntheses stay (the team's work; their versions show
  « Membre supprimé »). Individual entries are deleted — with their versions
  and attachments — unless the team chose to keep departed members'
  contributions and the member did not ask for their contributions to be
  deleted; kept ones are then signed « Membre supprimé ».

``register()`` is called from ``CarnetsConfig.ready()``.
"""

from community.members.personal_data import register_eraser, register_exporter

from .choices import EntryKind
from .models import Attachment, Entry, EntryComment, EntryRevision, ShareLink


def export_carnets(user):
    entries = Entry.objects.filter(
        author=user, kind=EntryKind.INDIVIDUAL
    ).select_related("carnet__team", "prompt")
    return {
        "entrees": [
            {
                "equipe": entry.carnet.team.name,
                "moment": entry.get_moment_display(),
                "question": entry.prompt.question if entry.prompt_id else None,
                "titre": entry.title,
                "texte": entry.body,
                "partage": entry.get_visibility_display(),
                "ecrite_le": entry.created_at.isoformat(),
                "modifiee_le": entry.updated_at.isoformat(),
                "version": entry.version,
            }
            for entry in entries
        ],
        "versions_de_syntheses_collectives": [
            {
                "equipe": revision.entry.carnet.team.name,
                "synthese": revision.entry.title,
                "version": revision.version,
                "texte": revision.body,
                "le": revision.created_at.isoformat(),
            }
            for revision in EntryRevision.objects.filter(
                author=user, entry__kind=EntryKind.COLLECTIVE
            ).select_related("entry__carnet__team")
        ],
        "pieces_jointes": [
            {"nom": a.name, "entree": a.entry.title, "le": a.created_at.isoformat()}
            for a in Attachment.objects.filter(uploaded_by=user).select_related("entry")
        ],
        "retours": [
            {
                "entree": comment.object_pk,
                "texte": comment.comment,
                "le": comment.submit_date.isoformat(),
                "supprime": comment.is_removed,
            }
            for comment in EntryComment.objects.filter(user=user)
        ],
        "liens_secrets": [
            {
                "equipe": link.carnet.team.name,
                "pour": link.label,
                "cree_le": link.created_at.isoformat(),
                "expire_le": link.expires_at.isoformat(),
                "revoque": link.revoked_at is not None,
            }
            for link in ShareLink.objects.filter(created_by=user).select_related(
                "carnet__team"
            )
        ],
    }


def erase_carnets(user, delete_contributions):
    individual = Entry.objects.filter(author=user, kind=EntryKind.INDIVIDUAL)
    doomed = individual
    if not delete_contributions:
        doomed = individual.filter(carnet__keep_departed_entries=False)
    for attachment in Attachment.objects.filter(entry__in=doomed):
        attachment.file.delete(save=False)
    doomed.delete()
    # Secret links they made keep working for the team (the team owns them);
    # only the maker is forgotten.
    ShareLink.objects.filter(created_by=user).update(created_by=None)
    # Feedback: deleted on request, else kept under « Membre supprimé ».
    comments = EntryComment.objects.filter(user=user)
    if delete_contributions:
        comments.delete()
    else:
        comments.update(user_name="", user_email="", user_url="", ip_address=None)


def register():
    register_exporter("carnets", export_carnets)
    register_eraser(erase_carnets)

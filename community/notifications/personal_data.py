"""RGPD: a member's notifications, follows and e-mail preferences in « mes
données »; erasing the account deletes them, and the notifications others
received about the member's actions (they name them and quote their text)."""

from community.members.personal_data import register_eraser, register_exporter

from .models import Follow, KindPreference, Notification, NotificationSettings


def export_notifications(user):
    settings_row = NotificationSettings.objects.filter(user=user).first()
    return {
        "fuseau_horaire": settings_row.timezone if settings_row else None,
        "courriels": {
            p.event_type: p.get_frequency_display()
            for p in KindPreference.objects.filter(user=user)
        },
        "suivis": [
            {
                "objet": f"{f.target_type.app_label}.{f.target_type.model}:{f.target_id}",
                "niveau": f.get_level_display(),
                "automatique": f.automatic,
                "depuis": f.created_at.isoformat(),
            }
            for f in Follow.objects.filter(user=user).select_related("target_type")
        ],
        "notifications": [
            {
                "type": n.event_type,
                "texte": n.verb,
                "extrait": n.excerpt,
                "espace": n.space,
                "lien": n.url,
                "le": n.created_at.isoformat(),
                "lue_le": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(recipient=user)
        ],
    }


def erase_notifications(user, delete_contributions):
    Notification.objects.filter(recipient=user).delete()
    Notification.objects.filter(actor=user).delete()
    Follow.objects.filter(user=user).delete()
    KindPreference.objects.filter(user=user).delete()
    NotificationSettings.objects.filter(user=user).delete()


def register():
    register_exporter("notifications", export_notifications)
    register_eraser(erase_notifications)

"""The carnets' notification event types, registered with
``community.notifications`` from ``CarnetsConfig.ready()``. They name the
entry and link to it, never quote its text (a carnet may stay within the
team); each keeps the carnets' own e-mail when sent at once."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.notifications import register_event_type, register_followable

from .models import Entry

COLLECTIVE_ENTRY = "carnets.collective_entry"
FOLLOW_UP = "carnets.follow_up_reminder"
NUDGE = "carnets.nudge"
ENTRY_COMMENT = "carnets.entry_comment"


def _describe(verb):
    def describe(actor, target, context):
        return {
            "verb": verb % context,
            "space": context["team_name"],
            "url": context["url"],
        }

    return describe


def _team(target, context):
    carnet = getattr(target, "carnet", target)
    return [carnet.team]


def _entry(entry, context):
    return [entry]  # then its team (the followable's parent)


def register():
    # An entry is an author-owned item: its author (and whoever follows it)
    # hears of the feedback on it; it sits in its team.
    register_followable(Entry, parents=lambda entry: [entry.carnet.team])
    register_event_type(
        COLLECTIVE_ENTRY,
        gettext_lazy("Nouvelles synthèses collectives du carnet de mon équipe"),
        personal=True,
        followables=_team,
        describe=_describe(
            _("%(actor)s a commencé la synthèse « %(entry_title)s » (%(moment)s)")
        ),
        mail_template="carnets/email/collective_entry",
        auto_follow=lambda actor, entry, context: [(actor, entry)],
    )
    register_event_type(
        FOLLOW_UP,
        gettext_lazy("Relances des suites du carnet (1, 3 et 6 mois)"),
        personal=True,
        followables=_team,
        to_watchers=False,
        describe=_describe(_("Carnet : revenez sur vos engagements (%(checkpoint)s)")),
        mail_template="carnets/email/follow_up_reminder",
    )
    register_event_type(
        NUDGE,
        gettext_lazy("Relances des organisateurs pour le carnet"),
        personal=True,
        followables=_team,
        to_watchers=False,
        describe=_describe(_("Carnet : le moment « %(moment)s » attend votre équipe")),
        mail_template="carnets/email/nudge",
    )
    register_event_type(
        ENTRY_COMMENT,
        gettext_lazy("Retours sur les entrées de carnet"),
        personal=True,
        followables=_entry,
        describe=_describe(_("%(actor)s a fait un retour sur « %(entry_title)s »")),
        mail_template="carnets/email/entry_comment",
    )

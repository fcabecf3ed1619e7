"""What the carnets tell the team: a new collective synthesis, the follow-up
reminders (1, 3 and 6 months after the event), an organiser's « relance ».

Recipients are the team's members, each asked to the policy at send time
(someone who may no longer read the entry is not told about it). Messages
name the entry and link to it, never quote its text. They are published to
the notifications app (``notify``, types in ``notifications.py``), which
delivers them once the transaction commits, in the centre and by e-mail as
each member chose (at once by default, with the carnets' own messages).
"""

from django.conf import settings

from community.members import policy
from community.members.models import User
from community.notifications import notify

from .notifications import COLLECTIVE_ENTRY, ENTRY_COMMENT, FOLLOW_UP, NUDGE


def team_recipients(team, obj=None, exclude=None):
    users = User.objects.filter(
        team_memberships__team=team, is_active=True, is_deleted=False
    ).distinct()
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return [user for user in users if obj is None or policy.can_view(user, obj)]


def _publish(event_type, actor, target, recipients, context):
    if recipients:
        notify(event_type, actor, target, recipients=recipients, context=context)


def collective_entry_created(entry, actor):
    """Tell the team that a collective synthesis was started."""
    team = entry.carnet.team
    recipients = team_recipients(team, entry, exclude=actor)
    context = {
        "team_name": team.name,
        "entry_title": entry.title,
        "moment": entry.get_moment_display(),
        "actor": str(actor),
        "url": settings.WAGTAILADMIN_BASE_URL + entry.get_absolute_url(),
    }
    _publish(COLLECTIVE_ENTRY, actor, entry, recipients, context)


def follow_up_reminder(carnet, checkpoint, commitments):
    """Remind the team to revisit its commitments (``commitments``: titles of
    moment-3 entries every recipient may read)."""
    team = carnet.team
    recipients = team_recipients(team, carnet)
    context = {
        "team_name": team.name,
        "checkpoint": checkpoint.label,
        "commitments": commitments,
        "url": settings.WAGTAILADMIN_BASE_URL
        + carnet.get_absolute_url()
        + "#moment-suites",
    }
    _publish(FOLLOW_UP, None, carnet, recipients, context)
    return len(recipients)


def nudge_teams(teams, moment, actor):
    """An organiser's « relance »: the teams that have not written in ``moment``."""
    from .structure import carnet_for

    for team in teams:
        carnet = carnet_for(team)
        recipients = team_recipients(team, carnet)
        context = {
            "team_name": team.name,
            "moment": moment.label,
            "url": settings.WAGTAILADMIN_BASE_URL
            + carnet.get_absolute_url()
            + f"#moment-{moment.value}",
        }
        _publish(NUDGE, actor, carnet, recipients, context)


def entry_commented(entry, comment, actor):
    """Tell the entry's author (or, for a synthesis, its team) of feedback."""
    if entry.is_collective:
        recipients = team_recipients(entry.carnet.team, entry, exclude=actor)
    elif entry.author_id and entry.author_id != actor.pk:
        author = entry.author
        recipients = (
            [author]
            if author.is_active
            and not author.is_deleted
            and policy.can_view(author, entry)
            else []
        )
    else:
        recipients = []
    context = {
        "entry_title": entry.title,
        "team_name": entry.carnet.team.name,
        "actor": str(actor),
        "url": settings.WAGTAILADMIN_BASE_URL
        + entry.get_absolute_url()
        + f"#retour-{comment.pk}",
    }
    _publish(ENTRY_COMMENT, actor, entry, recipients, context)

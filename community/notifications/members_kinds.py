"""The event types of ``community.members`` (which may not import this app):
registered here, published there through ``home.notices.publish``. Each keeps
its app's own e-mail when sent at once."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.members import notices
from home import notices as home_notices

from .publishing import notify
from .registry import register_event_type


def _nothing_followed(target, context):
    return []


def _request_received(actor, request, context):
    return {
        "verb": _("%(member)s demande à rejoindre « %(community)s »")
        % {"member": actor, "community": context["community"].name},
        "excerpt": request.message,
        "space": context["community"].name,
        "url": context["community"].get_absolute_url(),
    }


def _request_decided(actor, request, context):
    verb = (
        _("Votre demande pour rejoindre « %(community)s » est acceptée")
        if context["approved"]
        else _("Votre demande pour rejoindre « %(community)s » est refusée")
    )
    return {
        "verb": verb % {"community": context["community"].name},
        "space": context["community"].name,
        "url": context["community"].get_absolute_url(),
    }


def _team_request_received(actor, request, context):
    return {
        "verb": _("%(member)s demande à rejoindre l'équipe « %(team)s »")
        % {"member": actor, "team": context["team"].name},
        "excerpt": request.message,
        "space": context["team"].name,
        "url": context["team"].get_absolute_url(),
    }


def _team_request_decided(actor, request, context):
    verb = (
        _("Votre demande pour rejoindre l'équipe « %(team)s » est acceptée")
        if context["approved"]
        else _("Votre demande pour rejoindre l'équipe « %(team)s » est refusée")
    )
    return {
        "verb": verb % {"team": context["team"].name},
        "space": context["team"].name,
        "url": context["team"].get_absolute_url(),
    }


def _team_empty(actor, team, context):
    return {
        "verb": _("L'équipe « %(team)s » n'a plus de membres") % {"team": team.name},
        "space": team.community.name,
        "url": team.get_absolute_url(),
    }


def register():
    personal = {
        "personal": True,
        "followables": _nothing_followed,
        "check_visibility": False,
    }
    register_event_type(
        notices.REQUEST_RECEIVED,
        gettext_lazy("Demandes d'adhésion à mes e-communautés (animateurs)"),
        describe=_request_received,
        mail_template="members/email/request_received",
        **personal,
    )
    register_event_type(
        notices.REQUEST_DECIDED,
        gettext_lazy("Réponses à mes demandes d'adhésion"),
        describe=_request_decided,
        mail_template="members/email/request_decided",
        **personal,
    )
    register_event_type(
        notices.TEAM_REQUEST_RECEIVED,
        gettext_lazy("Demandes pour rejoindre mes équipes (facilitateurs)"),
        describe=_team_request_received,
        mail_template="members/email/team_request_received",
        **personal,
    )
    register_event_type(
        notices.TEAM_REQUEST_DECIDED,
        gettext_lazy("Réponses à mes demandes pour rejoindre une équipe"),
        describe=_team_request_decided,
        mail_template="members/email/team_request_decided",
        **personal,
    )
    register_event_type(
        notices.TEAM_EMPTY,
        gettext_lazy("Équipes de mes e-communautés restées sans membre (animateurs)"),
        personal=True,
        followables=_nothing_followed,
        describe=_team_empty,
        mail_template="members/email/team_empty",
    )
    home_notices.set_publisher(notify)

"""The events' notification event types, registered with
``community.notifications`` from ``EventsConfig.ready()``: a place given from
the waiting list, a proposal received, accepted or refused. Each is about its
person (sent at once by default) and keeps the events' own e-mail."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.notifications import register_event_type

PROMOTED = "events.promoted"
PROPOSAL_RECEIVED = "events.proposal_received"
PROPOSAL_DECIDED = "events.proposal_decided"


def _promoted(actor, registration, context):
    session = context["session"]
    return {
        "verb": _("Une place s'est libérée : vous êtes inscrit·e à « %(title)s »")
        % {"title": session.title},
        "space": str(context["edition"].title),
        "url": session.get_absolute_url(),
    }


def _proposal(actor, proposal, context):
    verbs = {
        "received": _("Votre proposition « %(title)s » est bien reçue"),
        "accepted": _("Votre proposition « %(title)s » est retenue"),
        "rejected": _("Votre proposition « %(title)s » n'est pas retenue"),
    }
    return {
        "verb": verbs[context["outcome"]] % {"title": proposal.title},
        "space": str(context["call"]),
        "url": proposal.get_absolute_url(),
    }


def register():
    personal = {
        "personal": True,
        "followables": lambda target, context: [],
        "check_visibility": False,
    }
    register_event_type(
        PROMOTED,
        gettext_lazy("Places obtenues depuis la liste d'attente"),
        describe=_promoted,
        mail_template="events/email/promoted",
        **personal,
    )
    register_event_type(
        PROPOSAL_RECEIVED,
        gettext_lazy("Accusés de réception de mes propositions"),
        describe=_proposal,
        mail_template="events/email/proposal_received",
        **personal,
    )
    register_event_type(
        PROPOSAL_DECIDED,
        gettext_lazy("Décisions sur mes propositions"),
        describe=_proposal,
        **personal,
    )

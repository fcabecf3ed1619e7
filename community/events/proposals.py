"""The rules of a proposal and of its selection: parity, length, deadline,
the committee's workflow, decision e-mails and the committee's CSV export.

Forms call these checks so that the browser sees the same messages as the
server enforces; views never change a proposal's status themselves.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.notifications import notify

from .choices import PROPOSAL_TRANSITIONS, Gender, ProposalKind, ProposalStatus
from .lines import count_lines
from .models import ProposalStatusChange
from .notifications import PROPOSAL_DECIDED, PROPOSAL_RECEIVED

# The proposal form hands these two to the browser (data-* attributes), whose
# check before sending (static/events/js/proposal_form.js) fills in the same
# placeholders: both sides speak with the same words.
PARITY_MESSAGE = gettext_lazy(
    "Parité : proposez une femme et un homme comme intervenants (l'organisateur "
    "choisira qui sera en tribune pour respecter la parité de chaque atelier)."
)
LINES_MESSAGE = gettext_lazy(
    "La description compte %(lines)s ligne(s) non vide(s) : il en faut entre "
    "%(min)s et %(max)s."
)


class ProposalError(Exception):
    """A change refused, with the message to show (nothing was saved)."""


def parity_error(genders):
    """The message when ``genders`` (of the two speakers) break the parity rule."""
    if len(genders) != 2:
        return _(
            "Une proposition compte exactement deux intervenants : une femme et un homme."
        )
    if sorted(genders) != sorted([Gender.WOMAN, Gender.MAN]):
        return str(PARITY_MESSAGE)
    return None


def lines_error(text, call):
    lines = count_lines(text)
    if call.min_lines <= lines <= call.max_lines:
        return None
    return str(LINES_MESSAGE) % {
        "lines": lines,
        "min": call.min_lines,
        "max": call.max_lines,
    }


def deadline_error(call):
    if not call.has_opened:
        return _("L'appel n'est pas encore ouvert : il ouvre le %(date)s.") % {
            "date": date_format(timezone.localtime(call.opens_at), "j F Y à H:i")
        }
    if not call.is_open:
        return _(
            "L'appel à contributions est clos depuis le %(date)s : les propositions "
            "ne peuvent plus être enregistrées ni envoyées."
        ) % {"date": date_format(timezone.localtime(call.deadline), "j F Y à H:i")}
    return None


def submission_errors(proposal):
    """Why the stored ``proposal`` cannot be sent (empty when it can)."""
    errors = []
    problem = deadline_error(proposal.call)
    if problem:
        errors.append(problem)
    speakers = list(proposal.speakers.all())
    problem = parity_error([s.gender for s in speakers if s.gender])
    if problem or len(speakers) != 2:
        errors.append(problem or parity_error([]))
    for speaker in speakers:
        if not (
            speaker.name and speaker.function and speaker.organisation and speaker.email
        ):
            errors.append(
                _(
                    "Intervenant %(n)s : nom, fonction, organisme et courriel sont requis."
                )
                % {"n": speaker.position}
            )
    problem = lines_error(proposal.description, proposal.call)
    if problem:
        errors.append(problem)
    if proposal.kind == ProposalKind.WORKSHOP and proposal.rencontre_id is None:
        errors.append(
            _("Choisissez la rencontre dans laquelle vous proposez d'intervenir.")
        )
    return errors


def change_status(proposal, to_status, by):
    """Move ``proposal`` along the workflow; decisions e-mail its author."""
    from_status = proposal.status
    if to_status not in PROPOSAL_TRANSITIONS.get(from_status, set()):
        raise ProposalError(
            _("Une proposition « %(from)s » ne peut pas passer à « %(to)s ».")
            % {
                "from": ProposalStatus(from_status).label,
                "to": ProposalStatus(to_status).label,
            }
        )
    now = timezone.now()
    with transaction.atomic():
        proposal.status = to_status
        fields = ["status", "updated_at"]
        if to_status == ProposalStatus.RECEIVED:
            proposal.submitted_at = now
            fields.append("submitted_at")
        if to_status in (ProposalStatus.ACCEPTED, ProposalStatus.REJECTED):
            proposal.decided_at = now
            fields.append("decided_at")
        proposal.save(update_fields=fields)
        ProposalStatusChange.objects.create(
            proposal=proposal,
            from_status=from_status,
            to_status=to_status,
            changed_by=by,
            changed_at=now,
        )
        template = {
            ProposalStatus.RECEIVED: "events/email/proposal_received",
            ProposalStatus.ACCEPTED: "events/email/proposal_accepted",
            ProposalStatus.REJECTED: "events/email/proposal_rejected",
        }.get(to_status)
        if template:
            _tell_author(proposal, template)  # sent once the change commits
    return proposal


def submit(proposal, by):
    """Send a draft to the committee, after checking every rule on the server."""
    errors = submission_errors(proposal)
    if errors:
        raise ProposalError(" ".join(errors))
    return change_status(proposal, ProposalStatus.RECEIVED, by)


def _tell_author(proposal, template):
    outcome = template.rsplit("_", 1)[1]
    notify(
        PROPOSAL_RECEIVED if outcome == "received" else PROPOSAL_DECIDED,
        None,
        proposal,
        recipients=[proposal.author],
        context={
            "proposal": proposal,
            "call": proposal.call,
            "member": proposal.author,
            "outcome": outcome,
            "mail_template": template,
        },
    )


# --- CSV export for the committee ---------------------------------------------

CSV_HEADER = [
    "Numéro",
    "État",
    "Type",
    "Titre",
    "Organisme",
    "Rencontre",
    "Parcours",
    "Envoyée le",
    "Lignes de description",
    "Intervenant 1",
    "Genre 1",
    "Fonction 1",
    "Organisme 1",
    "Courriel 1",
    "Intervenant 2",
    "Genre 2",
    "Fonction 2",
    "Organisme 2",
    "Courriel 2",
    "Contexte",
    "Acteurs",
    "Caractère innovant",
    "Sujets de débat",
    "Description",
    "Bibliographie",
    "Commentaires du comité",
]


def csv_rows(proposals):
    """One row per proposal (speakers and comments prefetched), in the order
    of ``CSV_HEADER``; ``home.csv`` makes every cell formula-safe."""
    for proposal in proposals:
        speakers = {s.position: s for s in proposal.speakers.all()}
        row = [
            proposal.pk,
            proposal.get_status_display(),
            proposal.get_kind_display(),
            proposal.title,
            proposal.organisation,
            proposal.rencontre.title if proposal.rencontre else "",
            proposal.rencontre.track if proposal.rencontre else "",
            timezone.localtime(proposal.submitted_at).strftime("%d/%m/%Y %H:%M")
            if proposal.submitted_at
            else "",
            count_lines(proposal.description),
        ]
        for position in (1, 2):
            speaker = speakers.get(position)
            row += (
                [
                    speaker.name,
                    speaker.get_gender_display(),
                    speaker.function,
                    speaker.organisation,
                    speaker.email,
                ]
                if speaker
                else [""] * 5
            )
        row += [
            proposal.context,
            proposal.actors,
            proposal.innovation,
            proposal.debate_topics,
            proposal.description,
            proposal.bibliography,
            "\n".join(f"{c.author} : {c.body}" for c in proposal.comments.all()),
        ]
        yield row

"""What can be evaluated, by whom, and the one way an answer is recorded.

A *subject* is a session, a défi's workshop or a whole édition. Who may
answer: for a session, those whose registration to it was confirmed; for a
défi, the members of its teams; for an édition, both of those over all its
sessions and défis. An evaluation opens once its subject has ended (a défi's
workshop ends with the last « Défis » or « Exposition » session at its site,
or with the édition's last day when the programme has none).

``submit(user, subject, data)`` checks everything again and writes the
anonymous answer and the receipt in one transaction: a second answer, an
answer from someone who was not there, or a mark out of range raises
``EvaluationRefused`` with a French sentence, and nothing is saved.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.challenges.models import ChallengePage
from community.events.choices import RegistrationStatus, SessionKind
from community.events.models import EditionPage, Registration, Session
from community.members.models import TeamMembership, User

from .choices import ComeBack, Scope
from .models import EvaluationAnswer, EvaluationForm, EvaluationReceipt

WORKSHOP_KINDS = (SessionKind.CHALLENGE_STEP, SessionKind.EXPOSITION)


class EvaluationRefused(Exception):
    """An answer that cannot be recorded; ``str()`` is the French reason."""


@dataclass
class Subject:
    scope: str
    obj: object  # Session, ChallengePage or EditionPage

    @property
    def key(self):
        return f"{self.scope}:{self.obj.pk}"

    @property
    def edition(self):
        return self.obj if self.scope == Scope.EDITION else self.obj.edition

    @property
    def venue(self):
        return None if self.scope == Scope.EDITION else self.obj.venue

    @property
    def track(self):
        if self.scope == Scope.SESSION:
            return self.obj.kind
        return SessionKind.CHALLENGE_STEP if self.scope == Scope.CHALLENGE else ""

    @property
    def title(self):
        if self.scope == Scope.SESSION:
            return _("la session « %(title)s »") % {"title": self.obj.title}
        if self.scope == Scope.CHALLENGE:
            return _("l'atelier du défi « %(title)s »") % {"title": self.obj.title}
        return _("l'édition « %(title)s »") % {"title": self.obj.title}

    @property
    def url_args(self):
        return [self.scope, self.obj.pk]

    def ends_at(self):
        """When the subject ended (or will end); ``None`` when unknown."""
        if self.scope == Scope.SESSION:
            return self.obj.end
        edition = self.edition
        if edition is None:
            return None
        sessions = Session.objects.filter(edition=edition)
        if self.scope == Scope.CHALLENGE:
            sessions = sessions.filter(kind__in=WORKSHOP_KINDS)
            if self.obj.venue_id:
                sessions = sessions.filter(venue_id=self.obj.venue_id)
        last = sessions.order_by("-end").values_list("end", flat=True).first()
        if last is not None:
            return last
        return timezone.make_aware(
            datetime.combine(edition.last_date + timedelta(days=1), time.min)
        )

    def has_ended(self, now=None):
        end = self.ends_at()
        return end is not None and end <= (now or timezone.now())

    def participants(self):
        """The active members who may answer (registered or team members)."""
        return User.objects.filter(self.participants_q(), is_active=True).distinct()

    def participants_q(self):
        confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
        if self.scope == Scope.SESSION:
            registered = confirmed.filter(session=self.obj)
            return Q(pk__in=registered.values("user_id"))
        if self.scope == Scope.CHALLENGE:
            members = TeamMembership.objects.filter(team__in=self.obj.teams.all())
            return Q(pk__in=members.values("user_id"))
        registered = confirmed.filter(session__edition=self.obj)
        members = TeamMembership.objects.filter(team__challenges__edition=self.obj)
        return Q(pk__in=registered.values("user_id")) | Q(
            pk__in=members.values("user_id")
        )

    def is_participant(self, user):
        if not user.is_authenticated:
            return False
        return self.participants().filter(pk=user.pk).exists()


MODELS = {
    Scope.SESSION: Session,
    Scope.CHALLENGE: ChallengePage,
    Scope.EDITION: EditionPage,
}


def subject_for(scope, pk):
    """The subject ``scope``/``pk``, or ``None``."""
    model = MODELS.get(scope)
    if model is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None or (scope != Scope.EDITION and obj.edition_id is None):
        return None
    return Subject(scope, obj)


def has_answered(user, subject):
    return EvaluationReceipt.objects.filter(user=user, subject=subject.key).exists()


def refusal(user, subject, form=None):
    """Why ``user`` may not answer about ``subject`` now (``None`` if they may)."""
    form = form or EvaluationForm.objects.filter(edition=subject.edition).first()
    if form is not None and not form.is_open:
        return _("Les évaluations de cette édition sont closes.")
    if not subject.is_participant(user):
        return _(
            "Seules les personnes inscrites à %(subject)s ou membres de ses équipes "
            "peuvent l'évaluer."
        ) % {"subject": subject.title}
    if not subject.has_ended():
        return _("L'évaluation de %(subject)s ouvrira une fois celle-ci terminée.") % {
            "subject": subject.title
        }
    if has_answered(user, subject):
        return _(
            "Vous avez déjà répondu à l'évaluation de %(subject)s : une seule "
            "réponse par personne."
        ) % {"subject": subject.title}
    return None


def submit(user, subject, *, satisfaction, learned="", improve="", come_back):
    """Record ``user``'s anonymous answer about ``subject``; raise
    ``EvaluationRefused`` (nothing saved) when it cannot be."""
    try:
        satisfaction = int(satisfaction)
    except (TypeError, ValueError):
        satisfaction = 0
    if not 1 <= satisfaction <= 5:
        raise EvaluationRefused(_("La satisfaction se note de 1 à 5."))
    if come_back not in ComeBack.values:
        raise EvaluationRefused(
            _("Répondez « oui », « peut-être » ou « non » à la dernière question.")
        )
    with transaction.atomic():
        form = EvaluationForm.for_edition(subject.edition)
        reason = refusal(user, subject, form)
        if reason:
            raise EvaluationRefused(reason)
        try:
            # The receipt first: the unique constraint stops a second answer
            # sent at the same moment (two tabs), and the answer is not saved.
            with transaction.atomic():
                EvaluationReceipt.objects.create(
                    user=user,
                    form=form,
                    subject=subject.key,
                    subject_title=subject.title[:300],
                )
        except IntegrityError:
            raise EvaluationRefused(
                _(
                    "Vous avez déjà répondu à cette évaluation : une seule réponse par "
                    "personne."
                )
            ) from None
        return EvaluationAnswer.objects.create(
            form=form,
            scope=subject.scope,
            session=subject.obj if subject.scope == Scope.SESSION else None,
            challenge=subject.obj if subject.scope == Scope.CHALLENGE else None,
            venue=subject.venue,
            track=subject.track,
            satisfaction=satisfaction,
            learned=learned.strip()[:2000],
            improve=improve.strip()[:2000],
            come_back=come_back,
        )


def subjects_of(edition):
    """Every subject of an édition: its sessions, its défis, itself."""
    sessions = Session.objects.filter(edition=edition).select_related("venue")
    challenges = ChallengePage.objects.filter(edition=edition).select_related(
        "venue", "edition"
    )
    return (
        [Subject(Scope.SESSION, s) for s in sessions]
        + [Subject(Scope.CHALLENGE, c) for c in challenges]
        + [Subject(Scope.EDITION, edition)]
    )


def pending_for(user, now=None):
    """The evaluations ``user`` may still answer (ended, open, not answered)."""
    if not user.is_authenticated:
        return []
    now = now or timezone.now()
    since = now - timedelta(days=90)
    answered = set(
        EvaluationReceipt.objects.filter(user=user).values_list("subject", flat=True)
    )
    closed = set(
        EvaluationForm.objects.filter(is_open=False).values_list(
            "edition_id", flat=True
        )
    )
    subjects = []
    sessions = Session.objects.filter(
        registrations__user=user,
        registrations__status=RegistrationStatus.CONFIRMED,
        end__lte=now,
        end__gte=since,
    ).select_related("edition", "venue")
    subjects += [Subject(Scope.SESSION, s) for s in sessions]
    challenges = ChallengePage.objects.filter(
        teams__memberships__user=user
    ).select_related("edition", "venue")
    subjects += [Subject(Scope.CHALLENGE, c) for c in challenges if c.edition_id]
    editions = {s.edition for s in subjects if s.edition is not None}
    subjects += [Subject(Scope.EDITION, e) for e in editions]
    seen = set()
    pending = []
    for subject in subjects:
        if subject.key in seen or subject.key in answered:
            continue
        seen.add(subject.key)
        if subject.edition.pk in closed:
            continue
        end = subject.ends_at()
        if end is not None and since <= end <= now:
            pending.append(subject)
    return pending

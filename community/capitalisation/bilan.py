"""The bilan of an édition: the organisers' foreword and conclusion around what
the site knows of it — the figures (participants, sessions held, défis by
status and by thème), each défi's one-page summary, the programme as it was
held (the sessions that took place) and the evaluation charts.

**Only what is public goes in, whoever asks** (as for a défi's booklet):
défis, teams and the édition's parts are read as the anonymous visitor
through the policy; evaluation results keep their anonymity threshold
(``results.py``) and leave out the answers about a défi the public may not
see, so that no bar names it. The answers' free text stays on the
organisers' results page: a bilan quotes what its organisers choose to
write.

Its PDF goes through ``pdf.py`` (``tasks.build_bilan``, cached in
``BilanPdf``). The number of queries does not grow with the number of défis.
"""

from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from community.challenges.choices import ChallengeStatus
from community.challenges.models import ChallengePage
from community.events.choices import RegistrationStatus, SessionKind
from community.events.models import Session
from community.members import policy
from community.members.models import LearningTeam

from . import results
from .booklet import anonymous
from .models import EvaluationForm
from .pdf import Printed

SUMMARY_WORDS = 45  # of each étape's summary, in a défi's one-page summary


def is_public(bilan):
    """Online and open to everyone: only then has it a PDF."""
    return policy.can_view(anonymous(), bilan)


def _challenges(edition):
    anon = anonymous()
    teams = policy.known_to(LearningTeam.objects.all(), anon).order_by("name")
    challenges = (
        policy.visible_to(ChallengePage.objects.filter(edition=edition), anon)
        .select_related("venue", "exposition")
        .prefetch_related(
            "themes",
            "people",
            "step_summaries",
            Prefetch("teams", queryset=teams, to_attr="public_teams"),
        )
        .order_by("venue__sort_order", "number", "title")
    )
    challenges = list(challenges)
    for challenge in challenges:
        challenge._people_read = list(challenge.people.all())
        challenge.summaries = sorted(
            (s for s in challenge.step_summaries.all() if s.summary),
            key=lambda s: s.step,
        )
        try:
            exposition = challenge.exposition
        except ChallengePage.exposition.RelatedObjectDoesNotExist:
            exposition = None
        challenge.told = (
            None if exposition is None or exposition.is_empty else (exposition)
        )
    return challenges


def _programme(edition):
    """The sessions that took place, pauses aside, site by site."""
    sessions = (
        Session.objects.filter(edition=edition, end__lt=timezone.now())
        .exclude(kind=SessionKind.BREAK)
        .select_related("venue")
        .order_by("venue__sort_order", "venue__name", "start", "title")
    )
    sites = {}
    for session in sessions:
        sites.setdefault(session.venue, []).append(session)
    return [{"venue": venue, "sessions": items} for venue, items in sites.items()]


def _participants(edition, challenges):
    """Registered to one of its sessions, or members of one of its teams."""
    teams = set(edition.teams.values_list("pk", flat=True))
    teams |= {team.pk for c in challenges for team in c.public_teams}
    return (
        get_user_model()
        .objects.filter(
            Q(
                session_registrations__session__edition=edition,
                session_registrations__status=RegistrationStatus.CONFIRMED,
            )
            | Q(team_memberships__team__in=teams)
        )
        .distinct()
        .count()
    )


def _figures(edition, challenges, programme):
    statuses = Counter(c.status for c in challenges)
    themes = Counter(theme.name for c in challenges for theme in c.themes.all())
    return {
        "participants": _participants(edition, challenges),
        "sessions": sum(len(site["sessions"]) for site in programme),
        "sites": len(programme),
        "challenges": len(challenges),
        "by_status": [
            (status.label, statuses[status.value])
            for status in ChallengeStatus
            if statuses[status.value]
        ],
        "by_theme": sorted(themes.items(), key=lambda item: (-item[1], item[0])),
    }


def _evaluations(edition, challenges):
    """The édition's charts, without the answers about a défi not public."""
    form = EvaluationForm.objects.filter(edition=edition).first()
    if form is None:
        return None
    public = {c.pk for c in challenges}
    answers = [
        a
        for a in results.answers_of(form)
        if a.challenge_id is None or a.challenge_id in public
    ]
    found = results.edition_results(form, answers=answers)
    found.pop("words")  # the free text stays with the organisers
    return found


def toc(challenges):
    return [
        ("avant-propos", _("Avant-propos")),
        ("chiffres", _("L'édition en chiffres")),
        ("defis", _("Les défis")),
        *((f"defi-{c.pk}", f"{c.label()} — {c.title}") for c in challenges),
        ("programme", _("Le programme tel qu'il s'est tenu")),
        ("evaluations", _("Les évaluations")),
        ("conclusion", _("Conclusion")),
    ]


def bilan_context(bilan):
    """All the bilan holds, read as the anonymous visitor."""
    edition = bilan.get_parent().specific
    challenges = _challenges(edition)
    programme = _programme(edition)
    return {
        "bilan": bilan,
        "edition": edition,
        "challenges": challenges,
        "programme": programme,
        "figures": _figures(edition, challenges, programme),
        "evaluations": _evaluations(edition, challenges),
        "summary_words": SUMMARY_WORDS,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "toc": toc(challenges),
    }


def page_context(bilan):
    return {**bilan_context(bilan), "public": is_public(bilan)}


def printed():
    from .models import BilanPdf

    return Printed("capitalisation/bilan/bilan_pdf.html", BilanPdf, "bilan")


def current_pdf(bilan):
    return printed().current(bilan, bilan_context(bilan))


def build(bilan):
    return printed().build(bilan, bilan_context(bilan))


def filename(bilan):
    return f"bilan-{slugify(bilan.get_parent().title)[:60] or bilan.pk}.pdf"

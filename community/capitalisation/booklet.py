"""A défi's livret de capitalisation: its fiche, its status history, the six
étapes and the exposition, its follow-up news, the public carnet entries of
its teams, the highlights of its public threads (the public messages its
porteur chose, else their most reacted-to), its linked resources and
bibliography (ISO 690).

**Only what is public goes in, whoever asks**: every piece is read as the
anonymous visitor through the policy (``policy.visible_to(qs,
AnonymousUser())``), so the same booklet is made for an organiser and for a
passer-by, and a private carnet entry, a thread of a restricted community or
a restricted resource never enters it.

The PDF (cover, contents with page numbers, numbered pages) goes through
the one pipeline of ``pdf.py``: made by the tasks worker
(``tasks.build_booklet``), kept in ``Booklet`` with the fingerprint of its
content, never served stale (a new public entry, a thread made private make
a new one).
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from community.carnets.models import Entry
from community.carnets.text import render_markdown
from community.challenges.models import ChallengeExposition
from community.discussions.choices import PostState
from community.discussions.models import Comment, Thread
from community.events.choices import ChallengeStep
from community.members import policy
from resources.bibliography.csl import format_references
from resources.bibliography.models import ReferencePage

from .pdf import Printed

HIGHLIGHTS_PER_THREAD = 3

# The contents, shown by the HTML page and the PDF (``print/toc.html``).
TOC = [
    ("fiche", _("La fiche défi")),
    ("historique", _("Historique du statut")),
    ("etapes", _("Les six étapes")),
    ("exposition", _("L'exposition")),
    ("carnets", _("Les carnets des équipes")),
    ("discussions", _("Temps forts des discussions")),
    ("ressources", _("Ressources et bibliographie")),
]


def anonymous():
    return AnonymousUser()


def is_public(challenge):
    return policy.can_view(anonymous(), challenge)


def _steps(challenge):
    summaries = dict(challenge.step_summaries.values_list("step", "summary"))
    return [
        {"number": step.value, "title": step.label, "summary": summaries.get(step, "")}
        for step in ChallengeStep
    ]


def _entries(teams):
    entries = policy.visible_to(
        Entry.objects.filter(carnet__team__in=teams), anonymous()
    ).select_related("carnet__team", "author", "prompt")
    entries = list(entries.order_by("carnet__team__name", "moment", "created_at"))
    for entry in entries:
        entry.body_html = render_markdown(entry.body)
    return entries


def _threads(challenge, teams):
    """Public threads of the défi and of its teams, each with its highlights:
    the public messages the porteur chose, else its most reacted-to."""
    from .models import Highlight

    threads = list(
        policy.visible_to(
            Thread.objects.filter(Q(challenge=challenge) | Q(team__in=teams)),
            anonymous(),
        )
        .filter(state=PostState.VISIBLE)
        .annotate(reaction_count=Count("reactions", distinct=True))
        .order_by("-reaction_count", "created_at")
    )
    chosen = set(
        Highlight.objects.filter(challenge=challenge).values_list(
            "comment_id", flat=True
        )
    )
    comments = (
        public_comments(threads)
        .filter(Q(reaction_count__gt=0) | Q(pk__in=chosen))
        .select_related("user")
        .order_by("-reaction_count", "submit_date")
    )
    picked, reacted = {}, {}
    for comment in comments:
        comment.chosen = comment.pk in chosen
        into = picked if comment.chosen else reacted
        into.setdefault(comment.discussion_id, []).append(comment)
    for thread in threads:
        thread.highlights = (
            picked.get(thread.pk) or reacted.get(thread.pk, [])[:HIGHLIGHTS_PER_THREAD]
        )
    return threads


def public_comments(threads):
    """The messages of ``threads`` the public may read, with their reactions."""
    return (
        policy.visible_to(Comment.objects.filter(discussion__in=threads), anonymous())
        .filter(state=PostState.VISIBLE)
        .annotate(reaction_count=Count("reactions", distinct=True))
    )


def booklet_threads(challenge):
    """The public threads the booklet draws on (for choosing highlights)."""
    teams = list(policy.known_to(challenge.teams.all(), anonymous()))
    return _threads(challenge, teams)


def _resources(challenge):
    """The linked resources the public may read: (references, other pages)."""
    pages = policy.visible_list(
        anonymous(),
        [item.page for item in challenge.related_resources.select_related("page")],
    )
    pages = [page.specific for page in pages]
    references = [p for p in pages if isinstance(p, ReferencePage)]
    others = [p for p in pages if not isinstance(p, ReferencePage)]
    return references, others


def web_citation(page):
    """An ISO 690 citation of a page of this site (« NOM. Titre [en ligne]. … »)."""
    date = page.last_published_at or page.first_published_at
    return {
        "site": settings.WAGTAIL_SITE_NAME,
        "title": page.title,
        "year": date.year if date else None,
        "url": settings.WAGTAILADMIN_BASE_URL + page.url,
    }


def booklet_context(challenge):
    """All the booklet holds, read as the anonymous visitor."""
    anon = anonymous()
    teams = list(policy.known_to(challenge.teams.all(), anon).order_by("name"))
    exposition = ChallengeExposition.objects.filter(challenge=challenge).first()
    references, others = _resources(challenge)
    return {
        "challenge": challenge,
        "edition": policy.visible_one(anon, challenge.edition),
        "themes": list(challenge.themes.all()),
        "holders": [str(p) for p in challenge.holders()],
        "teams": teams,
        "history": list(challenge.status_changes.all()),
        "steps": _steps(challenge),
        "exposition": exposition if exposition and not exposition.is_empty else None,
        "news": list(challenge.news.all()),
        "entries": _entries(teams),
        "threads": _threads(challenge, teams),
        "references": format_references(references),
        "web_resources": [web_citation(page) for page in others],
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        "consulted_on": None,
        "toc": TOC,
    }


def printed():
    from .models import Booklet

    return Printed("capitalisation/booklet/booklet_pdf.html", Booklet, "challenge")


def booklet_html(context, generated_at=None):
    return printed().html(context, generated_at)


def fingerprint(challenge, context=None):
    """The SHA-256 of the booklet's content (its HTML without a date)."""
    return printed().fingerprint(context or booklet_context(challenge))


def current_booklet(challenge):
    """The stored PDF if it matches the content as it is now, else ``None``."""
    return printed().current(challenge, booklet_context(challenge))


def build(challenge):
    """Make and store the booklet's PDF unless the stored one is current."""
    return printed().build(challenge, booklet_context(challenge))


def filename(challenge):
    return f"livret-{slugify(challenge.title)[:60] or challenge.pk}.pdf"

"""A défi's livret de capitalisation: its fiche, its status history, the six
étapes and the exposition, its follow-up news, the public carnet entries of
its teams, the highlights of its public threads (their most reacted-to
messages), its linked resources and bibliography (ISO 690).

**Only what is public goes in, whoever asks**: every piece is read as the
anonymous visitor through the policy (``policy.visible_to(qs,
AnonymousUser())``), so the same booklet is made for an organiser and for a
passer-by, and a private carnet entry, a thread of a restricted community or
a restricted resource never enters it.

The PDF (WeasyPrint: cover, contents with page numbers, numbered pages) is
made by the tasks worker (``tasks.build_booklet``) and kept in ``Booklet``
with the *fingerprint* of its content — the SHA-256 of the booklet's HTML
made without its date of generation. A PDF is served only while its
fingerprint is the content's current one: a change (a new public entry, a
thread made private) makes a new one, and a stale PDF is never served.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from community.carnets.models import Entry
from community.carnets.text import render_markdown
from community.challenges.models import ChallengeExposition
from community.discussions.choices import PostState
from community.discussions.models import Comment, Thread
from community.events.choices import ChallengeStep
from community.members import policy
from resources.bibliography.csl import format_references
from resources.bibliography.models import ReferencePage

HIGHLIGHTS_PER_THREAD = 3


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
    """Public threads of the défi and of its teams, each with its most
    reacted-to public messages."""
    threads = list(
        policy.visible_to(
            Thread.objects.filter(Q(challenge=challenge) | Q(team__in=teams)),
            anonymous(),
        )
        .filter(state=PostState.VISIBLE)
        .annotate(reaction_count=Count("reactions", distinct=True))
        .order_by("-reaction_count", "created_at")
    )
    comments = (
        policy.visible_to(Comment.objects.filter(discussion__in=threads), anonymous())
        .filter(state=PostState.VISIBLE)
        .annotate(reaction_count=Count("reactions", distinct=True))
        .filter(reaction_count__gt=0)
        .select_related("user")
        .order_by("-reaction_count", "submit_date")
    )
    by_thread = {}
    for comment in comments:
        chosen = by_thread.setdefault(comment.discussion_id, [])
        if len(chosen) < HIGHLIGHTS_PER_THREAD:
            chosen.append(comment)
    for thread in threads:
        thread.highlights = by_thread.get(thread.pk, [])
    return threads


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
    }


def booklet_html(context, generated_at=None):
    return render_to_string(
        "capitalisation/booklet/booklet_pdf.html",
        {**context, "generated_at": generated_at},
    )


def fingerprint(challenge, context=None):
    """The SHA-256 of the booklet's content (its HTML without a date)."""
    html = booklet_html(context or booklet_context(challenge))
    return hashlib.sha256(html.encode()).hexdigest()


def render_pdf(context):
    from weasyprint import HTML

    from .pdf import refuse_fetch

    html = booklet_html(context, generated_at=timezone.localtime())
    return HTML(
        string=html, base_url=settings.WAGTAILADMIN_BASE_URL, url_fetcher=refuse_fetch()
    ).write_pdf()


def current_booklet(challenge):
    """The stored PDF if it matches the content as it is now, else ``None``."""
    from .models import Booklet

    booklet = Booklet.objects.filter(challenge=challenge).first()
    if booklet is None or booklet.fingerprint != fingerprint(challenge):
        return None
    return booklet


def build(challenge):
    """Make and store the booklet's PDF unless the stored one is current."""
    from .models import Booklet

    context = booklet_context(challenge)
    print_ = fingerprint(challenge, context)
    stored = Booklet.objects.filter(challenge=challenge, fingerprint=print_).first()
    if stored is not None:
        return stored
    booklet, _created = Booklet.objects.update_or_create(
        challenge=challenge,
        defaults={
            "fingerprint": print_,
            "pdf": render_pdf(context),
            "generated_at": timezone.now(),
        },
    )
    return booklet


def filename(challenge):
    return f"livret-{slugify(challenge.title)[:60] or challenge.pk}.pdf"

"""Every URL the site exposes, for the permission-leak crawl.

``URL_SOURCES`` lists functions ``(secrets) -> iterable of paths``. A new
capability that exposes URLs (threads, carnets, calls for contributions…)
adds one function here; the crawl then fetches them as every persona.
"""

from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

SEARCH_PATHS = ("/recherche/?q={}", "/recherche/api/?q={}")
EXPORT_FORMATS = ("bibtex", "ris", "csljson")


def live_pages(secrets):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.url
        if url:
            yield url
            if hasattr(page, "feed_url"):
                yield page.feed_url


def secret_urls(secrets):
    return (s.url for s in secrets if s.url)


def api(secrets):
    yield "/api/v2/pages/?limit=50"
    yield "/api/v2/pages/?limit=50&offset=50"
    yield "/api/v2/pages/?limit=50&offset=100"
    yield "/api/v2/images/?limit=50"
    yield "/api/v2/documents/?limit=50"
    for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True):
        yield f"/api/v2/pages/{pk}/"
    for pk in get_document_model().objects.values_list("pk", flat=True):
        yield f"/api/v2/documents/{pk}/"
    for pk in get_image_model().objects.values_list("pk", flat=True):
        yield f"/api/v2/images/{pk}/"


def documents_and_images(secrets):
    for document in get_document_model().objects.all():
        yield document.url
    for image in get_image_model().objects.all():
        yield image.file.url if image.file else None


def search(secrets):
    words = {s.search_word for s in secrets}
    for word in words:
        for path in SEARCH_PATHS:
            yield path.format(word)
            yield path.format(word.upper())


def bibliography_exports(secrets):
    page = Page.objects.filter(slug="bibliographie").first()
    if page:
        for fmt in EXPORT_FORMATS:
            yield f"{page.url}?format={fmt}"


def members(secrets):
    from community.members.models import Community, LearningTeam, User

    yield reverse("members:dashboard")
    yield reverse("members:directory")
    yield reverse("members:directory") + "?q=ZZ"
    yield reverse("members:team_start")
    for community in Community.objects.all():
        yield community.get_absolute_url()
        yield reverse("members:team_create", args=[community.slug])
    for team in LearningTeam.objects.all():
        yield team.get_absolute_url()
    for pk in User.objects.values_list("pk", flat=True):
        yield reverse("members:member", args=[pk])
    yield "/sitemap.xml"


def events(secrets):
    from community.events.models import (
        CallForContributionsPage,
        EditionPage,
        Proposal,
    )

    yield reverse("events:my_programme")
    yield reverse("events:my_calendar")
    for call in CallForContributionsPage.objects.live():
        yield call.route_url("committee")
        yield call.route_url("committee_csv")
    for proposal in Proposal.objects.select_related("call"):
        yield proposal.get_absolute_url()
        yield proposal.review_url()
    for edition in EditionPage.objects.live().prefetch_related("sites__venue"):
        yield edition.route_url("programme_ics")
        for site in edition.sites.all():
            yield edition.route_url("programme", site.venue.slug)


def carnets(secrets):
    """Carnets, entries and their pages, attachments, the facilitators'
    carnets, the organisers' overviews; secret links only when revoked or
    expired (a live one is meant to open its entry to whoever holds it)."""
    from django.db.models import Q
    from django.utils import timezone

    from community.carnets.models import (
        Attachment,
        Carnet,
        Entry,
        FacilitatorCarnet,
        ShareLink,
    )
    from community.events.models import EditionPage

    for carnet in Carnet.objects.select_related("team"):
        url = carnet.get_absolute_url()
        yield from (url, f"{url}partage/", f"{url}ecrire/")
    for entry in Entry.objects.all():
        url = entry.get_absolute_url()
        yield from (url, f"{url}versions/", f"{url}modifier/")
    for attachment in Attachment.objects.all():
        yield attachment.get_absolute_url()
    for link in ShareLink.objects.filter(
        Q(revoked_at__isnull=False) | Q(expires_at__lte=timezone.now())
    ):
        yield link.get_absolute_url()
    for carnet in FacilitatorCarnet.objects.all():
        yield carnet.get_absolute_url()
    for pk in EditionPage.objects.live().values_list("pk", flat=True):
        yield reverse("carnets:overview", args=[pk])


def discussions(secrets):
    from community.discussions.models import Comment, Thread
    from community.discussions.spaces import kind_of

    yield reverse("discussions:all")
    yield reverse("discussions:all") + "?theme=qualite-action-publique"
    yield reverse("discussions:moderation")
    spaces = set()
    for thread in Thread.objects.select_related("community", "team", "challenge"):
        yield thread.get_absolute_url()
        yield reverse("discussions:thread_history", args=[thread.pk])
        yield reverse("discussions:mentions", args=[thread.pk]) + "?q=ZZ"
        # The comments of a resource page load in batches from here.
        yield reverse("discussions:thread", args=[thread.pk]) + "?fragment=1"
        spaces.add((kind_of(thread.space).key, thread.space.slug))
    for key, slug in sorted(spaces):
        yield reverse("discussions:space", args=[key, slug])
        yield reverse("discussions:space", args=[key, slug]) + "?archives=1"
        yield reverse("discussions:feed", args=[key, slug])
    yield reverse("discussions:ask") + "?q=ZZ&espace=x:y"
    for pk in Comment.objects.values_list("pk", flat=True):
        yield reverse("discussions:comment_history", args=[pk])
        yield reverse("discussions:reply", args=[pk]) + "?citer=1"


def notifications(secrets):
    yield reverse("notifications:centre")
    yield reverse("notifications:preferences")
    yield reverse("notifications:following")
    yield reverse("notifications:unread_count")
    yield reverse("notifications:unsubscribe", args=["jeton-inconnu"])


def capitalisation(secrets):
    """Every défi's booklet (its HTML says what its PDF says) and the page
    choosing its highlights, every
    édition's evaluation results, the evaluations of each session."""
    from community.challenges.models import ChallengePage
    from community.events.models import EditionPage, Session

    for pk in ChallengePage.objects.values_list("pk", flat=True):
        yield reverse("capitalisation:booklet", args=[pk])
        yield reverse("capitalisation:booklet_highlights", args=[pk])
    for pk in EditionPage.objects.values_list("pk", flat=True):
        yield reverse("capitalisation:results", args=[pk])
        yield reverse("capitalisation:evaluate", args=["edition", pk])
    for pk in Session.objects.values_list("pk", flat=True)[:20]:
        yield reverse("capitalisation:evaluate", args=["session", pk])
    yield reverse("capitalisation:evaluations")


URL_SOURCES = [
    live_pages,
    secret_urls,
    api,
    documents_and_images,
    search,
    bibliography_exports,
    members,
    events,
    carnets,
    discussions,
    notifications,
    capitalisation,
]


def all_urls(secrets):
    seen = []
    for source in URL_SOURCES:
        for url in source(secrets):
            if url and url not in seen:
                seen.append(url)
    return seen

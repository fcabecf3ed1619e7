"""Paths of the seeded demo that depend on its data (sub-routes of pages),
for the suites that list URLs (accessibility, CSRF). Each function returns a
function ``() -> path``, called once the database is there."""


def session_route(name, kind=None):
    """A route of the first session (of ``kind``, with a capacity) of the demo."""

    def path():
        from community.events.models import Session

        sessions = Session.objects.exclude(capacity=None).order_by("pk")
        if kind is not None:
            sessions = sessions.filter(kind=kind)
        session = sessions.first()
        return session.edition.route_url(name, session.pk)

    return path


def programme():
    def path():
        from community.events.models import EditionSite

        site = EditionSite.objects.filter(edition__live=True).order_by("pk").first()
        return site.edition.specific.route_url("programme", site.venue.slug)

    return path


def call_route(name):
    """A route of the demo's call for contributions (proposer/, comite/…)."""

    def path():
        from community.events.models import CallForContributionsPage

        return CallForContributionsPage.objects.live().first().route_url(name)

    return path


def proposal_review():
    """The committee's page of the first sent proposal."""

    def path():
        from community.events.models import Proposal

        return Proposal.objects.submitted().order_by("pk").first().review_url()

    return path


def challenge_route(name):
    """A route of the first défi (avancement/, statut/, nouvelles/)."""

    def path():
        from community.challenges.models import ChallengePage

        page = ChallengePage.objects.live().order_by("pk").first()
        return page.route_url(name)

    return path


def team_member_route():
    """« Nommer facilitateur » for the first member of the demo's first team."""

    def path():
        from django.urls import reverse

        from community.members.models import TeamMembership

        membership = TeamMembership.objects.select_related("team").order_by("pk")[0]
        return reverse(
            "members:team_set_role", args=[membership.team.slug, membership.user_id]
        )

    return path


def thread_route(name):
    """A route of the demo's first thread of the national e-communauté
    (fils/<pk>/, repondre/, reagir/, animer/, modifier/…)."""

    def path():
        from django.urls import reverse

        from community.discussions.models import Thread

        thread = Thread.objects.filter(community__slug="innovation-publique").order_by(
            "pk"
        )[0]
        return reverse(f"discussions:{name}", args=[thread.pk])

    return path


def comment_route(name):
    """A route of the demo's first visible comment (modifier/, reagir/…)."""

    def path():
        from django.urls import reverse

        from community.discussions.models import Comment

        comment = Comment.objects.filter(state="visible").order_by("pk")[0]
        return reverse(f"discussions:{name}", args=[comment.pk])

    return path


def commented_resource():
    """The demo's first resource page with comments (a glossary term)."""

    def path():
        from wagtail.models import Page

        from community.discussions.models import Thread

        thread = Thread.objects.filter(page__isnull=False).order_by("pk")[0]
        return Page.objects.get(pk=thread.page_id).url

    return path


def report_route(kind="messages"):
    def path():
        from django.urls import reverse

        from community.discussions.models import Comment

        comment = Comment.objects.filter(state="visible").order_by("pk")[0]
        return reverse("discussions:report", args=[kind, comment.pk])

    return path


def moderation_decision():
    """The decision form of the demo's hidden comment (in the queue)."""

    def path():
        from django.urls import reverse

        from community.discussions.models import Comment

        comment = Comment.objects.filter(state="hidden").order_by("pk")[0]
        return reverse("discussions:decide", args=["messages", comment.pk])

    return path


CARNET_TEAM = "equipe-mobilites-rennes-2018"


def carnet_route(name="carnet"):
    """A route of the demo team's carnet (carnet, ecrire/, partage/…)."""

    def path():
        from django.urls import reverse

        return reverse(f"carnets:{name}", args=[CARNET_TEAM])

    return path


def entry_route(name="entry", **kwargs):
    """A route of the demo carnet's first collective synthesis."""

    def path():
        from django.urls import reverse

        from community.carnets.models import Entry

        entry = (
            Entry.objects.filter(carnet__team__slug=CARNET_TEAM, kind="collective")
            .order_by("pk")
            .first()
        )
        return reverse(f"carnets:{name}", kwargs={"pk": entry.pk, **kwargs})

    return path


def secret_link():
    """The demo's secret link (an entry opened to the collectivité's direction)."""

    def path():
        from community.carnets.models import ShareLink

        return ShareLink.objects.get(label="La direction").get_absolute_url()

    return path


def share_link_revoke():
    def path():
        from community.carnets.models import ShareLink

        return f"/communaute/carnets/liens/{ShareLink.objects.order_by('pk').first().pk}/revoquer/"

    return path


def facilitator_carnet(name="facilitator"):
    """The facilitator's carnet of the demo team's défi."""

    def path():
        from django.urls import reverse

        from community.challenges.models import ChallengePage

        challenge = ChallengePage.objects.filter(teams__slug=CARNET_TEAM).first()
        return reverse(f"carnets:{name}", args=[challenge.pk])

    return path


def carnet_overview(name="overview"):
    """The organisers' overview of the 2018 édition's carnets."""

    def path():
        from django.urls import reverse

        from community.events.models import EditionPage

        return reverse(
            f"carnets:{name}", args=[EditionPage.objects.get(slug="universite-2018").pk]
        )

    return path

"""A défi's booklet: what is public goes in — for whoever asks — and nothing
else; the PDF has a real layout, is cached and remade when content changes."""

import io
from types import SimpleNamespace

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from pypdf import PdfReader

from community.capitalisation import booklet
from community.capitalisation.models import Booklet
from community.carnets.choices import EntryKind, EntrySharing, Moment, Sharing
from community.carnets.editing import create_entry
from community.carnets.structure import carnet_for
from community.challenges.models import (
    ChallengeExposition,
    ChallengeRelatedResource,
    ChallengeStepSummary,
)
from community.challenges.tests.utils import make_challenge
from community.discussions import posting
from community.members.choices import CommunityAccess, TeamRole
from community.members.tests.utils import make_community, make_team, make_user
from home.models import HomePage
from home.tests.utils import make_standard_page

pytestmark = pytest.mark.django_db


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())  # lines broken anywhere, joined again


@pytest.fixture
def defi():
    """A public défi with public and private things around it."""
    superuser = make_user("admin-livret", is_superuser=True, is_staff=True)
    member = make_user("equipier-livret")
    public_team = make_team(
        make_community(CommunityAccess.PUBLIC, name="Communauté ouverte"),
        name="Équipe ouverte",
        members=[(member, TeamRole.PARTICIPANT)],
    )
    restricted_team = make_team(
        make_community(CommunityAccess.RESTRICTED, name="Communauté restreinte"),
        name="Équipe restreinte",
        members=[(member, TeamRole.PARTICIPANT)],
    )
    challenge = make_challenge("Comment capitaliser un défi ?", short_name="Capita")
    challenge.teams.add(public_team, restricted_team)
    challenge.save()
    ChallengeStepSummary.objects.create(
        challenge=challenge, step=1, summary="Nous avons rencontré les usagers."
    )
    ChallengeExposition.objects.create(
        challenge=challenge, prototype="Une maquette du guichet unique."
    )
    carnet = carnet_for(public_team)
    carnet.visibility = Sharing.PUBLIC
    carnet.save()
    create_entry(
        carnet,
        user=member,
        title="Synthese publique Zephyr",
        body="Ce que nous retenons.",
        moment=Moment.AFTER,
        kind=EntryKind.COLLECTIVE,
        visibility=EntrySharing.PUBLIC,
    )
    create_entry(
        carnet,
        user=member,
        title="Entree privee Quetzal",
        body="Nos doutes.",
        moment=Moment.DURING,
        kind=EntryKind.INDIVIDUAL,
        visibility=EntrySharing.TEAM,
    )
    restricted_carnet = carnet_for(restricted_team)
    restricted_carnet.visibility = Sharing.COMMUNITY
    restricted_carnet.save()
    create_entry(
        restricted_carnet,
        user=member,
        title="Entree communaute Walrus",
        body="Entre nous.",
        moment=Moment.AFTER,
        kind=EntryKind.COLLECTIVE,
        visibility=EntrySharing.CARNET,
    )
    thread = posting.create_thread(
        superuser,
        challenge,
        title="Fil public Pangolin",
        body="Parlons-en.",
        limited=False,
    )
    liked = posting.post_comment(
        superuser, thread, body="Message apprecie Narval", limited=False
    )
    posting.react(member, thread, "thumbs_up", comment=liked)
    posting.post_comment(
        superuser, thread, body="Message ignore Lemming", limited=False
    )
    posting.create_thread(
        superuser,
        restricted_team,
        title="Fil restreint Okapi",
        body="Réservé.",
        limited=False,
    )
    home = HomePage.objects.get()
    public_page = make_standard_page(home, "Guide public Tapir", slug="guide-tapir")
    private_page = make_standard_page(
        home, "Guide reserve Axolotl", slug="guide-axolotl"
    )
    PageViewRestriction.objects.create(page=private_page, restriction_type="login")
    for page in (public_page, private_page):
        ChallengeRelatedResource.objects.create(challenge=challenge, page=page)
    return challenge, superuser


PUBLIC = [
    "Comment capitaliser un défi",
    "Nous avons rencontré les usagers.",
    "Une maquette du guichet unique.",
    "Synthese publique Zephyr",
    "Fil public Pangolin",
    "Message apprecie Narval",
    "Guide public Tapir",
]
PRIVATE = [
    "Entree privee Quetzal",
    "Entree communaute Walrus",
    "Fil restreint Okapi",
    "Guide reserve Axolotl",
    "Message ignore Lemming",  # public, but no reaction: not a highlight
]


class TestBookletPdf:
    def test_public_content_only_with_a_real_layout(self, client, defi):
        challenge, superuser = defi
        client.force_login(superuser)  # whoever asks gets the public booklet
        response = client.get(
            reverse("capitalisation:booklet_pdf", args=[challenge.pk])
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        reader, text = pdf_text(response.content)
        for expected in PUBLIC:
            assert expected in text, expected
        for secret in PRIVATE:
            assert secret not in text, secret
        assert len(reader.pages) >= 4
        assert "LIVRET DE CAPITALISATION" in reader.pages[0].extract_text()
        contents = reader.pages[1].extract_text()
        assert "Sommaire" in contents and "Les carnets des équipes" in contents
        assert "Page 3 /" in reader.pages[2].extract_text()
        assert "ISO 690" in text

    def test_cached_then_remade_when_content_changes(self, client, defi):
        challenge, superuser = defi
        url = reverse("capitalisation:booklet_pdf", args=[challenge.pk])
        client.get(url)
        first = Booklet.objects.get(challenge=challenge)
        # Anonymous or superuser: the same content, the same PDF.
        client.logout()
        client.get(url)
        assert (
            Booklet.objects.get(challenge=challenge).generated_at == first.generated_at
        )
        ChallengeStepSummary.objects.create(
            challenge=challenge, step=2, summary="Immersion au guichet Ibis."
        )
        response = client.get(url)
        again = Booklet.objects.get(challenge=challenge)
        assert again.fingerprint != first.fingerprint
        assert "Immersion au guichet Ibis." in pdf_text(response.content)[1]

    def test_a_stale_pdf_is_never_served(self, client, defi, monkeypatch):
        challenge, _superuser = defi
        booklet.build(challenge)
        ChallengeStepSummary.objects.create(
            challenge=challenge, step=3, summary="Neuf."
        )
        # A worker that has not run yet: the stale PDF is not served.
        queued = []
        monkeypatch.setattr(
            "community.capitalisation.views.build_booklet",
            SimpleNamespace(enqueue=queued.append),
        )
        response = client.get(
            reverse("capitalisation:booklet_pdf", args=[challenge.pk])
        )
        assert response.status_code == 202
        assert queued == [challenge.pk]
        assert "en préparation" in response.text

    def test_a_defi_with_nothing_public_has_no_booklet(self, client, defi):
        challenge, superuser = defi
        PageViewRestriction.objects.create(page=challenge, restriction_type="login")
        client.force_login(superuser)
        page = client.get(reverse("capitalisation:booklet", args=[challenge.pk]))
        assert page.status_code == 200
        assert "n'est pas public" in page.text.replace("&#x27;", "'")
        pdf = client.get(reverse("capitalisation:booklet_pdf", args=[challenge.pk]))
        assert pdf.status_code == 302
        assert not Booklet.objects.filter(challenge=challenge).exists()
        client.logout()
        assert (
            client.get(
                reverse("capitalisation:booklet", args=[challenge.pk])
            ).status_code
            == 302
        )


class TestBookletPage:
    def test_the_html_page_shows_the_same_public_content(self, client, defi):
        challenge, superuser = defi
        client.force_login(superuser)
        page = client.get(reverse("capitalisation:booklet", args=[challenge.pk]))
        text = page.text.replace("&#x27;", "'")
        for expected in PUBLIC:
            assert expected in text, expected
        for secret in PRIVATE:
            assert secret not in text, secret

    def test_the_defi_page_links_to_its_booklet(self, client, defi):
        challenge, _superuser = defi
        page = client.get(challenge.url)
        assert reverse("capitalisation:booklet_pdf", args=[challenge.pk]) in page.text
        assert "Livret de capitalisation" in page.text

    def test_read_as_the_anonymous_visitor(self, defi):
        challenge, _superuser = defi
        context = booklet.booklet_context(challenge)
        assert [e.title for e in context["entries"]] == ["Synthese publique Zephyr"]
        assert [t.title for t in context["threads"]] == ["Fil public Pangolin"]
        assert booklet.is_public(challenge)


class TestChosenHighlights:
    """The porteur chooses the highlights of the booklet (undoable); a thread
    without a choice keeps its most reacted-to messages."""

    def _setup(self, defi):
        from community.challenges.choices import ChallengeRole
        from community.challenges.models import ChallengePerson
        from community.discussions.models import Comment

        challenge, _superuser = defi
        holder = make_user("porteuse-livret")
        ChallengePerson.objects.create(
            challenge=challenge, role=ChallengeRole.HOLDER, member=holder
        )
        ignored = Comment.objects.get(body_html__contains="Message ignore Lemming")
        return challenge, holder, ignored

    def test_the_porteur_chooses_and_undoes(self, client, defi):
        challenge, holder, ignored = self._setup(defi)
        url = reverse("capitalisation:booklet_highlights", args=[challenge.pk])
        client.force_login(holder)
        page = client.get(url)
        assert page.status_code == 200
        assert "Message ignore Lemming" in page.text
        assert "Entree" not in page.text  # carnets are not discussions
        assert "Fil restreint Okapi" not in page.text  # not public: not choosable
        response = client.post(url, {"comment": ignored.pk, "action": "add"})
        assert response.status_code == 302
        threads = booklet.booklet_context(challenge)["threads"]
        highlights = [c.pk for c in threads[0].highlights]
        assert highlights == [ignored.pk]  # the choice replaces the most reacted-to
        booklet_page = client.get(
            reverse("capitalisation:booklet", args=[challenge.pk])
        )
        assert "Message ignore Lemming" in booklet_page.text
        assert "Message apprecie Narval" not in booklet_page.text
        client.post(url, {"comment": ignored.pk, "action": "remove"})
        threads = booklet.booklet_context(challenge)["threads"]
        assert [c.body_html for c in threads[0].highlights][0].count("Narval") == 1

    def test_the_pdf_follows_the_choice(self, client, defi):
        challenge, holder, ignored = self._setup(defi)
        url = reverse("capitalisation:booklet_pdf", args=[challenge.pk])
        before = pdf_text(client.get(url).content)[1]
        assert "Message ignore Lemming" not in before
        client.force_login(holder)
        client.post(
            reverse("capitalisation:booklet_highlights", args=[challenge.pk]),
            {"comment": ignored.pk, "action": "add"},
        )
        assert "Message ignore Lemming" in pdf_text(client.get(url).content)[1]

    def test_others_may_not_choose(self, client, defi):
        from community.discussions.models import Comment

        challenge, _holder, ignored = self._setup(defi)
        superuser = defi[1]
        url = reverse("capitalisation:booklet_highlights", args=[challenge.pk])
        assert client.get(url).status_code == 302  # to log in
        member = make_user("simple-membre-livret")
        client.force_login(member)
        assert client.get(url).status_code == 403
        assert (
            client.post(url, {"comment": ignored.pk, "action": "add"}).status_code
            == 403
        )
        from community.capitalisation.models import Highlight

        assert not Highlight.objects.exists()
        # Nor may the porteur choose a message the public may not read.
        client.force_login(_holder)
        private = posting.post_comment(
            superuser, ignored.discussion, body="Message cache", limited=False
        )
        Comment.objects.filter(pk=private.pk).update(state="hidden")
        assert (
            client.post(url, {"comment": private.pk, "action": "add"}).status_code
            == 404
        )

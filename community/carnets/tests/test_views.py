"""The carnet as a member uses it: reading it (a constant number of queries),
writing, sharing, secret links, the team page's section, the dashboard."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.members import policy
from tests.support.sessions import logged_in_client

from ..choices import EntryKind, Moment
from ..editing import create_entry
from ..models import Entry, ShareLink
from .utils import World, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World("vues")


def test_carnet_page_shows_moments_prompts_and_entries(world):
    make_entry(world.carnet, world.alice, title="Mes attentes", body="**Écouter**")
    make_entry(
        world.carnet,
        world.bruno,
        title="Nos objectifs",
        kind=EntryKind.COLLECTIVE,
        moment=Moment.DURING,
    )
    response = logged_in_client(world.alice).get(world.carnet.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Moment 1 — cadrer et partager ses objectifs",
        "Moment 2 — partager ses apprentissages et questions",
        "Moment 3 — partager et engagements",
        "Suites",
        "Quelles sont mes attentes pour ces trois jours ?",
        "Mes attentes",
        "<strong>Écouter</strong>",
        "Nos objectifs",
        "Synthèse collective",
        "1 mois après",
    ):
        assert text in page, text


def _fill(carnet, author, count, start=0):
    Entry.objects.bulk_create(
        Entry(
            carnet=carnet,
            author=author,
            title=f"Entrée {i}",
            body=f"Texte {i}",
            moment=Moment.values[i % 4],
            kind=EntryKind.INDIVIDUAL,
        )
        for i in range(start, start + count)
    )


def test_carnet_page_query_count_is_constant(world, django_assert_max_num_queries):
    client = logged_in_client(world.alice)
    url = world.carnet.get_absolute_url()
    _fill(world.carnet, world.alice, 10)
    client.get(url)
    # 20, plus the header's unread notifications count.
    with django_assert_max_num_queries(21) as small:
        assert client.get(url).status_code == 200
    _fill(world.carnet, world.bruno, 290, start=10)
    with django_assert_max_num_queries(21) as large:
        response = client.get(url)
    assert response.status_code == 200
    assert "Entrée 299" in response.content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)


def _timed_fill(carnet, author, count, moment, start=0, **fields):
    """``count`` entries of ``moment``, one a day, in the order of their number."""
    now = timezone.now()
    Entry.objects.bulk_create(
        Entry(
            carnet=carnet,
            author=author,
            title=f"Entrée {i:03d}",
            body=f"Texte {i}",
            moment=moment,
            created_at=now - timedelta(days=1000 - i),
            **fields,
        )
        for i in range(start, start + count)
    )


def test_carnet_page_shows_each_moments_latest_entries_and_links_to_all(world):
    _timed_fill(world.carnet, world.alice, 12, Moment.DURING)
    synthesis = make_entry(
        world.carnet,
        world.bruno,
        title="Synthèse du moment 2",
        moment=Moment.DURING,
        kind=EntryKind.COLLECTIVE,
    )
    make_entry(world.carnet, world.bruno, title="Seule du moment 1")
    page = logged_in_client(world.alice).get(world.carnet.get_absolute_url())
    html = page.content.decode()
    # The synthesis and the five latest contributions; the older ones behind a link.
    assert f'id="entree-{synthesis.pk}"' in html
    for i in range(7, 12):
        assert f"Entrée {i:03d}" in html
    for i in range(7):
        assert f"Entrée {i:03d}" not in html
    assert "14 entrées" in html  # the header counts every entry
    assert '<a href="#moment-during">' in html and "(13)" in html
    assert "7 entrées plus anciennes ne sont pas affichées ici." in html
    assert 'href="?moment=during">Voir les 13 entrées de ce moment' in html
    # Moment 1 is whole: no link to its list.
    assert 'href="?moment=before"' not in html


def test_a_moments_page_lists_all_its_entries_a_page_at_a_time(world):
    _timed_fill(world.carnet, world.alice, 45, Moment.AFTER)
    client = logged_in_client(world.alice)
    url = world.carnet.get_absolute_url() + "?moment=after"
    first = client.get(url).content.decode()
    assert "<h1>Moment 3 — partager et engagements</h1>" in first
    assert "Entrées 1 à 20 sur 45" in first
    assert "Entrée 000" in first and "Entrée 019" in first
    assert "Entrée 020" not in first
    # An accessible pagination that keeps the moment.
    assert 'aria-label="Pagination"' in first
    assert 'href="?moment=after&amp;page=2" rel="next"' in first
    assert 'href="?moment=after" aria-current="page">Moment 3' in first
    third = client.get(url + "&page=3").content.decode()
    assert "Entrées 41 à 45 sur 45" in third
    assert "Entrée 044" in third and "Entrée 039" not in third
    assert 'aria-current="page" href="?moment=after&amp;page=3"' in third
    # An unknown moment is the whole carnet; a bad page number the first page.
    assert (
        "Sommaire"
        in client.get(world.carnet.get_absolute_url() + "?moment=x").content.decode()
    )
    assert "Entrée 000" in client.get(url + "&page=abc").content.decode()


def test_a_moments_page_groups_the_suites_by_checkpoint(world):
    _timed_fill(world.carnet, world.alice, 2, Moment.FOLLOW_UP, checkpoint=3)
    _timed_fill(world.carnet, world.alice, 2, Moment.FOLLOW_UP, start=2)
    html = (
        logged_in_client(world.alice)
        .get(world.carnet.get_absolute_url() + "?moment=suites")
        .content.decode()
    )
    assert html.index("3 mois après") < html.index("Entrée 000")
    assert html.index("Entrée 001") < html.index("Autres nouvelles des suites")
    assert html.index("Autres nouvelles des suites") < html.index("Entrée 002")


def test_counts_and_moment_pages_hold_only_what_the_reader_may_read(world):
    world.carnet.visibility = "communaute"
    world.carnet.save()
    _timed_fill(world.carnet, world.alice, 8, Moment.BEFORE)
    _timed_fill(
        world.carnet, world.alice, 3, Moment.BEFORE, start=8, visibility="equipe"
    )
    neighbour = logged_in_client(world.neighbour)
    html = neighbour.get(world.carnet.get_absolute_url()).content.decode()
    assert "8 entrées" in html and "Voir les 8 entrées de ce moment" in html
    assert "Entrée 008" not in html
    listing = neighbour.get(world.carnet.get_absolute_url() + "?moment=before")
    assert "Entrée 000" in listing.content.decode()
    assert "Entrée 008" not in listing.content.decode()
    assert (
        "Voir les 11 entrées"
        in logged_in_client(world.alice)
        .get(world.carnet.get_absolute_url())
        .content.decode()
    )
    # A stranger reads nothing, whatever the moment asked.
    assert (
        logged_in_client(world.stranger)
        .get(world.carnet.get_absolute_url() + "?moment=before")
        .status_code
        == 403
    )


def test_moment_page_query_count_is_constant(world, django_assert_max_num_queries):
    client = logged_in_client(world.alice)
    url = world.carnet.get_absolute_url() + "?moment=during&page=2"
    _fill(world.carnet, world.alice, 100)
    client.get(url)
    with django_assert_max_num_queries(21) as small:
        assert client.get(url).status_code == 200
    _fill(world.carnet, world.bruno, 400, start=100)
    with django_assert_max_num_queries(21) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_writing_an_entry(world):
    response = logged_in_client(world.alice).post(
        world.carnet.get_absolute_url() + "ecrire/",
        {
            "kind": EntryKind.INDIVIDUAL,
            "moment": Moment.DURING,
            "title": "Ce que j'ai appris",
            "body": "L'écoute des usagers.",
            "visibility": "carnet",
            "links": "/ressources/methodologies/mini-immersion/",
        },
    )
    entry = Entry.objects.get(carnet=world.carnet)
    assert response.status_code == 302
    assert response["Location"] == entry.get_absolute_url()
    assert entry.author == world.alice and entry.version == 1
    assert entry.revisions.count() == 1
    assert [p.slug for p in entry.related_pages.all()] == ["mini-immersion"]
    page = logged_in_client(world.bruno).get(entry.get_absolute_url()).content.decode()
    assert "Ce que j&#x27;ai appris" in page
    assert "/ressources/methodologies/mini-immersion/" in page


def test_unknown_links_are_refused(world):
    response = logged_in_client(world.alice).post(
        world.carnet.get_absolute_url() + "ecrire/",
        {
            "kind": EntryKind.INDIVIDUAL,
            "moment": Moment.BEFORE,
            "title": "T",
            "body": "B",
            "visibility": "carnet",
            "links": "/nulle-part/",
        },
    )
    assert response.status_code == 400
    assert "ne sont pas des pages du site" in response.content.decode()


def test_only_team_members_write(world):
    url = world.carnet.get_absolute_url() + "ecrire/"
    world.carnet.visibility = "public"
    world.carnet.save()
    assert logged_in_client(world.neighbour).get(url).status_code == 403
    data = {"kind": "individuelle", "moment": "before", "title": "x", "body": "y"}
    assert logged_in_client(world.neighbour).post(url, data).status_code == 403
    assert not Entry.objects.filter(carnet=world.carnet).exists()


def test_sharing_an_entry_and_the_carnet(world):
    entry = make_entry(world.carnet, world.alice, title="À partager")
    client = logged_in_client(world.alice)
    response = client.post(
        entry.get_absolute_url() + "partage/", {"visibility": "public"}
    )
    assert response.status_code == 302
    assert logged_in_client(None).get(entry.get_absolute_url()).status_code == 200
    # Bruno may not change Alice's signed entry's sharing.
    refused = logged_in_client(world.bruno).post(
        entry.get_absolute_url() + "partage/", {"visibility": "equipe"}
    )
    assert refused.status_code == 403
    client.post(
        world.carnet.get_absolute_url() + "reglages/", {"visibility": "membres"}
    )
    world.carnet.refresh_from_db()
    assert world.carnet.visibility == "membres"
    bad = client.post(
        world.carnet.get_absolute_url() + "reglages/", {"visibility": "x"}
    )
    assert bad.status_code == 302
    world.carnet.refresh_from_db()
    assert world.carnet.visibility == "membres"


class TestSecretLinks:
    def test_a_link_opens_the_entry_without_logging_in(self, world):
        entry = make_entry(world.carnet, world.alice, title="Pour la direction")
        other = make_entry(world.carnet, world.alice, title="Pas pour elle")
        client = logged_in_client(world.alice)
        client.post(
            world.carnet.get_absolute_url() + "liens/",
            {"label": "Direction", "days": 30, "entry": entry.pk},
        )
        link = ShareLink.objects.get(entry=entry)
        assert len(link.token) >= 40
        anonymous = logged_in_client(None)
        response = anonymous.get(link.get_absolute_url())
        page = response.content.decode()
        assert response.status_code == 200
        assert "Pour la direction" in page and "Pas pour elle" not in page
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        # The link reads; it does not open the entry's own page.
        assert anonymous.get(entry.get_absolute_url()).status_code == 404
        assert anonymous.get(other.get_absolute_url()).status_code == 404

    def test_revoked_and_expired_links_open_nothing(self, world):
        entry = make_entry(world.carnet, world.alice, title="Révocable")
        link = ShareLink.objects.create(carnet=world.carnet, entry=entry)
        client = logged_in_client(world.alice)
        assert (
            client.post(f"/communaute/carnets/liens/{link.pk}/revoquer/").status_code
            == 302
        )
        link.refresh_from_db()
        assert link.revoked_at is not None
        gone = logged_in_client(None).get(link.get_absolute_url())
        assert gone.status_code == 410 and "Révocable" not in gone.content.decode()
        expired = ShareLink.objects.create(
            carnet=world.carnet, expires_at=timezone.now() - timedelta(days=1)
        )
        response = logged_in_client(None).get(expired.get_absolute_url())
        assert response.status_code == 410 and "expiré" in response.content.decode()
        assert logged_in_client(None).get("/carnet-partage/inconnu/").status_code == 404

    def test_only_the_team_makes_and_revokes_links(self, world):
        link = ShareLink.objects.create(carnet=world.carnet)
        url = f"/communaute/carnets/liens/{link.pk}/revoquer/"
        assert logged_in_client(world.neighbour).post(url).status_code in (403, 404)
        link.refresh_from_db()
        assert link.revoked_at is None
        made = logged_in_client(world.neighbour).post(
            world.carnet.get_absolute_url() + "liens/", {"days": 7}
        )
        assert made.status_code == 403
        assert ShareLink.objects.filter(carnet=world.carnet).count() == 1

    def test_a_carnet_link_shows_every_entry(self, world):
        make_entry(world.carnet, world.alice, title="Première")
        make_entry(world.carnet, world.bruno, title="Seconde", moment=Moment.AFTER)
        link = ShareLink.objects.create(carnet=world.carnet)
        page = logged_in_client(None).get(link.get_absolute_url()).content.decode()
        assert "Première" in page and "Seconde" in page


def test_team_page_section(world):
    make_entry(world.carnet, world.alice, title="Une")
    page = logged_in_client(world.bruno).get(world.team.get_absolute_url())
    text = page.content.decode()
    assert "Carnet d&#x27;apprentissage" in text or "Carnet d'apprentissage" in text
    assert world.carnet.get_absolute_url() in text
    # The neighbour sees the team, not its team-only carnet.
    other = logged_in_client(world.neighbour).get(world.team.get_absolute_url())
    assert world.carnet.get_absolute_url() not in other.content.decode()


def test_dashboard_section(world):
    entry = make_entry(world.carnet, world.alice, title="Souvenir")
    page = logged_in_client(world.alice).get("/communaute/tableau-de-bord/")
    assert world.carnet.get_absolute_url() in page.content.decode()
    from community.members.models import TeamMembership

    TeamMembership.objects.filter(user=world.alice).delete()
    page = logged_in_client(world.alice).get("/communaute/tableau-de-bord/")
    text = page.content.decode()
    assert entry.get_absolute_url() in text
    assert world.carnet.get_absolute_url() not in text


def test_activity_shows_readable_entries_only(world):
    from community.members.activity import recent_activity

    make_entry(world.carnet, world.alice, title="Écrit d'équipe")
    create_entry(
        world.carnet,
        user=world.alice,
        title="Écrit pour la communauté",
        body="b",
        moment=Moment.BEFORE,
        visibility="communaute",
    )
    texts = [item.text for item in recent_activity(world.bruno)]
    assert any("Écrit d'équipe" in t for t in texts)
    neighbour = [item.text for item in recent_activity(world.neighbour)]
    assert any("pour la communauté" in t for t in neighbour)
    assert not any("Écrit d'équipe" in t for t in neighbour)
    assert policy.can_view(world.neighbour, world.team)


def test_new_collective_entry_tells_the_team(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        logged_in_client(world.alice).post(
            world.carnet.get_absolute_url() + "ecrire/",
            {
                "kind": EntryKind.COLLECTIVE,
                "moment": Moment.BEFORE,
                "title": "Synthèse secrète",
                "body": "Le contenu ne part jamais par courriel",
                "visibility": "carnet",
            },
        )
    recipients = sorted(address for m in mailoutbox for address in m.to)
    assert recipients == sorted([world.bruno.email, world.facilitator.email])
    for message in mailoutbox:
        assert "Synthèse secrète" in message.subject + message.body
        assert "ne part jamais" not in message.body


class TestComments:
    def test_team_members_and_readers_leave_feedback(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        entry = make_entry(world.carnet, world.alice, title="À commenter")
        url = entry.get_absolute_url() + "retours/"
        with django_capture_on_commit_callbacks(execute=True):
            response = logged_in_client(world.facilitator).post(
                url, {"comment": "Bravo pour **cette écoute**."}
            )
        assert response.status_code == 302
        page = logged_in_client(world.alice).get(entry.get_absolute_url())
        assert "<strong>cette écoute</strong>" in page.content.decode()
        assert [m.to for m in mailoutbox] == [[world.alice.email]]
        # An outsider may not comment a team-only entry, nor empty feedback.
        assert (
            logged_in_client(world.stranger).post(url, {"comment": "x"}).status_code
            == 403
        )
        logged_in_client(world.bruno).post(url, {"comment": " \u200b "})
        from ..models import EntryComment

        assert EntryComment.objects.count() == 1

    def test_feedback_is_removed_by_its_author_or_a_facilitator(self, world):
        from ..models import EntryComment

        entry = make_entry(world.carnet, world.alice, title="À commenter")
        logged_in_client(world.bruno).post(
            entry.get_absolute_url() + "retours/", {"comment": "<script>x()</script>"}
        )
        comment = EntryComment.objects.get()
        page = (
            logged_in_client(world.alice).get(entry.get_absolute_url()).content.decode()
        )
        assert "<script>x()" not in page
        remove = entry.get_absolute_url() + f"retours/{comment.pk}/supprimer/"
        assert logged_in_client(world.alice).post(remove).status_code == 403
        assert logged_in_client(world.facilitator).post(remove).status_code == 302
        comment.refresh_from_db()
        assert comment.is_removed


def test_dashboard_lists_the_facilitators_carnets(world):
    from community.challenges.tests.utils import make_challenge

    from ..views.facilitators import carnet_for_challenge

    challenge = make_challenge("Comment tableau ?", slug="defi-tableau")
    challenge.teams.add(world.team)
    challenge.save()
    carnet = carnet_for_challenge(challenge)
    page = logged_in_client(world.facilitator).get("/communaute/tableau-de-bord/")
    assert carnet.get_absolute_url() in page.content.decode()
    page = logged_in_client(world.alice).get("/communaute/tableau-de-bord/")
    assert carnet.get_absolute_url() not in page.content.decode()

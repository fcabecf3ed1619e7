"""Dates tell the truth: content of past éditions carries its édition's dates
(home page, API, sitemap, feeds, search sorted by date), and a session of a
past édition says it is over instead of offering free places."""

import re
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

import pytest

from community.challenges.models import ChallengePage
from community.events.models import CallForContributionsPage, EditionPage, Session
from community.events.tests.utils import make_edition, make_session
from search import service
from search.backends.base import SearchQuery

pytestmark = pytest.mark.django_db


def local_year(moment):
    return timezone.localtime(moment).year


def test_defis_editions_and_calls_of_the_demo_carry_their_dates():
    challenges = ChallengePage.objects.filter(edition__isnull=False)
    assert challenges.count() == 30
    for challenge in challenges.select_related("edition"):
        year = challenge.edition.year
        assert local_year(challenge.first_published_at) == year, challenge.slug
        assert local_year(challenge.last_published_at) == year, challenge.slug
    rennes = EditionPage.objects.get(slug="universite-2018")
    assert timezone.localtime(rennes.first_published_at).date() == date(2018, 7, 9)
    assert timezone.localtime(rennes.last_published_at).date() == date(2018, 7, 11)
    day_event = EditionPage.objects.get(slug="innovation-manageriale-2017")
    assert timezone.localtime(day_event.first_published_at).date() == date(2017, 6, 22)
    call = CallForContributionsPage.objects.get()
    assert local_year(call.first_published_at) == 2013


def test_the_home_page_news_show_the_editions_dates(client):
    content = client.get("/").content.decode()
    defis = content[content.index('<h3><a href="/defis/">') :]
    defis = defis[: defis.index("</ul>")]
    years = re.findall(r'<time datetime="(\d{4})-', defis)
    assert years and set(years) <= {"2017", "2018"}, years


def test_sitemap_lastmod_and_api_dates(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    entry = re.search(r"<loc>[^<]*/defis/2017-defi-1/</loc><lastmod>([^<]+)<", sitemap)
    assert entry and entry.group(1).startswith("2017-"), entry
    entry = re.search(
        r"<loc>[^<]*/evenements/universite-2018/</loc><lastmod>([^<]+)<", sitemap
    )
    assert entry and entry.group(1) == "2018-07-11"
    defi = ChallengePage.objects.get(slug="2018-rennes-defi-3")
    meta = client.get(f"/api/v2/pages/{defi.pk}/").json()["meta"]
    assert meta["first_published_at"].startswith("2018-07-09")


def test_the_documents_feed_dates_documents_by_their_own_date(client):
    feed = client.get("/ressources/documents/flux/").content.decode()
    entry = feed[feed.index("programme-cluny-2018") :]
    assert re.search(r"<published>2018-06-01", entry[:600]), entry[:600]
    published = re.findall(r"<published>(\d{4}-\d\d-\d\d)", feed)
    assert published == sorted(published, reverse=True)


def test_search_sorted_by_date_dates_defis_by_their_edition():
    results = service.search(
        AnonymousUser(),
        SearchQuery(text="comment", filters={"type": "defi"}, sort="date", per_page=50),
    )
    assert results.total >= 20
    years = []
    for hit in results.hits:
        page = ChallengePage.objects.get(url_path__endswith=hit.url.strip("/") + "/")
        assert hit.date.year == page.edition.year, hit.url
        years.append(hit.date.year)
    assert years == sorted(years, reverse=True)


class TestPastSessions:
    def test_the_programme_of_a_past_edition_says_terminee(self, client):
        edition = EditionPage.objects.get(slug="universite-2018")
        assert Session.objects.filter(edition=edition, capacity__isnull=False).exists()
        content = client.get(edition.url + "programme/rennes/").content.decode()
        assert "Terminée" in content
        assert "places libres" not in content and "place libre" not in content

    def test_a_past_session_page_offers_no_place(self, client):
        session = Session.objects.filter(
            edition__slug="universite-2018", capacity__isnull=False
        ).first()
        edition = session.edition
        content = client.get(
            edition.url + edition.reverse_subpage("session", args=[session.pk])
        ).content.decode()
        assert "Session terminée" in content
        assert "libre(s) sur" not in content
        assert "M'inscrire" not in content

    def test_a_coming_session_still_counts_its_places(self, client):
        edition = make_edition(slug="edition-a-venir")
        session = make_session(edition, capacity=12)
        venue = session.venue.slug
        content = client.get(
            edition.url + edition.reverse_subpage("programme", args=[venue])
        ).content.decode()
        content += client.get(
            edition.url + edition.reverse_subpage("session", args=[session.pk])
        ).content.decode()
        assert "12 places libres" in content
        assert "12 libre(s) sur 12" in content
        assert "Terminée" not in content

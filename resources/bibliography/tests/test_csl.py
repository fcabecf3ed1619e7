"""ISO 690 (French) formatting through citeproc-py, and the CSL-JSON item."""

import datetime

import pytest

from ..csl import format_plain, format_references, reference_csl
from .utils import make_reference

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def formatted(**fields):
    return str(format_references([make_reference(**fields)])[0])


class TestIso690:
    def test_book(self):
        assert formatted(
            title="Leading Public Sector Innovation: Co-creating for a Better Society",
            contributors=[("author", "Bason", "Christian", "")],
            publisher="Policy Press",
            publisher_place="Bristol",
            year=2010,
        ) == (
            "BASON, Christian, 2010. <i>Leading Public Sector Innovation: "
            f"Co-creating for a Better Society</i>. Bristol{NBSP}: Policy Press."
        )

    def test_chapter_with_editor_and_pages(self):
        assert formatted(
            title="Introduction: The Design for Policy Nexus",
            reference_type="chapter",
            contributors=[
                ("author", "Bason", "Christian", ""),
                ("editor", "Bason", "Christian", ""),
            ],
            container_title="Design for Policy",
            publisher="Gower",
            publisher_place="Farnham",
            year=2014,
            pages="1-8",
        ) == (
            "BASON, Christian, 2014. Introduction: The Design for Policy Nexus. "
            f"In{NBSP}: BASON, Christian (éd.), <i>Design for Policy</i>. "
            f"Farnham{NBSP}: Gower. pp.{NBSP}1‑8."
        )

    def test_journal_article_escapes_html(self):
        assert formatted(
            title="Enhancing Collaborative Innovation in the Public Sector",
            reference_type="article-journal",
            contributors=[
                ("author", "Sørensen", "Eva", ""),
                ("author", "Torfing", "Jacob", ""),
            ],
            container_title="Administration & Society",
            volume="43",
            issue="8",
            pages="842-868",
            year=2011,
        ) == (
            "SØRENSEN, Eva et TORFING, Jacob, 2011. Enhancing Collaborative "
            "Innovation in the Public Sector. <i>Administration &amp; Society</i>. "
            f"2011. Vol.{NBSP}43, n°{NBSP}8, pp.{NBSP}842‑868."
        )

    def test_report_by_an_organisation(self):
        assert formatted(
            title="Fostering Innovation in the Public Sector",
            reference_type="report",
            contributors=[("author", "", "", "OCDE")],
            publisher="OECD Publishing",
            publisher_place="Paris",
            year=2017,
        ) == (
            "OCDE, 2017. <i>Fostering Innovation in the Public Sector</i>. "
            f"Paris{NBSP}: OECD Publishing."
        )

    def test_web_page_with_access_date(self):
        assert formatted(
            title="Observatory of Public Sector Innovation",
            reference_type="webpage",
            contributors=[("author", "", "", "OCDE")],
            online_url="https://oecd-opsi.org/",
            accessed=datetime.date(2024, 3, 15),
        ) == (
            f"OCDE, [sans date]. Observatory of Public Sector Innovation. [en{NBSP}"
            f"ligne]. Disponible à l'adresse{NBSP}: https://oecd-opsi.org/ "
            f"[Consulté{NBSP}le{NBSP}15{NBSP}mars{NBSP}2024]."
        )

    def test_thesis(self):
        assert formatted(
            title="Une thèse",
            reference_type="thesis",
            contributors=[("author", "Martin", "Claire", "")],
            publisher="Université de Rennes",
            publisher_place="Rennes",
            year=2019,
            genre="Thèse de doctorat",
        ) == (
            "MARTIN, Claire, 2019. <i>Une thèse</i>. Thèse de doctorat. "
            f"Rennes{NBSP}: Université de Rennes."
        )

    def test_markup_in_data_is_never_rendered(self):
        html = formatted(
            title="<script>alert(1)</script>",
            contributors=[("author", "<b>Nom</b>", "", "")],
        )
        assert "<script>" not in html and "<b>" not in html
        assert "&lt;script&gt;" in html

    def test_plain_text_for_feeds(self):
        page = make_reference(title="R & D", year=2020)
        assert format_plain(page) == "DUPONT, Jeanne, 2020. R & D."


class TestCslJson:
    def test_item_carries_every_field(self):
        page = make_reference(
            title="Un article",
            reference_type="article-journal",
            contributors=[
                ("author", "Dupont", "Jeanne", ""),
                ("author", "", "", "OCDE"),
            ],
            container_title="Revue",
            date=datetime.date(2019, 5, 2),
            year=2019,
            doi="10.1000/xyz",
            tags=["design"],
            licence="CC BY 4.0",
        )
        item = reference_csl(page)
        assert item["type"] == "article-journal"
        assert item["author"] == [
            {"family": "Dupont", "given": "Jeanne"},
            {"literal": "OCDE"},
        ]
        assert item["issued"] == {"date-parts": [[2019, 5, 2]]}
        assert item["DOI"] == "10.1000/xyz"
        assert item["keyword"] == "design"
        assert item["license"] == "CC BY 4.0"
        assert item["id"] == "dupont2019"

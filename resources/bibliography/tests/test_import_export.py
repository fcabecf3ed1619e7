"""Reading BibTeX and RIS, duplicates, bad files, exports and the round trip."""

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy

from ..csl import reference_csl
from ..exporters import to_bibtex
from ..importers import ImportFileError, parse_file
from ..models import ReferencePage
from ..plan import apply_plan, build_plan, summary
from .utils import library, make_editor, make_reference

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
LIBRARY_URL = "/ressources/bibliographie/"


def read(name):
    return (DATA / name).read_bytes()


def import_bytes(name, data, user=None):
    parsed = parse_file(name, data)
    plan = build_plan(parsed.records, library())
    return summary(plan), apply_plan(plan, library(), user or make_editor())


def empty_library():
    for page in ReferencePage.objects.child_of(library()):
        page.delete()


class TestParsing:
    def test_bibtex_sample(self):
        parsed = parse_file("sample.bib", read("sample.bib"))
        assert parsed.warnings == []
        records = {r["citation_key"]: r for r in parsed.records}
        assert records["vincent2015"]["contributors"] == [
            {"role": "author", "family": "", "given": "", "literal": "La 27e Région"}
        ]
        assert records["vincent2015"]["publisher"] == "La Documentation française"
        assert records["vincent2015"]["tags"] == [
            "design des politiques publiques",
            "immersion",
        ]
        article = records["sorensen2011"]
        assert article["contributors"][0]["family"] == "Sørensen"
        assert article["container_title"] == "Administration & Society"
        assert article["pages"] == "842-868"
        assert records["bason2014intro"]["reference_type"] == "chapter"
        assert [c["role"] for c in records["bason2014intro"]["contributors"]] == [
            "author",
            "editor",
        ]
        assert records["puttick2014"]["publisher"] == "Nesta"
        assert records["opsi"]["reference_type"] == "webpage"
        assert records["opsi"]["accessed"] == "2024-03-15"

    def test_ris_sample(self):
        parsed = parse_file("sample.ris", read("sample.ris"))
        assert parsed.warnings == []
        levy, hartley, ocde, manzini = parsed.records
        assert levy["contributors"][0]["family"] == "Lévy"
        assert levy["tags"] == ["intelligence collective", "numérique"]
        assert hartley["pages"] == "27-34"
        assert hartley["container_title"] == "Public Money & Management"
        assert ocde["reference_type"] == "report"
        assert ocde["contributors"][0]["literal"] == "OCDE"
        assert manzini["contributors"][1] == {
            "role": "translator",
            "family": "Coad",
            "given": "Rachel",
            "literal": "",
        }


class TestDuplicates:
    def test_samples_against_the_demo_library(self):
        plan = build_plan(parse_file("s.bib", read("sample.bib")).records, library())
        actions = {row.record["citation_key"]: row.action for row in plan}
        assert actions == {
            "vincent2015": "unchanged",  # same title and year as the demo
            "sorensen2011": "unchanged",
            "bason2014intro": "create",
            "puttick2014": "unchanged",
            "opsi": "update",  # the file adds an access date
        }
        opsi = next(row for row in plan if row.record["citation_key"] == "opsi")
        assert opsi.changes == ["consulté le"]
        ris = build_plan(parse_file("s.ris", read("sample.ris")).records, library())
        assert {row.action for row in ris} == {"unchanged"}

    def test_doi_then_isbn_then_title_and_year(self):
        make_reference(title="Titre A", doi="10.1000/abc", year=2001)
        make_reference(title="Titre B", isbn="978-2-07-036822-8", year=2002)
        bib = (
            "@article{a, title={Autre titre}, doi={https://doi.org/10.1000/ABC}}\n"
            "@book{b, title={Autre}, isbn={9782070368228}}\n"
            "@book{c, title={titre  B !}, year={2002}}\n"
            "@book{d, title={Titre B}, year={1999}}\n"
            "@book{e, title={Titre B}, year={1999}}\n"
        )
        plan = build_plan(parse_file("x.bib", bib.encode()).records, library())
        assert [(row.action, row.matched_by) for row in plan] == [
            ("update", "DOI"),
            ("update", "ISBN"),
            ("update", "titre et année"),  # same words, new spelling
            ("create", ""),
            ("duplicate", ""),
        ]
        assert plan[4].duplicate_of == "@book{d"


class TestBadInput:
    def test_malformed_bibtex_keeps_the_readable_entries(self):
        data = (
            b"@book{ok1, title={Lisible}, year={2020}}\n"
            b"@article{broken, title = {pas ferm\xc3\xa9\n"
            b"@book{ok2, title={Lisible aussi}, year={2021}}\n"
        )
        parsed = parse_file("x.bib", data)
        assert [r["title"] for r in parsed.records] == ["Lisible", "Lisible aussi"]
        assert "syntaxe BibTeX incorrecte" in parsed.warnings[0]
        assert "ignorée" in parsed.warnings[0]

    def test_unknown_bibtex_type_is_kept_as_a_document(self):
        parsed = parse_file("x.bib", b"@poster{p, title={Une affiche}, year={2020}}")
        assert parsed.records[0]["reference_type"] == "document"
        assert "type d'entrée « poster » inconnu" in parsed.warnings[0]

    def test_unknown_ris_type_and_unclosed_entry(self):
        data = b"TY  - XXXX\nTI  - Inconnu\nER  - \nTY  - BOOK\nTI  - Sans fin\n"
        parsed = parse_file("x.ris", data)
        assert [r["title"] for r in parsed.records] == ["Inconnu"]
        assert "type RIS « XXXX » inconnu" in parsed.warnings[0]
        assert "sans fin" in parsed.warnings[1]

    def test_latin_1_file_is_read_with_a_warning(self):
        data = "@book{l, title={L'été des collectivités}, year={2020}}".encode(
            "latin-1"
        )
        parsed = parse_file("x.bib", data)
        assert parsed.records[0]["title"] == "L'été des collectivités"
        assert "n'est pas encodé en UTF-8" in parsed.warnings[0]

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "Le fichier est vide"),
            (b"   \n\n", "Le fichier est vide"),
            (b"%PDF-1.4\x00\x01binary", "n'est pas un fichier texte"),
            (b"Bonjour, voici ma bibliographie.", "Format non reconnu"),
            (b"@book{x, year={2020}}", "Aucune référence lisible"),
        ],
    )
    def test_unreadable_files_are_refused_with_a_reason(self, data, message):
        with pytest.raises(ImportFileError, match=message):
            parse_file("x.bib", data)

    def test_bad_year_and_url_are_dropped_with_a_warning(self):
        parsed = parse_file(
            "x.bib", b"@book{x, title={T}, year={vers 19XX}, url={pas une url}}"
        )
        assert parsed.records[0]["year"] is None
        assert parsed.records[0]["online_url"] == ""
        assert len(parsed.warnings) == 2

    def test_nothing_is_half_imported(self, monkeypatch):
        from .. import plan as plan_module

        data = b"@book{a, title={Premier}, year={2020}}\n@book{b, title={Second}, year={2020}}"
        records = parse_file("x.bib", data).records
        calls = []
        original = plan_module.save

        def failing_save(page, user, can_publish):
            calls.append(page.title)
            if len(calls) == 2:
                raise RuntimeError("panne au milieu de l'import")
            original(page, user, can_publish)

        monkeypatch.setattr(plan_module, "save", failing_save)
        before = ReferencePage.objects.count()
        with pytest.raises(RuntimeError):
            apply_plan(build_plan(records, library()), library(), make_editor())
        assert ReferencePage.objects.count() == before


class TestApply:
    def test_publisher_creates_live_references(self):
        counts = import_bytes("s.bib", read("sample.bib"))[1]
        assert counts["create"] == 1
        chapter = ReferencePage.objects.get(citation_key="bason2014intro")
        assert chapter.live
        assert chapter.contributors.count() == 2

    def test_without_publish_permission_references_are_drafts_in_moderation(self):
        user = make_editor("contributrice@example.org", publish=False)
        import_bytes("s.bib", read("sample.bib"), user=user)
        chapter = ReferencePage.objects.get(citation_key="bason2014intro")
        assert not chapter.live
        assert chapter.has_unpublished_changes
        assert chapter.get_latest_revision_as_object().title.startswith("Introduction")
        if chapter.get_workflow() is not None:
            assert chapter.workflow_in_progress


class TestExport:
    def test_formats_parse_back(self, client):
        bib = client.get(LIBRARY_URL, {"format": "bibtex"})
        assert bib["Content-Type"].startswith("application/x-bibtex")
        entries = bibtexparser.parse_string(bib.content.decode()).entries
        assert len(entries) >= 12
        ris = rispy.loads(client.get(LIBRARY_URL, {"format": "ris"}).content.decode())
        assert len(ris) == len(entries)
        items = json.loads(client.get(LIBRARY_URL, {"format": "csljson"}).content)
        assert {item["type"] for item in items} >= {"book", "report", "article-journal"}

    def test_filtered_selection_only(self, client):
        response = client.get(LIBRARY_URL, {"format": "ris", "type": "article-journal"})
        entries = rispy.loads(response.content.decode())
        assert entries and {e["type_of_reference"] for e in entries} == {"JOUR"}

    def test_one_reference(self, client):
        page = ReferencePage.objects.get(slug="levy-intelligence-collective")
        response = client.get(page.url, {"format": "bibtex"})
        assert "attachment" in response["Content-Disposition"]
        assert "@book{levy1994," in response.content.decode()

    def test_duplicate_keys_are_made_unique(self):
        make_reference(title="A", year=2020, citation_key="dupont2020")
        make_reference(title="B", year=2020, citation_key="dupont2020")
        items = [
            reference_csl(p) for p in ReferencePage.objects.filter(title__in=["A", "B"])
        ]
        keys = [e.key for e in bibtexparser.parse_string(to_bibtex(items)).entries]
        assert keys == ["dupont2020", "dupont2020b"]


class TestRoundTrip:
    @pytest.mark.parametrize("export_format", ["bibtex", "ris"])
    def test_export_then_import_changes_nothing(self, client, export_format):
        empty_library()
        editor = make_editor()
        import_bytes("s.bib", read("sample.bib"), user=editor)
        import_bytes("s.ris", read("sample.ris"), user=editor)
        make_reference(
            title="Tout & n'importe quoi {sauf} 50 % _ #",
            reference_type="article-newspaper",
            contributors=[
                ("author", "de la Fontaine", "Jean", ""),
                ("translator", "", "", "Agence Exemple"),
            ],
            date=__import__("datetime").date(2020, 5, 2),
            year=2020,
            doi="10.1000/a_b",
            tags=["Presse"],
        )
        exported = client.get(LIBRARY_URL, {"format": export_format}).content
        before = ReferencePage.objects.count()
        plan = build_plan(
            parse_file(f"x.{export_format[:3]}", exported).records, library()
        )
        assert [row for row in plan if row.action != "unchanged"] == []
        assert len(plan) == before

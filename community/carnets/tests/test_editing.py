"""No lost edit: versions, the stale save refused with both texts shown, the
three-way merge, revisions listed, compared and restored."""

import pytest

from tests.support.sessions import logged_in_client

from ..choices import EntryKind, Moment
from ..editing import EditConflict, save_entry
from ..models import Entry, EntryRevision
from ..text import diff_rows, merge3, render_markdown
from .utils import World, make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return World("edition")


def edit_data(entry, **changes):
    data = {
        "title": entry.title,
        "body": entry.body,
        "moment": entry.moment,
        "base_version": entry.version,
    }
    data.update(changes)
    return data


class TestMerge:
    def test_edits_on_different_lines_merge(self):
        base = "un\ndeux\ntrois\nquatre"
        mine = "un\nDEUX\ntrois\nquatre"
        theirs = "un\ndeux\ntrois\nQUATRE"
        assert merge3(base, mine, theirs) == "un\nDEUX\ntrois\nQUATRE"

    def test_edits_of_the_same_line_do_not(self):
        assert merge3("un\ndeux", "un\nDEUX", "un\ndeux !") is None

    def test_two_additions_at_the_end_do_not(self):
        assert merge3("un", "un\nmoi", "un\nelle") is None

    def test_identical_edits_merge_once(self):
        assert merge3("un\ndeux", "un\nDEUX", "un\nDEUX") == "un\nDEUX"

    def test_diff_rows(self):
        rows = diff_rows("a\nb", "a\nc")
        assert rows == [("same", "a"), ("removed", "b"), ("added", "c")]


class TestSaveEntry:
    def test_each_save_is_a_revision(self, world):
        entry = make_entry(world.carnet, world.alice, body="v1")
        save_entry(entry, user=world.alice, title="T", body="v2", base_version=1)
        save_entry(entry, user=world.alice, title="T", body="v3", base_version=2)
        assert entry.version == 3
        assert list(entry.revisions.values_list("version", "body")) == [
            (3, "v3"),
            (2, "v2"),
            (1, "v1"),
        ]

    def test_a_stale_save_is_refused_and_writes_nothing(self, world):
        entry = make_entry(
            world.carnet, world.alice, kind=EntryKind.COLLECTIVE, body="base"
        )
        save_entry(entry, user=world.bruno, title="T", body="Bruno", base_version=1)
        with pytest.raises(EditConflict) as caught:
            save_entry(entry, user=world.alice, title="T", body="Alice", base_version=1)
        assert caught.value.current.body == "Bruno"
        entry.refresh_from_db()
        assert (entry.version, entry.body) == (2, "Bruno")
        assert entry.revisions.count() == 2


class TestConflictScreen:
    def test_two_members_saving_from_the_same_version(self, world):
        entry = make_entry(
            world.carnet,
            world.alice,
            title="Synthèse",
            body="Nos objectifs",
            kind=EntryKind.COLLECTIVE,
        )
        url = entry.get_absolute_url() + "modifier/"
        alice, bruno = logged_in_client(world.alice), logged_in_client(world.bruno)
        # Both open version 1; Bruno saves first.
        first = bruno.post(url, edit_data(entry, body="Nos objectifs\nTexte de Bruno"))
        assert first.status_code == 302
        second = alice.post(url, edit_data(entry, body="Texte d'Alice"))
        assert second.status_code == 409
        page = second.content.decode()
        assert "Texte de Bruno" in page and "Texte d&#x27;Alice" in page
        assert "modifiée pendant que vous écriviez" in page
        entry.refresh_from_db()
        assert entry.body == "Nos objectifs\nTexte de Bruno"  # nothing overwritten
        # The form now starts from version 2: merging then saving works.
        form = second.context["form"]
        assert form.initial["base_version"] == 2
        merged = alice.post(
            url,
            edit_data(
                entry,
                body="Nos objectifs\nTexte de Bruno\nTexte d'Alice",
                base_version=2,
            ),
        )
        assert merged.status_code == 302
        entry.refresh_from_db()
        assert entry.version == 3
        assert "Texte de Bruno" in entry.body and "Texte d'Alice" in entry.body

    def test_edits_on_different_lines_are_merged_for_review(self, world):
        entry = make_entry(
            world.carnet,
            world.alice,
            body="un\ndeux\ntrois",
            kind=EntryKind.COLLECTIVE,
        )
        url = entry.get_absolute_url() + "modifier/"
        logged_in_client(world.bruno).post(
            url, edit_data(entry, body="UN\ndeux\ntrois")
        )
        response = logged_in_client(world.alice).post(
            url, edit_data(entry, body="un\ndeux\nTROIS")
        )
        assert response.status_code == 409
        assert response.context["conflict"]["merged"]
        assert response.context["form"].initial["body"] == "UN\ndeux\nTROIS"
        entry.refresh_from_db()
        assert entry.body == "UN\ndeux\ntrois"  # the merge is only proposed

    def test_starting_a_synthesis_someone_else_started_meanwhile(self, world):
        existing = make_entry(
            world.carnet,
            world.bruno,
            title="Synthèse du moment 1",
            body="Le texte de Bruno",
            kind=EntryKind.COLLECTIVE,
            moment=Moment.BEFORE,
        )
        response = logged_in_client(world.alice).post(
            world.carnet.get_absolute_url() + "ecrire/",
            {
                "kind": EntryKind.COLLECTIVE,
                "moment": Moment.BEFORE,
                "title": "Ma synthèse",
                "body": "Le texte d'Alice",
                "visibility": "carnet",
            },
        )
        assert response.status_code == 409
        page = response.content.decode()
        assert "Le texte de Bruno" in page and "Le texte d&#x27;Alice" in page
        assert response.context["entry"].pk == existing.pk
        assert Entry.objects.filter(carnet=world.carnet).count() == 1


class TestHistory:
    def test_compare_and_restore(self, world):
        entry = make_entry(world.carnet, world.alice, body="première")
        save_entry(
            entry, user=world.alice, title=entry.title, body="seconde", base_version=1
        )
        client = logged_in_client(world.alice)
        history = client.get(entry.get_absolute_url() + "versions/?de=1&a=2")
        assert history.status_code == 200
        page = history.content.decode()
        assert "<del" in page and "première" in page and "seconde" in page
        restored = client.post(
            entry.get_absolute_url() + "versions/1/restaurer/", {"base_version": 2}
        )
        assert restored.status_code == 302
        entry.refresh_from_db()
        assert (entry.version, entry.body) == (3, "première")
        assert "restaurée" in entry.revisions.get(version=3).note

    def test_restore_from_a_stale_page_is_refused(self, world):
        entry = make_entry(world.carnet, world.alice, body="première")
        save_entry(
            entry, user=world.alice, title=entry.title, body="seconde", base_version=1
        )
        response = logged_in_client(world.alice).post(
            entry.get_absolute_url() + "versions/1/restaurer/", {"base_version": 1}
        )
        assert response.status_code == 302
        entry.refresh_from_db()
        assert entry.body == "seconde"

    def test_history_is_the_teams(self, world):
        entry = make_entry(world.carnet, world.alice, visibility="public")
        url = entry.get_absolute_url() + "versions/"
        assert logged_in_client(world.bruno).get(url).status_code == 200
        assert logged_in_client(world.stranger).get(url).status_code == 403
        assert not EntryRevision.objects.none().exists()


class TestBadInput:
    def test_script_in_an_entry_is_neutralised(self, world):
        html = render_markdown(
            "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>"
        )
        assert "<script" not in html and 'href="javascript' not in html
        assert "<img" not in html and "&lt;script&gt;" in html

    def test_moving_to_a_moment_that_does_not_exist(self, world):
        entry = make_entry(world.carnet, world.alice)
        response = logged_in_client(world.alice).post(
            entry.get_absolute_url() + "modifier/", edit_data(entry, moment="moment-9")
        )
        assert response.status_code == 400
        assert "Ce moment n&#x27;existe pas" in response.content.decode()
        entry.refresh_from_db()
        assert (entry.moment, entry.version) == (Moment.BEFORE, 1)

    def test_missing_version_is_refused_not_overwritten(self, world):
        entry = make_entry(world.carnet, world.alice, body="garde")
        data = edit_data(entry, body="nouveau")
        del data["base_version"]
        response = logged_in_client(world.alice).post(
            entry.get_absolute_url() + "modifier/", data
        )
        assert response.status_code == 400
        entry.refresh_from_db()
        assert entry.body == "garde"

    def test_empty_and_oversized_texts(self, world):
        url = world.carnet.get_absolute_url() + "ecrire/"
        client = logged_in_client(world.alice)
        base = {"kind": "individuelle", "moment": "before", "visibility": "carnet"}
        empty = client.post(url, {**base, "title": "Titre", "body": " \u200b "})
        assert empty.status_code == 400 and "Écrivez le texte" in empty.content.decode()
        huge = client.post(url, {**base, "title": "Titre", "body": "x" * 50_001})
        assert "la limite est de" in huge.content.decode()
        assert not Entry.objects.filter(carnet=world.carnet).exists()

    def test_a_prompt_of_another_moment(self, world):
        from ..structure import guide_for

        prompt = next(p for p in guide_for(None).prompt_list if p.moment == "after")
        response = logged_in_client(world.alice).post(
            world.carnet.get_absolute_url() + "ecrire/",
            {
                "kind": "individuelle",
                "moment": "before",
                "prompt": prompt.pk,
                "title": "T",
                "body": "B",
                "visibility": "carnet",
            },
        )
        assert "appartient à un autre moment" in response.content.decode()
        assert not Entry.objects.filter(carnet=world.carnet).exists()

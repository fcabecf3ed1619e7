"""Exports: a real PDF (cover, contents, page numbers, the entries and their
images), read back with pypdf; Markdown and attachments in a ZIP; each with
the entries the reader may read."""

import io
import zipfile

from django.core.files.base import ContentFile

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.support.sessions import logged_in_client

from ..choices import AttachmentKind, EntryKind, Moment
from ..models import Attachment
from .utils import World, make_entry

pytestmark = pytest.mark.django_db


def png():
    output = io.BytesIO()
    Image.new("RGB", (60, 40), "teal").save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def world():
    world = World("export")
    entry = make_entry(
        world.carnet,
        world.alice,
        title="Ecouter avant de proposer",
        body="Nous avons rencontre six familles au bord du bassin.",
    )
    Attachment.objects.create(
        entry=entry,
        file=ContentFile(png(), name="bassin.png"),
        name="bassin.png",
        kind=AttachmentKind.IMAGE,
        description="Le bassin",
        width=60,
        height=40,
    )
    make_entry(
        world.carnet,
        world.bruno,
        title="Nos engagements communs",
        body="Presenter le prototype avant la rentree.",
        kind=EntryKind.COLLECTIVE,
        moment=Moment.AFTER,
        visibility="public",
    )
    return world


def text_of(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_has_cover_contents_entries_and_page_numbers(world):
    response = logged_in_client(world.alice).get(
        world.carnet.get_absolute_url() + "export.pdf"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader, text = text_of(response.content)
    assert len(reader.pages) >= 4  # cover, contents, then the moments
    cover = reader.pages[0].extract_text()
    assert world.team.name in cover and "carnet d'apprentissage" in cover.lower()
    assert "Sommaire" in reader.pages[1].extract_text()
    for expected in (
        "Ecouter avant de proposer",
        "six familles au bord du bassin",
        "Nos engagements communs",
        "Presenter le prototype",
        "Contribution de Alice",
        "Moment 1",
        "Page 2 /",
    ):
        assert expected in text, expected
    assert any("/XObject" in page["/Resources"] for page in reader.pages)  # the image


def test_pdf_of_chosen_moments_and_for_an_outside_reader(world):
    only = logged_in_client(world.alice).get(
        world.carnet.get_absolute_url() + "export.pdf?moments=after"
    )
    _, text = text_of(only.content)
    assert "Nos engagements communs" in text
    assert "Ecouter avant de proposer" not in text
    world.carnet.visibility = "membres"
    world.carnet.save()
    world.carnet.entries.filter(title__startswith="Ecouter").update(visibility="equipe")
    outside = logged_in_client(world.stranger).get(
        world.carnet.get_absolute_url() + "export.pdf"
    )
    _, text = text_of(outside.content)
    assert "Nos engagements communs" in text
    assert "Ecouter avant de proposer" not in text


def test_pdf_is_refused_to_who_may_not_read_the_carnet(world):
    url = world.carnet.get_absolute_url() + "export.pdf"
    assert logged_in_client(world.stranger).get(url).status_code == 403
    assert logged_in_client(None).get(url).status_code == 404


def test_markdown_zip_with_attachments(world):
    response = logged_in_client(world.bruno).get(
        world.carnet.get_absolute_url() + "export.zip"
    )
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "carnet.md" in names
    image = next(n for n in names if n.endswith("bassin.png"))
    markdown = archive.read("carnet.md").decode()
    assert "### Ecouter avant de proposer" in markdown
    assert f"]({image})" in markdown
    assert (
        archive.read(image)
        == world.carnet.entries.get(title__startswith="Ecouter")
        .attachments.get()
        .file.open("rb")
        .read()
    )


def test_pdf_fetches_nothing_but_the_attachments(world):
    from ..export import _attachment_fetcher

    fetcher = _attachment_fetcher([])
    for url in ("file:///etc/passwd", "http://127.0.0.1/", "carnet-piece:999999"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)

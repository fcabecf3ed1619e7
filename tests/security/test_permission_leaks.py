"""Permission-leak crawl: every URL, as every persona, never shows a secret.

The secrets (tests/support/cast.py) carry a unique token in their title; the
crawl fetches every URL of tests/security/crawl.py as each persona and fails
if a response shows the token of a secret that persona may not see. The other
way round, each persona allowed to see a secret finds it at its URL, so the
crawl cannot pass by seeing nothing.
"""

import pytest

from tests.security.crawl import all_urls
from tests.support.cast import PERSONAS, make_cast, make_secrets
from tests.support.sessions import logged_in_client

pytestmark = pytest.mark.django_db


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.fixture
def world():
    cast = make_cast()
    return cast, make_secrets(cast)


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_secret_leaks_to(world, persona):
    cast, secrets = world
    client = logged_in_client(cast[persona])
    urls = all_urls(secrets)
    assert len(urls) > 100, "le crawl doit couvrir tout le site de démonstration"
    leaks, server_errors = [], []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            server_errors.append(f"{url} → {response.status_code}")
            continue
        if response.status_code != 200:
            continue
        text = body(response)
        for secret in secrets:
            if persona not in secret.allowed and secret.token in text.upper():
                leaks.append(f"{secret.what} visible sur {url}")
    assert not server_errors, "\n".join(server_errors)
    assert not leaks, f"fuites pour « {persona} » :\n" + "\n".join(leaks)


@pytest.mark.parametrize("persona", PERSONAS)
def test_allowed_personas_do_see_their_secrets(world, persona):
    cast, secrets = world
    client = logged_in_client(cast[persona])
    for secret in secrets:
        if persona in secret.allowed:
            response = client.get(secret.url)
            assert response.status_code == 200, f"{secret.what} : {secret.url}"
            assert secret.token in body(response).upper(), secret.what


def test_no_secret_in_the_text_of_a_bilan_pdf(world):
    """A bilan's PDF is the same for everyone and holds what is public only:
    no secret's token is in its text, read back."""
    import io

    from pypdf import PdfReader

    from community.capitalisation.models import BilanPage

    cast, secrets = world
    client = logged_in_client(cast["editor"])  # whoever asks: the same PDF
    bilans = BilanPage.objects.live().filter(slug="bilan")
    assert bilans.exists()
    for bilan in bilans:
        response = client.get(bilan.url + "pdf/")
        assert response.status_code == 200, bilan.url
        reader = PdfReader(io.BytesIO(response.content))
        text = " ".join(page.extract_text() for page in reader.pages).upper()
        text = "".join(text.split())  # tokens broken across lines, joined
        for secret in secrets:
            if "anonymous" not in secret.allowed:
                assert secret.token not in text, f"{secret.what} dans {bilan.url}"

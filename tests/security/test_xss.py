"""XSS: every payload of xss_payloads.txt, written into every field of
xss_fields.py, rendered in Chromium, never runs.

The page gets a tripwire ``__xss()`` before any of its scripts; a dialog
(``alert``), a tripwire call, an ``on*`` attribute carrying a payload or a
``javascript:`` address in the rendered DOM fails the test. The page's
Content-Security-Policy is bypassed here: escaping must hold on its own.
"""

from pathlib import Path

import pytest

from tests.security.xss_fields import WRITABLE_FIELDS
from tests.support.browser import ARTIFACTS, slug
from tests.support.cast import make_cast
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).with_name("xss_payloads.txt")
SEPARATOR = " | "
TRIPWIRE = "window.__xss = () => { window.__xssFired = (window.__xssFired || 0) + 1; };"
INSPECT = """() => {
  const found = [];
  const urls = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href',
                'background', 'poster'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\x00-\\x1f]/g, '').toLowerCase();
      if (attr.name.startsWith('on') && /xss|alert|eval/.test(attr.value)) {
        found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      }
      if (urls.includes(attr.name) && /^(javascript|vbscript):/.test(value)) {
        found.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return {fired: window.__xssFired || 0, found};
}"""


def load_payloads():
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [
        line.replace("\\n", "\n")
        for line in lines
        if line.strip() and not line.startswith("# ")
    ]


def chunks(payloads, limit):
    """Payloads packed into values of at most ``limit`` characters."""
    current = ""
    for payload in payloads:
        if len(payload) > limit:
            continue  # longer than the field: a form would refuse it
        candidate = f"{current}{SEPARATOR}{payload}" if current else payload
        if len(candidate) > limit:
            yield current
            candidate = payload
        current = candidate
    if current:
        yield current


def test_the_corpus_is_large_enough():
    assert len(load_payloads()) >= 200


@pytest.fixture(scope="module")
def world(live_site, django_db_blocker):
    from wagtail.documents import get_document_model

    from community.members.choices import CommunityAccess, MembershipRole, TeamRole
    from community.members.models import User
    from community.members.tests.utils import add_member, make_community, make_team
    from home.api import public_collections

    with django_db_blocker.unblock():
        cast = make_cast()
        community = make_community(
            CommunityAccess.RESTRICTED, name=f"XSS {cast.suffix}"
        )
        add_member(community, cast["animateur"], MembershipRole.ANIMATEUR)
        add_member(community, cast["member"])
        cast.restricted_community = community
        cast.team = make_team(
            community,
            name=f"Équipe XSS {cast.suffix}",
            members=[
                (cast["animateur"], TeamRole.FACILITATEUR),
                (cast["member"], TeamRole.PARTICIPANT),
            ],
        )
        cast.public_document = (
            get_document_model()
            .objects.filter(collection__in=public_collections())
            .first()
        )
        cast.superuser = User.objects.create_superuser(
            f"xss-{cast.suffix}", f"xss-{cast.suffix}@example.org", "x"
        )
        return cast


def watch(chromium, live, user):
    context = browser_context(chromium, live, user, bypass_csp=True)
    context.add_init_script(TRIPWIRE)
    page = context.new_page()
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page, dialogs


def test_the_tripwire_catches_a_running_payload(chromium):
    """The harness itself: an unescaped payload is caught."""
    context = chromium.new_context()
    context.add_init_script(TRIPWIRE)
    page = context.new_page()
    page.set_content('<a href="javascript:x()">a</a><img src=x onerror="__xss()">')
    page.wait_for_timeout(200)
    result = page.evaluate(INSPECT)
    context.close()
    assert result["fired"] == 1
    assert len(result["found"]) == 2


@pytest.mark.parametrize("field", WRITABLE_FIELDS, ids=lambda f: slug(f.name))
def test_no_payload_runs(live, chromium, world, field):
    page, dialogs = watch(chromium, live, world[field.viewer])
    failures, rendered = [], 0
    for value in chunks(load_payloads(), field.max_length):
        path = field.write(world, value)
        page.goto(live(path))
        page.wait_for_timeout(30)  # let failing images fire their onerror
        result = page.evaluate(INSPECT)
        rendered += 1
        if result["fired"] or result["found"] or dialogs:
            shot = ARTIFACTS / "xss" / f"{slug(field.name)}-{rendered}.png"
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            failures.append(f"{value!r} → {result} {dialogs} ({shot})")
            dialogs.clear()
    page.context.close()
    assert rendered >= 5
    assert not failures, f"{field.name} :\n" + "\n".join(failures[:10])

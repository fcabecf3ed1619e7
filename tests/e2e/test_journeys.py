"""End-to-end journeys in Chromium, one test per journey, one step per action.

Each step is screenshotted into artifacts/e2e/<journey>/; a failing step is
named with its screenshot. A capability that lands adds its journey here as a
test function using ``Journey`` (pending ones are skipped with the issue that
will make them possible: never a fake pass).
"""

import re
import uuid
from urllib.parse import urlsplit

from django.core import mail

import pytest

from community.members.choices import MembershipRole, TeamRole
from community.members.models import Community, LearningTeam, Membership, TeamMembership
from community.members.tests.utils import PASSWORD, make_user
from tests.support.browser import Journey
from tests.support.sessions import browser_context

pytestmark = pytest.mark.browser

RESTRICTED_COMMUNITY = "/communaute/e-communautes/rennes/"
TEAM_SLUG = "equipe-mobilites-rennes-2018"


def test_the_browser_suites_start_from_the_seeded_demo(db):
    """Also makes pytest-django create the test database in a browser-only run
    (``-m browser``): it does so only when a collected test asks for ``db``."""
    assert Community.objects.filter(slug="rennes", access="restricted").exists()


def log_in(page, live, email, password):
    page.goto(live("/comptes/login/"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_newcomer_joins_a_restricted_community_and_a_team(live, chromium, outbox):
    suffix = uuid.uuid4().hex[:6]
    email = f"nouvelle-{suffix}@example.org"
    rennes = Community.objects.get(slug="rennes")
    animateur = make_user(f"animatrice-{suffix}")
    Membership.objects.create(
        community=rennes, user=animateur, role=MembershipRole.ANIMATEUR
    )
    TeamMembership.objects.create(
        team=LearningTeam.objects.get(slug=TEAM_SLUG),
        user=animateur,
        role=TeamRole.FACILITATEUR,
    )

    newcomer_context = browser_context(chromium, live)
    page = newcomer_context.new_page()
    journey = Journey(page, "nouvelle-venue")

    with journey.step("inscription"):
        page.goto(live("/comptes/signup/"))
        page.fill("input[name=email]", email)
        page.fill("input[name=display_name]", f"Nouvelle {suffix}")
        page.fill("input[name=password1]", PASSWORD)
        page.fill("input[name=password2]", PASSWORD)
        page.check("input[name=accept_terms]")
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
        assert "/comptes/confirm-email/" in page.url or "vérifi" in page.content()

    with journey.step("courriel de vérification"):
        assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
        message = mail.outbox[0]
        assert message.to == [email]
        link = re.search(r"https?://\S+/comptes/confirm-email/\S+/", message.body)
        assert link, message.body
        page.goto(live(urlsplit(link.group(0)).path))

    with journey.step("confirmation de l'adresse"):
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
        if "/comptes/login/" in page.url:
            log_in(page, live, email, PASSWORD)
        assert "/comptes/login/" not in page.url

    with journey.step("profil complété"):
        page.goto(live("/comptes/profil/"))
        page.fill("input[name=job_title]", "Chargée de mission participation")
        page.fill("input[name=organisation]", "Ville de Rennes")
        page.fill("textarea[name=bio]", "Je découvre l'innovation publique.")
        page.get_by_role("button", name="Enregistrer mon profil").click()
        page.wait_for_load_state()
        assert "Ville de Rennes" in page.content()

    with journey.step("demande d'adhésion à une e-communauté restreinte"):
        page.goto(live(RESTRICTED_COMMUNITY))
        page.fill("textarea[name=message]", "Je participe au site de Rennes.")
        page.get_by_role("button", name="Demander à rejoindre").click()
        page.wait_for_load_state()
        assert "en attente" in page.content()

    animateur_page = browser_context(chromium, live).new_page()
    approval = Journey(animateur_page, "nouvelle-venue-animatrice")
    with approval.step("l'animatrice se connecte et accepte la demande"):
        log_in(animateur_page, live, animateur.email, PASSWORD)
        animateur_page.goto(live(RESTRICTED_COMMUNITY))
        animateur_page.get_by_role("button", name=f"Accepter Nouvelle {suffix}").click()
        animateur_page.wait_for_load_state()
        assert "Demande acceptée" in animateur_page.content()

    with approval.step("l'animatrice l'ajoute à une équipe apprenante"):
        animateur_page.goto(live(f"/communaute/equipes/{TEAM_SLUG}/"))
        animateur_page.locator("form[action$='/ajouter/'] input[name=email]").fill(
            email
        )
        animateur_page.get_by_role("button", name="Ajouter à l'équipe").click()
        animateur_page.wait_for_load_state()
        assert f"Nouvelle {suffix}" in animateur_page.content()

    with journey.step("l'équipe apparaît sur son tableau de bord"):
        page.goto(live("/communaute/tableau-de-bord/"))
        assert page.get_by_text("mobilités partagées").first.is_visible()
        assert "E-communauté de Rennes" in page.content()

    newcomer_context.close()
    animateur_page.context.close()


@pytest.mark.skip(
    reason="issues 3 and 8 have landed: journey still to write (issue 12)"
)
def test_method_reviewed_published_and_found_without_accents(live, chromium):
    """Un éditeur écrit une méthodologie et la soumet à relecture, une seconde
    éditrice la publie, un visiteur anonyme la trouve par la boîte de recherche
    en tapant un mot sans accents."""


@pytest.mark.skip(reason="needs issue 5 (mini-conférences, inscriptions)")
def test_mini_conference_waiting_list_promotion(live, chromium):
    """Un membre s'inscrit à une mini-conférence qui devient complète ; le suivant
    est mis en liste d'attente, puis promu quand le premier se désinscrit
    (courriel dans la boîte d'envoi)."""


@pytest.mark.skip(reason="needs issue 5 (appels à contributions)")
def test_call_for_contributions_proposal_selected(live, chromium):
    """Un membre dépose une proposition (parité, 10 à 30 lignes contrôlées dans le
    navigateur et sur le serveur), un membre du comité la retient."""

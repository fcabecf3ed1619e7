"""End-to-end journeys in Chromium, one test per journey, one step per action.

Each step is screenshotted into artifacts/e2e/<journey>/; a failing step is
named with its screenshot. A capability that lands adds its journey here as a
test function using ``Journey`` (pending ones are skipped with the issue that
will make them possible: never a fake pass).
"""

import re
import uuid
from urllib.parse import urlsplit

from django.contrib.auth.models import Group
from django.core import mail

import pytest

from community.events.choices import Gender, ProposalStatus, RegistrationStatus
from community.events.models import Proposal, Registration
from community.events.tests.utils import (
    lines,
    make_call,
    make_committee,
    make_edition,
    make_session,
)
from community.members.choices import MembershipRole, TeamRole
from community.members.models import Community, LearningTeam, Membership, TeamMembership
from community.members.tests.utils import PASSWORD, make_user
from resources.editorial import EDITORS, WRITERS
from resources.models import MethodIndexPage, MethodPage
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


def test_a_team_is_created_on_a_defi_joined_and_on_both_dashboards(live, chromium):
    """Une membre forme une équipe apprenante sur un défi ; un autre membre de
    l'e-communauté la rejoint ; tous deux la voient sur leur tableau de bord."""
    from community.challenges.models import ChallengePage

    suffix = uuid.uuid4().hex[:6]
    team_name = f"Les Défricheuses {suffix}"
    national = Community.objects.get(slug="innovation-publique")
    founder = make_user(f"fondatrice-{suffix}")
    joiner = make_user(f"rejoignant-{suffix}")
    for user in (founder, joiner):
        Membership.objects.create(community=national, user=user)
    challenge = (
        ChallengePage.objects.live().filter(edition__year=2018).order_by("pk").first()
    )

    founder_context = browser_context(chromium, live, user=founder)
    page = founder_context.new_page()
    journey = Journey(page, "equipe-creee-rejointe")

    with journey.step("la fondatrice part du défi"):
        page.goto(live(challenge.url))
        page.get_by_role("link", name="Former une équipe sur ce défi").click()
        page.wait_for_load_state()
        assert "/equipes/nouvelle/" in page.url, page.url
        assert page.locator("select[name=defi]").input_value() == str(challenge.pk)
        assert page.locator("select[name=year]").input_value() == "2018"

    with journey.step("elle crée l'équipe et en devient facilitatrice"):
        page.fill("input[name=name]", team_name)
        page.fill("textarea[name=description]", "Nous testons un prototype d'accueil.")
        page.get_by_role("button", name="Créer l'équipe").click()
        page.wait_for_load_state()
        assert "vous en êtes le facilitateur" in page.content()
        assert page.get_by_role("heading", name=team_name).is_visible()
        assert page.get_by_role(
            "link", name=challenge.short_name or challenge.title, exact=False
        ).is_visible()

    team = LearningTeam.objects.get(name=team_name)
    joiner_context = browser_context(chromium, live, user=joiner)
    other = joiner_context.new_page()
    joining = Journey(other, "equipe-creee-rejointe-membre")

    with joining.step("un autre membre trouve l'équipe sur la page de l'e-communauté"):
        other.goto(live(national.get_absolute_url()))
        other.get_by_role("link", name=team_name).click()
        other.wait_for_load_state()
        assert other.url.endswith(team.get_absolute_url()), other.url

    with joining.step("il la rejoint"):
        other.get_by_role("button", name="Rejoindre l'équipe").click()
        other.wait_for_load_state()
        assert "Bienvenue dans l'équipe" in other.content()
        assert other.get_by_role("button", name="Quitter l'équipe").is_visible()

    with joining.step("l'équipe est sur son tableau de bord"):
        other.goto(live("/communaute/tableau-de-bord/"))
        teams_section = other.locator("section[aria-labelledby=dash-teams]")
        assert teams_section.get_by_role("link", name=team_name).is_visible()
        assert "Participant" in teams_section.inner_text()

    with journey.step("et sur celui de la fondatrice, avec son nouveau membre"):
        page.goto(live("/communaute/tableau-de-bord/"))
        teams_section = page.locator("section[aria-labelledby=dash-teams]")
        assert teams_section.get_by_role("link", name=team_name).is_visible()
        assert "Facilitateur" in teams_section.inner_text()
        page.goto(live(team.get_absolute_url()))
        assert page.get_by_role("link", name=str(joiner)).is_visible()

    founder_context.close()
    joiner_context.close()


def made_up_word():
    """A word no demo text contains: letters only, so that the French analysis
    chains (stemmer, n-grams) treat it as an ordinary word."""
    return "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:8])


def test_method_reviewed_published_and_found_without_accents(live, chromium):
    """Un éditeur écrit une méthodologie et la soumet à relecture, une seconde
    éditrice la publie, un visiteur anonyme la trouve par la boîte de recherche
    en tapant un mot sans accents."""
    word = made_up_word()
    # Both searched words carry an accent in the title, none in the query.
    title = f"Cartographie des énergies zé{word}"
    query = f"energies ze{word}"
    library = MethodIndexPage.objects.get()
    writer = make_user(f"redacteur-{word}")
    writer.groups.add(Group.objects.get(name=WRITERS))
    reviewer = make_user(f"editrice-{word}")
    reviewer.groups.add(Group.objects.get(name=EDITORS))

    writer_context = browser_context(chromium, live, user=writer)
    page = writer_context.new_page()
    journey = Journey(page, "methodologie-relue-publiee-trouvee")

    with journey.step("le rédacteur ouvre une nouvelle fiche méthode"):
        page.goto(live(f"/admin/pages/{library.pk}/add_subpage/"))
        page.wait_for_load_state()
        assert "/admin/pages/add/resources/methodpage/" in page.url, page.url

    with journey.step("il remplit le titre, l'objectif et la durée"):
        page.fill("#id_title", title)
        objective = page.locator(
            "[data-contentpath='objective'] [contenteditable='true']"
        )
        # Draftail (React) may still be mounting: type once it has the focus,
        # and go on once it has saved its content into the form's field.
        objective.click()
        page.wait_for_function(
            "editor => editor === document.activeElement",
            arg=objective.element_handle(),
        )
        page.keyboard.type("Repérer qui produit et consomme l'énergie du quartier.")
        page.wait_for_function(
            "() => document.querySelector('input[name=objective]').value"
            ".includes('consomme')"
        )
        page.fill("#id_duration_minutes", "90")

    with journey.step("il soumet la fiche à la relecture"):
        page.get_by_role("button", name="Plus d'actions").click()
        # A Rédacteur drafts and submits; publishing is the Éditeurs' call.
        assert page.get_by_role("button", name="Publier", exact=True).count() == 0
        with page.expect_navigation():
            page.get_by_role("button", name="Soumettre à Relecture").click()
        assert "créée et soumise pour modération" in page.content()
        method = MethodPage.objects.get(title=title)
        assert not method.live
        assert method.current_workflow_state.status == "in_progress"

    reviewer_context = browser_context(chromium, live, user=reviewer)
    review_page = reviewer_context.new_page()
    review = Journey(review_page, "methodologie-relue-publiee-trouvee-relectrice")
    with review.step("l'éditrice ouvre la fiche en attente de relecture"):
        review_page.goto(live(f"/admin/pages/{method.pk}/edit/"))
        assert review_page.locator("#id_title").input_value() == title

    with review.step("elle approuve : la fiche est publiée"):
        review_page.get_by_role("button", name="Plus d'actions").click()
        with review_page.expect_navigation():
            review_page.get_by_role(
                "button", name="Approuver et Publier", exact=True
            ).click()
        row = review_page.get_by_role("row").filter(has_text=title)
        assert "publiée" in row.inner_text().lower(), row.inner_text()
        method.refresh_from_db()
        assert method.live
        assert method.current_workflow_state is None

    visitor_context = browser_context(chromium, live)
    visitor = visitor_context.new_page()
    search = Journey(visitor, "methodologie-relue-publiee-trouvee-visiteur")
    with search.step("un visiteur tape des mots du titre sans accents"):
        visitor.goto(live("/"))
        visitor.fill("#recherche-q", query)
        visitor.press("#recherche-q", "Enter")
        visitor.wait_for_url("**/recherche/?q=*")
        result = visitor.locator(".search-result__title a", has_text=title)
        assert result.count() == 1, visitor.locator(".search-results").inner_text()

    with search.step("il ouvre la fiche méthode trouvée"):
        result.click()
        visitor.wait_for_load_state()
        assert visitor.url == live(method.url)
        assert visitor.locator("h1").inner_text() == title

    for context in (writer_context, reviewer_context, visitor_context):
        context.close()


def test_mini_conference_waiting_list_promotion(live, chromium, outbox):
    """Un membre s'inscrit à une mini-conférence qui devient complète ; le suivant
    est mis en liste d'attente, puis promu quand le premier se désinscrit
    (courriel dans la boîte d'envoi)."""
    suffix = uuid.uuid4().hex[:6]
    # The demo's éditions are past: registrations need a session to come. An
    # édition page without view restriction is open to every member.
    edition = make_edition(slug=f"universite-{suffix}")
    session = make_session(
        edition, capacity=1, waiting_list=True, title=f"Mini-conférence {suffix}"
    )
    programme = edition.route_url("programme", session.venue.slug)
    first = make_user(f"premiere-{suffix}")
    second = make_user(f"second-{suffix}")

    first_context = browser_context(chromium, live, user=first)
    page = first_context.new_page()
    journey = Journey(page, "mini-conference-liste-d-attente")
    with journey.step("une membre ouvre la mini-conférence depuis le programme"):
        page.goto(live(programme))
        page.get_by_role("link", name=session.title).click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == session.title
        assert "1 libre(s) sur 1" in page.content()

    with journey.step("elle s'inscrit : sa place est confirmée"):
        page.get_by_role("button", name="M'inscrire").click()
        page.wait_for_load_state()
        assert "Vous êtes inscrit·e à cette session." in page.content()
        assert "0 libre(s) sur 1" in page.content()

    second_context = browser_context(chromium, live, user=second)
    second_page = second_context.new_page()
    waiting = Journey(second_page, "mini-conference-liste-d-attente-suivant")
    with waiting.step("un second membre trouve la session complète"):
        second_page.goto(live(session.get_absolute_url()))
        assert "La session est complète." in second_page.content()
        assert second_page.get_by_role("button", name="M'inscrire").count() == 0

    with waiting.step("il rejoint la liste d'attente"):
        second_page.get_by_role("button", name="Rejoindre la liste d'attente").click()
        second_page.wait_for_load_state()
        assert "Vous êtes sur la liste d'attente (position 1)." in (
            second_page.content()
        )
        assert Registration.objects.get(session=session, user=second).status == (
            RegistrationStatus.WAITING
        )

    with journey.step("la première annule son inscription"):
        page.reload()
        page.get_by_role("button", name="Annuler mon inscription").click()
        page.wait_for_load_state()
        assert "Votre inscription est annulée." in page.content()
        assert page.get_by_role("button", name="Annuler mon inscription").count() == 0

    with waiting.step("le suivant est prévenu par courriel"):
        assert [m.to for m in outbox] == [[second.email]], [m.subject for m in outbox]
        assert session.title in outbox[0].subject
        link = re.search(r"https?://\S+/sessions/\d+/", outbox[0].body)
        assert link, outbox[0].body
        second_page.goto(live(urlsplit(link.group(0)).path))
        assert "Vous êtes inscrit·e à cette session." in second_page.content()
        assert second_page.get_by_role(
            "button", name="Annuler mon inscription"
        ).is_visible()

    promoted = Registration.objects.get(session=session, user=second)
    assert promoted.status == RegistrationStatus.CONFIRMED and promoted.promoted
    first_context.close()
    second_context.close()


def test_call_for_contributions_proposal_selected(live, chromium, outbox):
    """Un membre dépose une proposition (parité, 10 à 30 lignes contrôlées dans le
    navigateur et sur le serveur), un membre du comité la retient."""
    suffix = uuid.uuid4().hex[:6]
    title = f"Un laboratoire fait par les agents {suffix}"
    # The demo's call (ETS 2013) is closed: an open call of the test's own.
    call = make_call(slug=f"appel-{suffix}")
    member = make_user(f"proposante-{suffix}")
    reviewer = make_user(f"comite-{suffix}")
    make_committee(call, reviewer)

    context = browser_context(chromium, live, user=member)
    page = context.new_page()
    journey = Journey(page, "appel-a-contributions")
    with journey.step("une membre ouvre l'appel à contributions ouvert"):
        page.goto(live(call.url))
        assert page.locator(".facts").get_by_text("Ouvert").is_visible()

    with journey.step("elle ouvre le formulaire de proposition"):
        page.get_by_role("link", name="Déposer une proposition").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Nouvelle proposition"

    with journey.step("elle remplit une proposition trop courte, sans parité"):
        page.get_by_label("Cas pratique").check()
        page.fill("#id_title", title)
        page.fill("#id_organisation", "Ville test")
        page.fill("#id_description", lines(5))
        for n in (0, 1):
            page.fill(f"#id_speakers-{n}-name", f"Intervenante {n + 1}")
            page.check(f"#id_speakers-{n}-gender_0")  # Femme, twice
            page.fill(f"#id_speakers-{n}-function", "Cheffe de projet")
            page.fill(f"#id_speakers-{n}-organisation", "Ville test")
            page.fill(
                f"#id_speakers-{n}-email", f"intervenante{n}-{suffix}@example.org"
            )
        # The counter speaks after a pause in typing.
        counter = page.locator("#id_description-compteur")
        counter.filter(has_text="5 lignes (entre 10 et 30) : encore 5").wait_for()

    with journey.step("le navigateur refuse l'envoi et dit pourquoi"):
        url = page.url
        page.get_by_role("button", name="Envoyer au comité").click()
        summary = page.locator("[data-check-message].error-summary")
        assert summary.is_visible()
        assert page.evaluate(
            "document.activeElement.classList.contains('error-summary')"
        )
        assert (
            "5 ligne(s) non vide(s) : il en faut entre 10 et 30" in summary.inner_text()
        )
        assert "Parité" in summary.inner_text()
        description = page.locator("#id_description")
        assert description.get_attribute("aria-invalid") == "true"
        note = page.locator("#id_description-verification")
        assert note.is_visible()
        assert (
            "id_description-verification"
            in description.get_attribute("aria-describedby").split()
        )
        gender = page.locator("fieldset:not(.speaker):has(#id_speakers-1-gender_0)")
        assert "parite-verification" in gender.get_attribute("aria-describedby").split()
        assert page.url == url
        assert not Proposal.objects.filter(author=member).exists()

    with journey.step("sans le contrôle du navigateur, le serveur refuse aussi"):
        with page.expect_navigation():
            page.evaluate(
                """() => {
                    const form = document.querySelector('form[data-proposal-checks]');
                    const action = document.createElement('input');
                    action.type = 'hidden';
                    action.name = 'action';
                    action.value = 'submit';
                    form.appendChild(action);
                    HTMLFormElement.prototype.submit.call(form);
                }"""
            )
        summary = page.locator("[data-error-summary]")
        assert summary.is_visible()
        assert "La proposition n'a pas été enregistrée" in summary.inner_text()
        assert "5 ligne(s) non vide(s)" in summary.inner_text()
        assert "Parité" in summary.inner_text()
        assert not Proposal.objects.filter(author=member).exists()

    with journey.step("elle corrige : 12 lignes, une femme et un homme"):
        page.fill("#id_description", lines(12))
        page.fill("#id_speakers-1-name", "Intervenant 2")
        page.check("#id_speakers-1-gender_1")  # Homme
        page.get_by_role("button", name="Envoyer au comité").click()
        page.wait_for_load_state()
        assert "Votre proposition est envoyée au comité de sélection." in (
            page.content()
        )
        proposal = Proposal.objects.get(author=member)
        assert proposal.status == ProposalStatus.RECEIVED
        assert [m.to for m in outbox] == [[member.email]]  # « bien reçue »
        assert sorted(proposal.speakers.values_list("gender", flat=True)) == [
            Gender.WOMAN,
            Gender.MAN,
        ]

    committee_context = browser_context(chromium, live, user=reviewer)
    committee_page = committee_context.new_page()
    committee = Journey(committee_page, "appel-a-contributions-comite")
    with committee.step("un membre du comité ouvre l'espace du comité"):
        committee_page.goto(live(call.url))
        committee_page.get_by_role("link", name="Espace du comité de sélection").click()
        committee_page.wait_for_load_state()
        row = committee_page.get_by_role("row").filter(has_text=title)
        assert "Reçue" in row.inner_text()

    with committee.step("il ouvre la proposition et la met en examen"):
        row.get_by_role("link", name=title).click()
        committee_page.wait_for_load_state()
        committee_page.get_by_label("Nouvel état").select_option(label="En examen")
        committee_page.get_by_role("button", name="Enregistrer").click()
        committee_page.wait_for_load_state()
        assert "La proposition est maintenant « En examen »." in (
            committee_page.content()
        )

    with committee.step("il la retient"):
        committee_page.get_by_label("Nouvel état").select_option(label="Retenue")
        committee_page.get_by_role("button", name="Enregistrer").click()
        committee_page.wait_for_load_state()
        assert "La proposition est maintenant « Retenue »." in (
            committee_page.content()
        )
        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.ACCEPTED

    with committee.step("la liste du comité montre la proposition retenue"):
        committee_page.goto(live(call.route_url("committee")))
        row = committee_page.get_by_role("row").filter(has_text=title)
        assert "Retenue" in row.inner_text()
        assert [m.to for m in outbox] == [[member.email]] * 2  # then « retenue »

    context.close()
    committee_context.close()


def test_carnet_collective_synthesis_conflict_and_pdf(live, chromium):
    """Issue 20: a member writes and shares an entry; two members write the
    collective synthesis at once; the second sees both texts, merges them,
    keeps a draft across a crash; the PDF downloads with the entries."""
    import io

    from pypdf import PdfReader

    from community.carnets.models import Entry
    from tests.accessibility.axe import blocking_violations, describe

    suffix = uuid.uuid4().hex[:6]
    rennes = Community.objects.get(slug="rennes")
    camille = make_user(f"camille-{suffix}")
    yann = make_user(f"yann-{suffix}")
    for user in (camille, yann):
        Membership.objects.create(community=rennes, user=user)
    team = LearningTeam.objects.create(
        name=f"Équipe parcours {suffix}",
        slug=f"equipe-parcours-{suffix}",
        community=rennes,
        year=2018,
    )
    for user in (camille, yann):
        TeamMembership.objects.create(team=team, user=user)

    context = browser_context(chromium, live, camille, bypass_csp=True)
    page = context.new_page()
    journey = Journey(page, "carnet-synthese-collective")

    with journey.step("elle ouvre le carnet depuis la page de l'équipe"):
        page.goto(live(team.get_absolute_url()))
        page.get_by_role("link", name="Ouvrir le carnet").click()
        page.wait_for_load_state()
        assert page.get_by_role(
            "heading", name="Moment 1 — cadrer et partager ses objectifs"
        ).is_visible()

    with journey.step("elle écrit une contribution et la partage"):
        page.get_by_role("link", name="Écrire une contribution (Moment 1").click()
        page.get_by_label("Titre").fill("Mes attentes pour ces trois jours")
        page.get_by_label("Texte").fill("Apprendre à **écouter** les usagers.")
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        assert "Votre entrée est enregistrée." in page.content()
        page.get_by_label("Qui peut lire cette entrée ?").select_option("public")
        page.get_by_role("button", name="Enregistrer le partage").click()
        page.wait_for_load_state()
        assert "Partage de l’entrée" in page.content() or "Partage de l'entrée" in (
            page.content()
        )
        assert Entry.objects.get(title__startswith="Mes attentes").visibility == (
            "public"
        )

    with journey.step("elle commence la synthèse collective du moment 1"):
        page.goto(live(f"/communaute/equipes/{team.slug}/carnet/"))
        page.get_by_role(
            "link", name="Commencer la synthèse collective (Moment 1"
        ).click()
        page.get_by_label("Titre").fill("Nos objectifs")
        page.get_by_label("Texte").fill("Écouter six familles.")
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        synthesis = Entry.objects.get(carnet__team=team, kind="collective")
        assert synthesis.version == 1

    edit_url = live(f"/communaute/carnets/entrees/{synthesis.pk}/modifier/")
    teammate_context = browser_context(chromium, live, yann)
    teammate = teammate_context.new_page()
    other = Journey(teammate, "carnet-synthese-collective-coequipier")
    with journey.step("les deux ouvrent la synthèse en même temps"):
        page.goto(edit_url)
        teammate.goto(edit_url)
        page.get_by_label("Texte").fill("Écouter six familles.\nTester un prototype.")
        teammate.get_by_label("Texte").fill(
            "Écouter six familles et trois agents d'accueil."
        )

    with other.step("le coéquipier enregistre le premier"):
        teammate.get_by_role("button", name="Enregistrer").click()
        teammate.wait_for_load_state()
        assert "version 2" in teammate.content()

    with journey.step("elle enregistre : refusé, les deux textes côte à côte"):
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", name="Deux versions à réunir").is_visible()
        theirs = page.locator("[data-conflict-theirs]").inner_text()
        mine = page.locator("[data-conflict-mine]").inner_text()
        assert "trois agents d'accueil" in theirs
        assert "Tester un prototype." in mine
        synthesis.refresh_from_db()
        assert synthesis.version == 2 and "trois agents" in synthesis.body
        violations = blocking_violations(page)
        assert not violations, describe(violations)

    with journey.step("elle réunit les deux textes et enregistre"):
        # Her addition and his change touch different lines: the editor
        # already holds both; she checks and saves.
        editor = page.get_by_role("textbox", name="Texte", exact=True)
        assert "trois agents" in editor.input_value()
        assert "Tester un prototype." in editor.input_value()
        editor.fill(
            "Écouter six familles et trois agents d'accueil.\nTester un prototype."
        )
        page.get_by_role("button", name="Enregistrer le texte réuni").click()
        page.wait_for_load_state()
        synthesis.refresh_from_db()
        assert synthesis.version == 3
        assert "trois agents" in synthesis.body and "prototype" in synthesis.body

    with journey.step("un brouillon survit à la fermeture de l'onglet"):
        page.goto(edit_url)
        page.get_by_label("Texte").fill("Un ajout pas encore enregistré.")
        page.wait_for_timeout(1200)  # the draft is kept after 0.7 s of quiet
        page.close()
        page = context.new_page()
        journey.page = page
        page.goto(edit_url)
        page.get_by_role("button", name="Restaurer ce brouillon").click()
        assert page.get_by_role("textbox", name="Texte", exact=True).input_value() == (
            "Un ajout pas encore enregistré."
        )

    with journey.step("elle télécharge le carnet en PDF"):
        page.goto(live(f"/communaute/equipes/{team.slug}/carnet/"))
        with page.expect_download() as download:
            page.get_by_role("button", name="Télécharger le PDF").click()
        pdf = download.value.path().read_bytes()
        assert pdf.startswith(b"%PDF")
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
        assert "Mes attentes pour ces trois jours" in text
        assert "Tester un prototype." in text

    context.close()
    teammate_context.close()


def test_carnet_organiser_and_facilitator_pages_are_accessible(live, chromium):
    """axe on the pages only organisers and facilitators reach."""
    from community.members.models import User
    from tests.accessibility.axe import blocking_violations, describe
    from tests.support import demo_paths

    organiser = User.objects.create_superuser(
        f"orga-{uuid.uuid4().hex[:6]}", f"orga-{uuid.uuid4().hex[:6]}@example.org", "x"
    )
    context = browser_context(chromium, live, organiser, bypass_csp=True)
    page = context.new_page()
    journey = Journey(page, "carnets-organisateurs")
    for name, path in (
        ("suivi des carnets de l'édition", demo_paths.carnet_overview()()),
        ("carnet du facilitateur", demo_paths.facilitator_carnet()()),
    ):
        with journey.step(name):
            response = page.goto(live(path))
            assert response.status == 200
            violations = blocking_violations(page)
            assert not violations, describe(violations)
    context.close()


def test_discussion_reply_mention_reaction_edit_report_and_decision(live, chromium):
    """Two members discuss in a thread: post, reply to the reply, the first
    sees the unread marker; a mention through the accessible field, a
    reaction, an edit with its history, a report and the animateur's decision."""
    from community.discussions.models import Comment, ModerationDecision, Thread
    from community.members.tests.utils import add_member, make_community

    suffix = uuid.uuid4().hex[:6]
    space = make_community(name=f"Discussions {suffix}")
    first, second = make_user(f"premiere-{suffix}"), make_user(f"seconde-{suffix}")
    first.display_name, second.display_name = f"Première {suffix}", f"Seconde {suffix}"
    first.save()
    second.save()
    animateur = make_user(f"animation-{suffix}")
    for user in (first, second):
        add_member(space, user)
    add_member(space, animateur, MembershipRole.ANIMATEUR)
    space_url = f"/communaute/discussions/communaute/{space.slug}/"

    first_page = browser_context(chromium, live, first).new_page()
    second_page = browser_context(chromium, live, second).new_page()
    journey = Journey(first_page, "discussion-premiere")
    other = Journey(second_page, "discussion-seconde")

    with journey.step("la première ouvre un fil depuis la page de l'e-communauté"):
        first_page.goto(live(space.get_absolute_url()))
        first_page.get_by_role("link", name="Ouvrir un fil de discussion").click()
        first_page.fill(
            "input[name=title]", "Comment tester un prototype en une semaine ?"
        )
        first_page.fill("textarea[name=body]", "Vos **retours** d'expérience ?")
        first_page.get_by_role("button", name="Ouvrir le fil").click()
        first_page.wait_for_load_state()
        assert "Votre fil de discussion est ouvert." in first_page.content()
    thread = Thread.objects.get(community=space)

    with other.step("la seconde répond au fil"):
        second_page.goto(live(thread.get_absolute_url()))
        second_page.fill("#reponse-fil", "Nous avons testé avec cinq usagers.")
        second_page.get_by_role("button", name="Publier la réponse").click()
        second_page.wait_for_load_state()
        assert "Votre réponse est publiée." in second_page.content()
    answer = Comment.objects.get(discussion=thread)

    with journey.step("la première répond à la réponse"):
        first_page.goto(live(thread.get_absolute_url()))
        first_page.locator(f"#{answer.anchor} summary").click()
        box = first_page.locator(f"#reponse-{answer.pk}")
        box.fill("Merci ! Combien de temps a duré le test ?")
        first_page.locator(f"#{answer.anchor}").get_by_role(
            "button", name="Publier la réponse"
        ).click()
        first_page.wait_for_load_state()
        assert "Votre réponse est publiée." in first_page.content()
    question = Comment.objects.get(discussion=thread, user=first)
    assert question.parent_id == answer.pk and question.level == 1

    with other.step("la seconde répond à la réponse de la réponse"):
        second_page.goto(live(thread.get_absolute_url()))
        second_page.locator(f"#{question.anchor} summary").click()
        second_page.fill(f"#reponse-{question.pk}", "Une semaine, en trois passages. ")
        second_page.locator(f"#{question.anchor}").get_by_role(
            "button", name="Publier la réponse"
        ).click()
        second_page.wait_for_load_state()
        assert "Votre réponse est publiée." in second_page.content()
    reply_to_reply = Comment.objects.filter(discussion=thread, user=second).latest("pk")
    assert reply_to_reply.level == 2

    with journey.step(
        "la première voit le marqueur « nouveau » dans la liste et le fil"
    ):
        first_page.goto(live(space_url))
        assert "1 nouveau message" in first_page.content()
        first_page.get_by_role("link", name=thread.title).click()
        first_page.wait_for_load_state()
        assert "1 nouveau message depuis votre dernière visite." in first_page.content()
        assert first_page.locator(f"#{reply_to_reply.anchor} .badge--new").is_visible()

    with journey.step("la première mentionne la seconde avec le champ accessible"):
        field = first_page.get_by_role(
            "combobox", name=re.compile("Mentionner un membre")
        )
        field.fill(f"Seconde {suffix}"[:9])
        first_page.get_by_role(
            "option", name=re.compile(f"Seconde {suffix}")
        ).wait_for()
        field.press("ArrowDown")
        field.press("Enter")
        value = first_page.locator("#reponse-fil").input_value()
        assert f"-{second.pk}" in value
        first_page.locator("#reponse-fil").press("End")
        first_page.locator("#reponse-fil").type(" merci pour ce retour.")
        first_page.get_by_role("button", name="Publier la réponse").last.click()
        first_page.wait_for_load_state()
        assert (
            first_page.locator("a.mention").filter(has_text=f"Seconde {suffix}").count()
        )

    with other.step("la seconde réagit 👍 au message de la première"):
        second_page.goto(live(thread.get_absolute_url()))
        second_page.locator(f"#{question.anchor}").get_by_role(
            "button", name=re.compile("Utile")
        ).click()
        second_page.wait_for_load_state()
        assert "Réaction ajoutée." in second_page.content()
        assert second_page.locator(
            f"#{question.anchor} button[aria-pressed=true]"
        ).count()

    with journey.step("la première modifie son message ; l'historique le montre"):
        first_page.goto(
            live(f"/communaute/discussions/messages/{question.pk}/modifier/")
        )
        first_page.fill(
            "textarea[name=comment]", "Merci ! Combien de jours a duré le test ?"
        )
        first_page.get_by_role("button", name="Enregistrer").click()
        first_page.wait_for_load_state()
        first_page.locator(f"#{question.anchor}").get_by_role(
            "link", name=re.compile("modifié")
        ).click()
        first_page.wait_for_load_state()
        text = first_page.content()
        assert "Combien de temps" in text and "Combien de jours" in text

    with other.step("la seconde signale un message avec un motif"):
        second_page.goto(
            live(f"/communaute/discussions/messages/{question.pk}/signaler/")
        )
        second_page.get_by_label("Hors sujet").check()
        second_page.fill("textarea[name=details]", "Ce n'est pas le sujet du fil.")
        second_page.get_by_role("button", name="Envoyer le signalement").click()
        second_page.wait_for_load_state()
        assert "transmis aux modérateurs" in second_page.content()

    animation = browser_context(chromium, live, animateur).new_page()
    moderation = Journey(animation, "discussion-animation")
    with moderation.step("l'animateur décide dans la file de modération"):
        animation.goto(live("/communaute/discussions/moderation/"))
        assert "Ce n&#x27;est pas le sujet du fil." in animation.content() or (
            "Ce n'est pas le sujet du fil." in animation.content()
        )
        item = animation.locator(".queue-item").first
        item.get_by_label(re.compile("Rétablir")).check()
        item.get_by_role("button", name="Enregistrer la décision").click()
        animation.wait_for_load_state()
        assert "Décision enregistrée" in animation.content()
    assert ModerationDecision.objects.filter(
        comment=question, moderator=animateur
    ).exists()

    for page in (first_page, second_page, animation):
        page.context.close()


def test_resource_comment_reply_and_ask_the_community(live, chromium):
    """A member comments a glossary term and another answers on the page;
    then a search that finds nothing offers « Posez la question à la
    communauté »: the thread opens with the query as its title, is answered,
    and the same search finds it."""
    from community.discussions.models import Comment, Thread
    from community.members.tests.utils import add_member, make_community
    from resources.models import GlossaryIndexPage, GlossaryTermPage

    suffix = uuid.uuid4().hex[:6]
    space = make_community(name=f"Questions {suffix}")
    first, second = make_user(f"curieuse-{suffix}"), make_user(f"experte-{suffix}")
    for user in (first, second):
        add_member(space, user)
    term = GlossaryTermPage(
        title=f"Terme commenté {suffix}",
        slug=f"terme-commente-{suffix}",
        definition="<p>Une définition à discuter.</p>",
    )
    GlossaryIndexPage.objects.get().add_child(instance=term)
    term.save_revision().publish()

    first_page = browser_context(chromium, live, first).new_page()
    second_page = browser_context(chromium, live, second).new_page()
    journey = Journey(first_page, "ressource-commentaire-et-question")
    other = Journey(second_page, "ressource-reponse")

    with journey.step("la première commente le terme du glossaire"):
        first_page.goto(live(term.url))
        first_page.fill("#reponse-fil", "Un **exemple** concret serait bienvenu.")
        first_page.get_by_role("button", name="Publier le commentaire").click()
        first_page.wait_for_load_state()
        assert "Votre commentaire est publié." in first_page.content()
        assert "/ressources/" in first_page.url
    comment = Comment.objects.get(discussion__page_id=term.pk)

    with other.step("la seconde lui répond sur la page du terme"):
        second_page.goto(live(term.url))
        second_page.locator(f"#{comment.anchor} summary").click()
        second_page.fill(f"#reponse-{comment.pk}", "Voyez la fiche de méthode.")
        second_page.locator(f"#{comment.anchor}").get_by_role(
            "button", name="Publier la réponse"
        ).click()
        second_page.wait_for_load_state()
        assert "Votre réponse est publiée." in second_page.content()
        assert "Voyez la fiche de méthode." in second_page.content()
    assert Comment.objects.filter(discussion__page_id=term.pk, level=1).exists()

    question = f"Comment financer un tiers-lieu {suffix}"
    with journey.step("la recherche ne trouve rien et propose de poser la question"):
        first_page.goto(live("/recherche/"))
        first_page.fill("#recherche-page-q", question)
        first_page.locator(".search-page-form button[type=submit]").click()
        first_page.wait_for_load_state()
        aside = first_page.locator("section.ask-community")
        assert "Posez la question à la communauté" in aside.inner_text()
        assert "rien trouvé" in aside.inner_text()

    with journey.step("elle choisit son e-communauté : le formulaire est prérempli"):
        aside.get_by_label(re.compile("Où poser")).select_option(
            f"communaute:{space.slug}"
        )
        aside.get_by_role("button", name="Ouvrir un fil avec cette question").click()
        first_page.wait_for_load_state()
        assert first_page.locator("input[name=title]").input_value() == question

    with journey.step("le fil s'ouvre avec la question pour titre"):
        first_page.fill("textarea[name=body]", "Des pistes de financement ?")
        first_page.get_by_role("button", name="Ouvrir le fil").click()
        first_page.wait_for_load_state()
        assert "Votre fil de discussion est ouvert." in first_page.content()
    thread = Thread.objects.get(title=question)

    with other.step("la seconde répond au fil"):
        second_page.goto(live(thread.get_absolute_url()))
        second_page.fill("#reponse-fil", "Le budget participatif de la région.")
        second_page.get_by_role("button", name="Publier la réponse").click()
        second_page.wait_for_load_state()

    with journey.step("la même recherche trouve désormais le fil"):
        first_page.goto(live("/recherche/?" + f"q={question.replace(' ', '+')}"))
        assert first_page.locator(
            f".search-results a[href='{thread.get_absolute_url()}']"
        ).count()

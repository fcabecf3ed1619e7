"""Demo content of the carnets: the guide of the 2018 édition (the default
prompts of seed 002), the carnets of the three demo teams with entries at
each moment — individual and collective, one shared publicly (it shows on its
défi), one opened by a secret link, one carnet shared with every member —
and the facilitator's carnet of the mobilités team's défi. Written for the
project from seed 002's vocabulary; authors are the fictitious demo members.
Running it twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from community.events.models import EditionPage
from community.members.models import LearningTeam, User

from .choices import Checkpoint, EntryKind, EntrySharing, Moment, WorkshopStep
from .editing import create_entry, save_entry
from .models import CarnetGuide, CarnetPrompt, Entry, FacilitatorStep, ShareLink
from .structure import carnet_for


@dataclass
class DemoEntry:
    team: str
    author: str  # local part of a demo member's e-mail
    moment: str
    title: str
    body: str
    kind: str = EntryKind.INDIVIDUAL
    prompt: str = ""  # the beginning of a guide question
    sharing: str = EntrySharing.CARNET
    checkpoint: int | None = None
    written: str = "2018-07-09 10:30"
    # Later versions of a collective synthesis: (member, extra paragraph).
    edits: list = field(default_factory=list)


MOBILITES = "equipe-mobilites-rennes-2018"
ACCUEIL = "equipe-accueil-usagers-rennes-2018"
JEUNESSE = "equipe-jeunesse-martinique-2018"

ENTRIES = [
    # --- Équipe « mobilités partagées » (défi 3, Rennes) ----------------------
    DemoEntry(
        MOBILITES,
        "camille",
        Moment.BEFORE,
        "Je viens apprendre à écouter avant de proposer",
        "J'ai choisi ce défi sur son affiche parce qu'il parle d'un **parcours "
        "d'usager** que je connais mal : l'inscription des enfants aux cours de "
        "natation.\n\nMes attentes pour ces trois jours :\n\n"
        "- comprendre ce que vivent les familles *avant* de penser solution ;\n"
        "- essayer une mini-immersion, que je n'ai jamais pratiquée ;\n"
        "- repartir avec une méthode que je peux réutiliser dans mon département.",
        prompt="Quelles sont mes attentes",
    ),
    DemoEntry(
        MOBILITES,
        "yannick",
        Moment.BEFORE,
        "Un défi qui ressemble au mien",
        "Dans ma métropole, nous travaillons sur les déplacements des agents entre "
        "sites : les mêmes files d'attente, les mêmes formulaires en trois "
        "exemplaires. Je viens voir comment une équipe apprenante s'y prend "
        "pour **faire émerger des usages** plutôt que des procédures.",
        prompt="Pourquoi ai-je choisi",
    ),
    DemoEntry(
        MOBILITES,
        "sophie",
        Moment.BEFORE,
        "Nos objectifs pour l'université",
        "À la fin de l'exposition collective, nous voulons :\n\n"
        "1. avoir écouté au moins six familles et trois agents d'accueil des "
        "piscines ;\n2. avoir prototypé un parcours d'inscription testable en "
        "une semaine ;\n3. savoir dire ce que ce parcours change pour les agents.",
        kind=EntryKind.COLLECTIVE,
        prompt="Quels objectifs l'équipe",
        edits=[
            (
                "camille",
                "Ajout après la plénière : garder une trace des **angles morts** "
                "découverts, même s'ils ne servent pas le prototype.",
            )
        ],
    ),
    DemoEntry(
        MOBILITES,
        "yannick",
        Moment.DURING,
        "Ce que la mini-immersion m'a appris",
        "Au bord du bassin, une mère nous a montré les trois sites qu'elle consulte "
        "pour un seul créneau. Nous pensions que le problème était le formulaire ; "
        "c'est en fait l'**information sur les places libres**.\n\n> « Je ne sais "
        "jamais si je suis sur la liste d'attente. »",
        prompt="Qu'ai-je appris de l'écoute",
        written="2018-07-10 15:00",
    ),
    DemoEntry(
        MOBILITES,
        "camille",
        Moment.DURING,
        "Nos questions ouvertes avant le prototype",
        "- Faut-il une liste d'attente commune à toutes les piscines ?\n"
        "- Qui, parmi les agents d'accueil, porterait le nouveau parcours ?\n"
        "- Comment tester en une semaine sans promettre ce que la collectivité ne "
        "pourra pas tenir ?",
        kind=EntryKind.COLLECTIVE,
        prompt="Quelles questions restent",
        written="2018-07-10 17:30",
    ),
    DemoEntry(
        MOBILITES,
        "sophie",
        Moment.AFTER,
        "Nos engagements après l'exposition",
        "L'exposition nous a valu des rétroactions précieuses des autres équipes et "
        "d'un grand témoin. Nous nous engageons à :\n\n"
        "- **présenter le prototype** au service des sports avant la rentrée ;\n"
        "- tester la liste d'attente commune sur une piscine pendant un mois ;\n"
        "- partager notre carnet avec l'e-communauté de Rennes.\n\n"
        "Le chemin est plus important que le résultat : nous relirons ces "
        "engagements dans un, trois et six mois.",
        kind=EntryKind.COLLECTIVE,
        prompt="À quoi nous engageons-nous",
        sharing=EntrySharing.PUBLIC,
        written="2018-07-11 16:00",
    ),
    DemoEntry(
        MOBILITES,
        "yannick",
        Moment.AFTER,
        "J'emporte la posture d'écoute",
        "Ce que j'emporte dans ma collectivité : commencer chaque projet par "
        "*une heure d'écoute* des usagers et des agents, avant toute réunion de "
        "cadrage.",
        prompt="Qu'est-ce que j'emporte",
        written="2018-07-11 17:00",
    ),
    DemoEntry(
        MOBILITES,
        "camille",
        Moment.FOLLOW_UP,
        "Un mois après : le prototype présenté",
        "Fait : le prototype a été présenté au service des sports, qui veut le "
        "tester à la rentrée. En cours : la liste d'attente commune, freinée par "
        "l'outil de réservation. Pas encore fait : le partage du carnet.",
        kind=EntryKind.COLLECTIVE,
        prompt="Où en sont nos engagements",
        checkpoint=Checkpoint.ONE_MONTH,
        written="2018-08-13 09:00",
    ),
    # --- Équipe « accueil des usagers » (défi 7, Rennes) ----------------------
    DemoEntry(
        ACCUEIL,
        "ines",
        Moment.BEFORE,
        "Associer les agents d'accueil, vraiment",
        "Je participe à la démarche participative de ma métropole. Ici, je veux "
        "comprendre comment associer les **agents d'accueil** à l'évolution de "
        "leur métier, pas seulement les consulter.",
        prompt="Pourquoi ai-je choisi",
    ),
    DemoEntry(
        ACCUEIL,
        "camille",
        Moment.BEFORE,
        "Ce que l'équipe se donne pour objectif",
        "Repenser l'accueil physique et numérique d'une maison des solidarités avec "
        "celles et ceux qui y travaillent : une journée d'immersion, une maquette "
        "d'accueil, une règle de fonctionnement testée.",
        kind=EntryKind.COLLECTIVE,
        prompt="Quels objectifs l'équipe",
    ),
    DemoEntry(
        ACCUEIL,
        "ines",
        Moment.DURING,
        "Les agents savent déjà",
        "Pendant l'immersion, une agente d'accueil nous a décrit la « file "
        "invisible » : les personnes qui n'osent pas entrer. Les agents ont déjà "
        "des idées ; il leur manque du temps pour les essayer.",
        prompt="Qu'ai-je appris de l'écoute",
        written="2018-07-10 14:00",
        sharing=EntrySharing.COMMUNITY,
    ),
    DemoEntry(
        ACCUEIL,
        "camille",
        Moment.DURING,
        "Comment nous travaillons ensemble",
        "Nous avons gagné en écoute entre nous en adoptant un tour de parole. "
        "Demain, nous laisserons davantage de place aux agents dans le prototype.",
        kind=EntryKind.COLLECTIVE,
        prompt="Comment l'équipe travaille",
        written="2018-07-10 18:00",
    ),
    DemoEntry(
        ACCUEIL,
        "camille",
        Moment.AFTER,
        "Synthèse à partager avec la direction",
        "Notre prototype : un « accueil debout » deux matinées par semaine, conçu "
        "et animé par les agents. Nos engagements : le tester six semaines, en "
        "mesurer les effets avec les agents, revenir vers la direction avec eux.",
        kind=EntryKind.COLLECTIVE,
        prompt="À quoi nous engageons-nous",
        written="2018-07-11 16:30",
    ),
    DemoEntry(
        ACCUEIL,
        "ines",
        Moment.AFTER,
        "Ce que j'emporte",
        "Le réflexe de demander « qui fait déjà ? » avant « qui décide ? ».",
        prompt="Qu'est-ce que j'emporte",
        written="2018-07-11 17:15",
    ),
    # --- Équipe « paroles de jeunes » (Martinique) ----------------------------
    DemoEntry(
        JEUNESSE,
        "marc",
        Moment.BEFORE,
        "Faire entrer les jeunes dans la décision",
        "Je dirige un service jeunesse. J'attends de ces journées des manières "
        "concrètes d'**associer les jeunes** à la décision publique locale, "
        "au-delà du conseil municipal des jeunes.",
        prompt="Quelles sont mes attentes",
    ),
    DemoEntry(
        JEUNESSE,
        "nadia",
        Moment.BEFORE,
        "Objectifs de l'équipe",
        "Rencontrer des jeunes là où ils sont, recueillir leur parole sans la "
        "déformer, et imaginer avec eux un premier rendez-vous avec les élus.",
        kind=EntryKind.COLLECTIVE,
        prompt="Quels objectifs l'équipe",
    ),
    DemoEntry(
        JEUNESSE,
        "marc",
        Moment.DURING,
        "Une question qui reste ouverte",
        "Comment garder le contact avec les jeunes rencontrés une fois "
        "l'université terminée ?",
        prompt="Quelles questions restent",
        written="2018-07-10 16:00",
    ),
    DemoEntry(
        JEUNESSE,
        "nadia",
        Moment.DURING,
        "Ce que nous avons appris",
        "Les jeunes veulent être consultés sur des sujets précis — le transport du "
        "soir, les lieux pour se retrouver — plutôt que sur « la jeunesse ».",
        kind=EntryKind.COLLECTIVE,
        written="2018-07-10 18:30",
    ),
    DemoEntry(
        JEUNESSE,
        "nadia",
        Moment.AFTER,
        "Nos engagements",
        "- Organiser un premier « café des jeunes » avec deux élus avant "
        "décembre ;\n- publier ce que nous avons entendu, dans leurs mots.",
        kind=EntryKind.COLLECTIVE,
        prompt="À quoi nous engageons-nous",
        written="2018-07-11 16:00",
    ),
    DemoEntry(
        JEUNESSE,
        "marc",
        Moment.AFTER,
        "Mon engagement personnel",
        "Réserver une demi-journée par mois à la rencontre des jeunes hors les "
        "murs du service.",
        prompt="Qu'est-ce que j'emporte",
        written="2018-07-11 17:00",
    ),
]

# The entry opened by a secret link (for the direction of the collectivité).
SECRET_LINK = (ACCUEIL, "Synthèse à partager avec la direction", "La direction")

FACILITATOR_STEPS = {
    WorkshopStep.APPROPRIATE: {
        "objectives": "Que chacun s'approprie la question du défi et que l'équipe "
        "se découvre.",
        "timing": "10 min d'inclusion ; 20 min de lecture de la fiche défi ; 15 min "
        "de questions au porteur.",
        "materials": "Affiche du défi, post-it, feutres.",
    },
    WorkshopStep.UNDERSTAND: {
        "objectives": "Mieux comprendre le défi par une mini-immersion auprès des "
        "usagers et des agents.",
        "timing": "Une demi-journée sur le terrain, en binômes.",
        "materials": "Grille d'entretien, carnet de terrain.",
        "happened": "Six familles et trois agents écoutés ; un angle mort : "
        "l'information sur les places libres.",
    },
    WorkshopStep.FRAME: {
        "objectives": "Faire du sens et cadrer un prototype.",
        "improvements": "Prévoir plus de temps : l'équipe a cadré trop vite.",
    },
    WorkshopStep.EXPOSITION: {
        "objectives": "Présenter le prototype et recueillir des rétroactions.",
        "happened": "Rétroactions des autres équipes et d'un grand témoin ; trois "
        "engagements écrits dans le carnet de l'équipe.",
    },
}
FACILITATOR_METHODS = {
    WorkshopStep.UNDERSTAND: ["mini-immersion"],
    WorkshopStep.BUILD: ["prototypage-rapide"],
    WorkshopStep.EXPOSITION: ["exposition-collective-retroactions"],
}


def _when(text):
    return timezone.make_aware(datetime.fromisoformat(text))


def _edition_guide():
    """The 2018 édition gets its own guide, a copy of the default one, for
    organisers to adapt."""
    edition = EditionPage.objects.filter(slug="universite-2018").first()
    default = CarnetGuide.objects.filter(is_default=True).first()
    if edition is None or default is None:
        return
    guide, created = CarnetGuide.objects.get_or_create(
        edition=edition,
        defaults={
            name: getattr(default, name)
            for name in (
                "before_title",
                "before_intro",
                "during_title",
                "during_intro",
                "after_title",
                "after_intro",
                "suites_title",
                "suites_intro",
            )
        },
    )
    if created:
        CarnetPrompt.objects.bulk_create(
            CarnetPrompt(
                guide=guide,
                moment=prompt.moment,
                question=prompt.question,
                help_text=prompt.help_text,
                sort_order=prompt.sort_order,
            )
            for prompt in default.prompts.all()
        )


def _prompt(prompts, start):
    return next((p for p in prompts if p.question.startswith(start)), None)


def _entries(members):
    from .structure import edition_of, guide_for

    teams = {
        t.slug: t
        for t in LearningTeam.objects.filter(slug__in={e.team for e in ENTRIES})
    }
    count = 0
    for item in ENTRIES:
        team = teams.get(item.team)
        author = members.get(item.author)
        if team is None or author is None:
            continue
        carnet = carnet_for(team)
        if carnet.entries.filter(title=item.title).exists():
            continue
        guide = guide_for(edition_of(team))
        when = _when(item.written)
        entry = create_entry(
            carnet,
            user=author,
            title=item.title,
            body=item.body,
            moment=item.moment,
            kind=item.kind,
            checkpoint=item.checkpoint,
            visibility=item.sharing,
            prompt=_prompt(guide.prompt_list if guide else [], item.prompt)
            if item.prompt
            else None,
        )
        Entry.objects.filter(pk=entry.pk).update(created_at=when, updated_at=when)
        entry.revisions.update(created_at=when)
        for offset, (member, addition) in enumerate(item.edits, start=1):
            entry.refresh_from_db()
            save_entry(
                entry,
                user=members[member],
                title=entry.title,
                body=f"{entry.body}\n\n{addition}",
                base_version=entry.version,
            )
            later = when + timedelta(hours=offset)
            Entry.objects.filter(pk=entry.pk).update(updated_at=later)
            entry.revisions.filter(version=entry.version).update(created_at=later)
        count += 1
    return count


def _shared_carnet():
    """The Martinique team shares its whole carnet with logged-in members."""
    from .choices import Sharing
    from .models import Carnet

    Carnet.objects.filter(team__slug=JEUNESSE).update(visibility=Sharing.MEMBERS)


def _secret_link(members):
    slug, title, label = SECRET_LINK
    entry = Entry.objects.filter(carnet__team__slug=slug, title=title).first()
    if entry is None or ShareLink.objects.filter(entry=entry, label=label).exists():
        return
    ShareLink.objects.create(
        carnet=entry.carnet,
        entry=entry,
        label=label,
        created_by=members.get("camille"),
        # A demo link that keeps working: a year from the seeding.
        expires_at=timezone.now() + timedelta(days=365),
    )


def _facilitator_carnet():
    from community.challenges.models import ChallengePage
    from resources.models import MethodPage

    from .views.facilitators import carnet_for_challenge

    challenge = ChallengePage.objects.filter(teams__slug=MOBILITES).first()
    if challenge is None:
        return
    carnet = carnet_for_challenge(challenge)
    steps = {step.step: step for step in carnet.steps.all()}
    for number, texts in FACILITATOR_STEPS.items():
        step = steps[number]
        if step.is_empty():
            FacilitatorStep.objects.filter(pk=step.pk).update(**texts)
    for number, slugs in FACILITATOR_METHODS.items():
        step = steps[number]
        if not step.methods.exists():
            step.methods.set(MethodPage.objects.filter(slug__in=slugs))


@transaction.atomic
def seed(log):
    _edition_guide()
    members = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__endswith="@demo.example.org")
    }
    count = _entries(members)
    _shared_carnet()
    _secret_link(members)
    _facilitator_carnet()
    log(
        f"carnets : {count} entrées ajoutées, un lien secret, un carnet du facilitateur"
    )

"""Demo content of the events app, from the seeds (idempotent):

- the sites of the université, each with its time zone;
- the 2017 édition (its défis are listed in seed 002) and the 2018 édition
  « Expérience usagers : espérance démocratique ? » (seeds 001 and 002) with
  its six sites, the Cluny preparation timeline and a three-day programme
  built from seed 002's « briques » at four sites (two overseas);
- seed 004's one-day event, its timed déroulé with speakers named by role;
- seed 000's ETS 2013 call for contributions with its three tracks of
  rencontres, a selection committee and sample proposals by fictitious
  speakers (``@demo.example.org``).

No person from the seeds is named: speakers and porteurs appear by role.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.db import transaction

from community.members.models import LearningTeam, User
from home.dates import date_pages
from home.demo import get_or_create_child, home_page, sync_relations
from home.models import Theme
from home.territories import Territory

from .choices import (
    ChallengeStep,
    EditionKind,
    Gender,
    ProposalKind,
    ProposalStatus,
    RegistrationStatus,
    SessionKind,
    TeamMoment,
    TimeZoneName,
)
from .models import (
    CallForContributionsPage,
    EditionPage,
    EventIndexPage,
    Proposal,
    ProposalComment,
    ProposalSpeaker,
    ProposalStatusChange,
    Registration,
    Rencontre,
    Session,
    Venue,
)

# (slug, name, region, time zone)
# The sites of the université and of its day events, each on its territory.
VENUES = [
    {
        "slug": "rennes",
        "name": "Rennes",
        "region": "Bretagne",
        "territory": Territory.RENNES,
    },
    {
        "slug": "cluny",
        "name": "Cluny",
        "region": "Bourgogne-Franche-Comté",
        "territory": Territory.CLUNY,
    },
    {
        "slug": "strasbourg",
        "name": "Strasbourg",
        "region": "Grand Est",
        "territory": Territory.STRASBOURG,
    },
    {
        "slug": "aix-en-provence",
        "name": "Aix-en-Provence",
        "region": "Provence-Alpes-Côte d'Azur",
        "territory": Territory.AIX,
    },
    {
        "slug": "la-reunion",
        "name": "La Réunion",
        "region": "La Réunion",
        "territory": Territory.REUNION,
        "timezone": TimeZoneName.REUNION,
    },
    {
        "slug": "martinique",
        "name": "Martinique",
        "region": "Martinique",
        "territory": Territory.MARTINIQUE,
        "timezone": TimeZoneName.MARTINIQUE,
    },
    {
        "slug": "nancy",
        "name": "Nancy",
        "region": "Grand Est",
        "territory": Territory.NANCY,
    },
]

EDITION_2018_INTRO = (
    "<p>Et si de nouveaux possibles pour le service public et la démocratie "
    "pouvaient émerger de la créativité et des talents de tous les acteurs "
    "concernés par l'action publique sur un territoire ?</p>"
    "<ul><li><strong>Co-construire</strong> une université à partir de tous les "
    "talents et envies des participants, en partant des défis territoriaux ;</li>"
    "<li><strong>accompagner les défis</strong> issus des grands enjeux de mutation "
    "de l'action publique territoriale ;</li>"
    "<li><strong>créer une dynamique de co-apprentissage</strong> avant et après "
    "les séminaires, avec l'e-communauté ;</li>"
    "<li>apprendre l'approche <strong>co-design et l'intelligence collective</strong> "
    "en situation « école », au plus proche des usagers ;</li>"
    "<li>être <strong>inclusif</strong> : débutant comme confirmé, tous cadres "
    "d'emplois, ouvert à l'écosystème (recherche, État, entrepreneuriat social, "
    "Europe).</li></ul>"
)

# Seed 002: « Exemple démarche Site Cluny 2018 ».
MILESTONES_2018 = [
    (
        date(2018, 1, 23),
        "",
        "Réunion de lancement",
        "Création de l'écosystème local et du groupe projet : une communauté de soutien.",
    ),
    (
        date(2018, 3, 1),
        "Mars",
        "Atelier de co-construction",
        "Bonification du programme, définition des défis et prototypage de la fiche "
        "défi ; culture partagée autour de cinq défis.",
    ),
    (
        date(2018, 5, 1),
        "Mai",
        "Atelier de mise en marche",
        "Mise en marche opérationnelle, définition des rôles, validation du programme, "
        "affinage des séquences.",
    ),
    (date(2018, 6, 1), "Juin", "Formation à la facilitation des défis", ""),
    (date(2018, 7, 9), "9, 10 et 11 juillet", "Université", ""),
    (
        date(2018, 9, 15),
        "Mi-septembre",
        "Atelier bilan et suite",
        "Boucle d'amélioration, capitalisation des apprentissages, mise en production "
        "du MOOC, préparation du cycle innovation.",
    ),
]

# The three days of the programme, from seed 002's « briques ».
# (day offset, start, end, kind, step or moment, title, description, speakers, capacity)
PROGRAMME_2018 = [
    (
        0,
        "09:00",
        "10:00",
        SessionKind.WELCOME,
        None,
        "Accueil et constitution des équipes apprenantes",
        "Chacun choisit son défi à partir des affiches.",
        "",
        None,
    ),
    (
        0,
        "10:00",
        "11:00",
        SessionKind.TEAM_MOMENT,
        TeamMoment.BEFORE,
        "Équipes apprenantes — moment 1 : cadrer et partager ses objectifs",
        "Chaque équipe ouvre son carnet d'apprentissage.",
        "",
        None,
    ),
    (
        0,
        "11:00",
        "12:30",
        SessionKind.PLENARY,
        None,
        "Plénière : créer des connexions et inspirer",
        "Découvrir les défis des autres années.",
        "Grand témoin\nÉquipe d'animation du site",
        None,
    ),
    (0, "12:30", "14:00", SessionKind.BREAK, None, "Déjeuner", "", "", None),
    (
        0,
        "14:00",
        "15:30",
        SessionKind.CHALLENGE_STEP,
        ChallengeStep.APPROPRIATE,
        "Défis — étape 1 : s'approprier le défi",
        "Chaque équipe s'approprie son défi et se découvre.",
        "",
        None,
    ),
    (
        0,
        "15:45",
        "17:30",
        SessionKind.CHALLENGE_STEP,
        ChallengeStep.UNDERSTAND,
        "Défis — étape 2 : mieux comprendre le défi (mini-immersion)",
        "",
        "",
        None,
    ),
    (
        1,
        "09:00",
        "10:00",
        SessionKind.MINI_CONFERENCE,
        None,
        "Mini-conférence : la sociocratie en pratique",
        "Décider ensemble sans voter : principes et retours d'expérience.",
        "Chercheur en sciences de l'éducation",
        25,
    ),
    (
        1,
        "09:00",
        "10:00",
        SessionKind.MINI_CONFERENCE,
        None,
        "Mini-conférence : travailler en réseau",
        "Animer un réseau d'acteurs de l'innovation publique sur un territoire.",
        "Designer de service public",
        3,
    ),
    (
        1,
        "09:00",
        "10:00",
        SessionKind.MINI_CONFERENCE,
        None,
        "Mini-conférence : témoignage d'une collectivité",
        "Repenser l'accueil avec les usagers : ce qui a marché, ce qui a raté.",
        "Directrice générale des services d'une commune",
        30,
    ),
    (
        1,
        "10:15",
        "12:30",
        SessionKind.CHALLENGE_STEP,
        ChallengeStep.FRAME,
        "Défis — étape 3 : faire du sens et cadrer un prototype",
        "",
        "",
        None,
    ),
    (1, "12:30", "14:00", SessionKind.BREAK, None, "Déjeuner", "", "", None),
    (
        1,
        "14:00",
        "16:30",
        SessionKind.CHALLENGE_STEP,
        ChallengeStep.BUILD,
        "Défis — étape 4 : construire et préparer le prototype",
        "Et la stratégie de capture d'informations.",
        "",
        None,
    ),
    (
        1,
        "16:45",
        "17:30",
        SessionKind.TEAM_MOMENT,
        TeamMoment.DURING,
        "Équipes apprenantes — moment 2 : partager ses apprentissages et questions",
        "",
        "",
        None,
    ),
    (
        2,
        "09:00",
        "10:30",
        SessionKind.CHALLENGE_STEP,
        ChallengeStep.RUN,
        "Défis — étape 5 : dérouler le prototype et capturer l'information",
        "",
        "",
        None,
    ),
    (
        2,
        "10:45",
        "12:00",
        SessionKind.CHALLENGE_STEP,
        ChallengeStep.LEARN,
        "Défis — étape 6 : apprentissages et préparation de l'exposition",
        "",
        "",
        None,
    ),
    (2, "12:00", "13:30", SessionKind.BREAK, None, "Déjeuner", "", "", None),
    (
        2,
        "13:30",
        "15:00",
        SessionKind.EXPOSITION,
        None,
        "Exposition collective des défis",
        "Chaque équipe présente son prototype ; les visiteurs laissent leurs "
        "rétroactions, les porteurs annoncent leurs prochaines actions.",
        "",
        None,
    ),
    (
        2,
        "15:00",
        "16:00",
        SessionKind.TEAM_MOMENT,
        TeamMoment.AFTER,
        "Équipes apprenantes — moment 3 : partager et s'engager",
        "",
        "",
        None,
    ),
]
PROGRAMME_SITES = ["rennes", "cluny", "la-reunion", "martinique"]

# Seed 004: the one-day event's déroulé, speakers by role.
DAY_2017 = [
    ("08:45", "09:15", SessionKind.WELCOME, "Café d'accueil", "", ""),
    ("09:15", "09:30", SessionKind.PLENARY, "Ouverture institutionnelle", "", ""),
    (
        "09:30",
        "10:30",
        SessionKind.ROUND_TABLE,
        "Les évolutions du monde du travail et du service public local",
        "Les tendances lourdes et leurs impacts sur les organisations.",
        "Professeur des universités (CNAM Paris)\n"
        "Sociologue, spécialiste de l'accompagnement du changement\n"
        "Sociologue, intervenant du cycle management de l'INET",
    ),
    (
        "10:30",
        "11:30",
        SessionKind.ROUND_TABLE,
        "L'innovation managériale — agilité",
        "Définition, contours, état des lieux et enjeux pour les collectivités "
        "territoriales : mobiliser le potentiel créatif des équipes, tenir compte du "
        "fait numérique, rendre l'organisation du travail agréable et plus réactive.",
        "Directrice générale adjointe d'une ville, vice-présidente de l'ADT-INET",
    ),
    (
        "11:30",
        "12:15",
        SessionKind.DEBATE,
        "Débat avec la salle et les intervenants",
        "",
        "",
    ),
    ("12:15", "13:30", SessionKind.BREAK, "Déjeuner offert par l'ADGCF", "", ""),
    (
        "13:30",
        "14:20",
        SessionKind.ROUND_TABLE,
        "Regards croisés : le télétravail",
        "Résultats d'une enquête nationale sur le télétravail et expérience d'une "
        "collectivité qui l'a mis en place.",
        "Cabinet conseil auteur d'une enquête nationale\nCollectivité pratiquant le télétravail",
    ),
    (
        "14:20",
        "15:10",
        SessionKind.ROUND_TABLE,
        "Regards croisés : le bien-être au travail",
        "Sport, culture, nutrition, relaxation : des pratiques dans diverses strates "
        "de collectivités.",
        "DGA du CCAS de la Ville de Nancy\nDGS d'une agglomération\n"
        "Ville de Haguenau\nEurométropole de Strasbourg",
    ),
    (
        "15:10",
        "16:00",
        SessionKind.ROUND_TABLE,
        "Regards croisés : le droit à la déconnexion",
        "Un exemple de collectivité qui a mis ce droit en pratique.",
        "Collectivité invitée",
    ),
]

ETS_INTRO = (
    "<p>Votre organisme développe une démarche innovante : vous souhaitez le faire "
    "savoir ? Partagez votre expérience avec 1 500 congressistes et échangez avec "
    "vos pairs cadres de tout le territoire… et au-delà. Proposez une expérience "
    "pour un atelier, ou un cas pratique.</p>"
)
ETS_BODY = [
    ("heading", {"text": "Créativité : quand les territoires innovent", "level": "h2"}),
    (
        "paragraph",
        "<p>Déjà vu, déjà fait ? L'innovation dans l'action publique, c'est quoi ? "
        "Pourquoi innover ? Parce que le monde change et que la contraction des moyens "
        "d'action est la marque du temps présent, que l'expérimentation répond à "
        "l'incertitude en offrant des choix réversibles, des tests avant "
        "généralisation.</p><p>Gouvernance inventive des territoires, valorisation de "
        "la créativité des agents, méthodes et mise en œuvre de l'innovation, nouveau "
        "partage des pouvoirs, cohésion sociale, droit à l'erreur : et si l'innovation "
        "était un trait d'union entre toutes les politiques publiques locales ?</p>",
    ),
    ("heading", {"text": "Les attentes du public", "level": "h2"}),
    (
        "paragraph",
        "<p>Les ETS sont le rendez-vous de tous les managers territoriaux. Parce que le "
        "public est multiple, vos propositions doivent parler à tous. Les participants "
        "rêvent d'ateliers décloisonnés, ouverts à l'international, au secteur privé, "
        "aux universitaires, aux artistes et aux designers.</p>",
    ),
    ("heading", {"text": "Proposer un cas pratique", "level": "h2"}),
    (
        "paragraph",
        "<p>Votre projet est analysé en petits groupes par vos pairs. Format : deux "
        "animateurs représentant votre collectivité ; 15 minutes de présentation, "
        "45 minutes de travail en sous-groupes de 10 congressistes, 30 minutes de "
        "synthèse.</p>",
    ),
    ("heading", {"text": "Les critères de sélection", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>sortir des discours généraux ;</li><li>renouveler le format des "
        "rencontres pour favoriser le partage d'expériences ;</li><li>surprendre avec "
        "des intervenants hors des sentiers battus ;</li><li>respecter la parité en "
        "tribune : deux intervenants potentiels, une femme et un homme.</li></ul>"
        "<p>Seules les candidatures complètes sont étudiées en comité de sélection. "
        "Chaque rencontre compte quatre intervenants dont un animateur ; les "
        "intervenants sont pris en charge par l'organisateur.</p>",
    ),
]

ETS_RENCONTRES = [
    (
        "Innover dans nos organisations",
        "Convaincre l'autre d'innover",
        "Élu-DG, DG-élu, DGA-DG… Comment se positionner pour convaincre de faire "
        "autrement ? La posture de l'élu et du DG dans la démarche d'innovation.",
    ),
    (
        "Innover dans nos organisations",
        "Créativité au quotidien des agents",
        "Quelle place à l'initiative de tous, comment la favoriser, l'encadrer, la "
        "valoriser ?",
    ),
    (
        "Innover dans nos organisations",
        "Des petits riens qui font beaucoup",
        "Bien-être au travail, cohésion d'équipe, partage d'information, format des "
        "réunions : les petits riens du quotidien qui font que tout va bien.",
    ),
    (
        "Innover dans notre pilotage",
        "À chaque projet, sa méthode pour innover",
        "Management prospectif, marketing public, scénarios : quelle méthode pour quel "
        "projet, quel territoire ? Quels succès, quels flops ?",
    ),
    (
        "Innover dans notre pilotage",
        "Faut-il être riche pour innover ?",
        "Une action qui n'a presque rien coûté : élaboration, mise en œuvre, "
        "difficultés rencontrées.",
    ),
    (
        "Innover dans notre pilotage",
        "Optimisation des procédures… Objectif Lune ?",
        "Certification des comptes, allègement des normes, fonds européens : quand les "
        "réformes passent au crible le « dur » de l'administration.",
    ),
    (
        "Innover dans notre pilotage",
        "Essayer, expérimenter, pour voir… Et réussir ?",
        "S'appuyer sur les flops pour innover : venez partager votre analyse en toute "
        "liberté de ton.",
    ),
    (
        "Innover dans nos territoires",
        "Proposer, décider, agir : ensemble ?!",
        "Un nouveau processus décisionnel, plus ouvert, plus participatif ? Quels "
        "pièges, quels ratés et succès ?",
    ),
    (
        "Innover dans nos territoires",
        "Faire pousser la créativité sur le territoire",
        "Faire de l'innovation un levier de développement ; passer de "
        "l'expérimentation à la généralisation.",
    ),
    (
        "Innover dans nos territoires",
        "Quelle fabrique des nouveaux territoires ?",
        "Pactes de gouvernance, nouveaux partages de compétences : les collectivités "
        "vont-elles s'en saisir ?",
    ),
]

DESCRIPTION_LINES = [
    "Notre collectivité a ouvert en 2012 un laboratoire d'innovation interne.",
    "Il réunit des agents volontaires de toutes les directions, deux heures par semaine.",
    "Les sujets viennent des équipes de terrain et des usagers eux-mêmes.",
    "Chaque sujet est travaillé en trois temps : immersion, idées, prototype.",
    "Les prototypes sont testés quinze jours avec de vrais usagers.",
    "Nous avons ainsi simplifié le formulaire d'aide aux vacances en famille.",
    "Le délai de traitement est passé de six semaines à dix jours.",
    "Les agents disent avoir retrouvé le sens de leur travail.",
    "Les élus suivent la démarche à travers une revue trimestrielle.",
    "Nous voulons débattre avec la salle du droit à l'erreur et de son prix.",
    "Et de la façon de passer d'une expérimentation à une politique durable.",
    "Nous apporterons les prototypes et les chiffres avant/après.",
]

# (author, kind, rencontre title, title, organisation, status, speakers)
PROPOSALS = [
    (
        "camille",
        ProposalKind.WORKSHOP,
        "Créativité au quotidien des agents",
        "Un laboratoire d'innovation fait par et pour les agents",
        "Département d'Ille-et-Vilaine",
        ProposalStatus.ACCEPTED,
        [
            ("Anne Exemple", Gender.WOMAN, "Cheffe du laboratoire d'innovation"),
            ("Paul Exemple", Gender.MAN, "Directeur général adjoint"),
        ],
    ),
    (
        "karim",
        ProposalKind.CASE_STUDY,
        None,
        "Fusionner deux accueils sans perdre les usagers",
        "Ville de Strasbourg",
        ProposalStatus.REVIEWING,
        [
            ("Julie Fictive", Gender.WOMAN, "Responsable de l'accueil"),
            ("Marc Fictif", Gender.MAN, "Directeur de la relation usagers"),
        ],
    ),
    (
        "ines",
        ProposalKind.WORKSHOP,
        "Proposer, décider, agir : ensemble ?!",
        "Un budget participatif décidé par les habitants… et les agents",
        "Rennes Métropole",
        ProposalStatus.RECEIVED,
        [
            ("Léa Imaginaire", Gender.WOMAN, "Chargée de la participation"),
            ("Hugo Imaginaire", Gender.MAN, "Élu délégué à la démocratie locale"),
        ],
    ),
    (
        "yannick",
        ProposalKind.WORKSHOP,
        "Faut-il être riche pour innover ?",
        "Des économies d'énergie sans budget",
        "Rennes Métropole",
        ProposalStatus.REJECTED,
        [
            ("Sarah Fictive", Gender.WOMAN, "Économe de flux"),
            ("Tom Fictif", Gender.MAN, "Technicien bâtiments"),
        ],
    ),
]


def _at(day, hhmm, tz):
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime(day.year, day.month, day.day, hours, minutes, tzinfo=ZoneInfo(tz))


def seed_venues():
    venues = {}
    for order, venue in enumerate(VENUES):
        slug = venue["slug"]
        venues[slug], _ = Venue.objects.update_or_create(
            slug=slug,
            defaults={
                "timezone": TimeZoneName.PARIS,
                **{key: value for key, value in venue.items() if key != "slug"},
                "sort_order": order,
            },
        )
    return venues


def seed_editions(index, venues):
    edition_2017, _ = get_or_create_child(
        index,
        EditionPage,
        "universite-2017",
        title="Université de l'innovation publique territoriale 2017",
        kind=EditionKind.UNIVERSITY,
        year=2017,
        ordinal=2,
        intro="<p>La deuxième édition : ses défis territoriaux, présentés lors de la "
        "plénière de 2018, sont ceux « des autres années ».</p>",
    )
    sync_relations(
        edition_2017,
        children={
            "sites": [
                {
                    "venue": venues["cluny"],
                    "start_date": None,
                    "end_date": None,
                    "place": "",
                }
            ]
        },
    )
    edition_2018, _ = get_or_create_child(
        index,
        EditionPage,
        "universite-2018",
        title="Université européenne de l'innovation publique territoriale 2018",
        kind=EditionKind.UNIVERSITY,
        year=2018,
        ordinal=3,
        theme_title="Expérience usagers : espérance démocratique ?",
        intro=EDITION_2018_INTRO,
    )
    sites = []
    for slug in (
        "rennes",
        "cluny",
        "strasbourg",
        "aix-en-provence",
        "la-reunion",
        "martinique",
    ):
        sites.append(
            {
                "venue": venues[slug],
                "start_date": date(2018, 7, 9),
                "end_date": date(2018, 7, 11),
                "place": "Maison des associations" if slug == "rennes" else "",
            }
        )
    sync_relations(
        edition_2018,
        children={
            "sites": sites,
            "milestones": [
                {"date": day, "date_label": label, "title": title, "description": text}
                for day, label, title, text in MILESTONES_2018
            ],
        },
        m2m={
            "themes": list(Theme.objects.filter(slug="democratie-citoyennete")),
            "teams": list(LearningTeam.objects.filter(year=2018)),
        },
    )
    day_event, _ = get_or_create_child(
        index,
        EditionPage,
        "innovation-manageriale-2017",
        title="Innovation managériale locale et bien-être des agents",
        kind=EditionKind.DAY,
        year=2017,
        ordinal=None,
        theme_title="Par l'innovation managériale locale, comment créer un écosystème "
        "favorable à l'efficacité de l'action publique en favorisant l'épanouissement "
        "et le bien-être des agents ?",
        intro="<p>Les collectivités cherchent à réinventer leurs pratiques managériales "
        "dans un contexte d'instabilité juridique, de raréfaction de la ressource "
        "publique et de remise en cause du service public local. Une journée pour "
        "partager des pratiques innovantes : pratique sportive, nutrition, droit à la "
        "déconnexion, télétravail…</p>",
    )
    sync_relations(
        day_event,
        children={
            "sites": [
                {
                    "venue": venues["nancy"],
                    "start_date": date(2017, 6, 22),
                    "end_date": date(2017, 6, 22),
                    "place": "INSET du CNFPT, Nancy",
                }
            ]
        },
        m2m={"themes": list(Theme.objects.filter(slug="qualite-action-publique"))},
    )
    return edition_2017, edition_2018, day_event


def _ensure_session(edition, venue, start, end, **fields):
    session, _ = Session.objects.update_or_create(
        edition=edition,
        venue=venue,
        start=start,
        title=fields.pop("title"),
        defaults={"end": end, **fields},
    )
    return session


def seed_programmes(edition_2018, day_event, venues):
    count = 0
    for slug in PROGRAMME_SITES:
        venue = venues[slug]
        for (
            offset,
            start,
            end,
            kind,
            detail,
            title,
            text,
            speakers,
            capacity,
        ) in PROGRAMME_2018:
            day = date(2018, 7, 9) + timedelta(days=offset)
            _ensure_session(
                edition_2018,
                venue,
                _at(day, start, venue.timezone),
                _at(day, end, venue.timezone),
                title=title,
                kind=kind,
                step=detail if kind == SessionKind.CHALLENGE_STEP else None,
                team_moment=detail if kind == SessionKind.TEAM_MOMENT else None,
                description=text,
                speakers=speakers,
                capacity=capacity,
                place="Salle des ateliers"
                if kind == SessionKind.MINI_CONFERENCE
                else "",
            )
            count += 1
    nancy = venues["nancy"]
    for start, end, kind, title, text, speakers in DAY_2017:
        _ensure_session(
            day_event,
            nancy,
            _at(date(2017, 6, 22), start, nancy.timezone),
            _at(date(2017, 6, 22), end, nancy.timezone),
            title=title,
            kind=kind,
            description=text,
            speakers=speakers,
            place="Amphithéâtre",
        )
        count += 1
    return count


def seed_registrations(edition_2018, venues):
    """Demo members in the Rennes mini-conférences: the small one is full,
    with a waiting list."""
    members = {
        u.email.split("@")[0]: u
        for u in User.objects.filter(email__endswith="@demo.example.org")
    }
    sessions = {
        s.capacity: s
        for s in Session.objects.filter(
            edition=edition_2018,
            venue=venues["rennes"],
            kind=SessionKind.MINI_CONFERENCE,
        )
    }
    plan = [
        (sessions.get(3), ["camille", "yannick", "sophie"], ["ines", "karim"]),
        (sessions.get(25), ["thomas", "lea"], []),
    ]
    for session, confirmed, waiting in plan:
        if session is None:
            continue
        for order, (names, status) in enumerate(
            [
                (confirmed, RegistrationStatus.CONFIRMED),
                (waiting, RegistrationStatus.WAITING),
            ]
        ):
            for rank, name in enumerate(names):
                if name not in members:
                    continue
                requested = session.start - timedelta(days=30 - order * 5 - rank)
                Registration.objects.update_or_create(
                    session=session,
                    user=members[name],
                    defaults={
                        "status": status,
                        "requested_at": requested,
                        "confirmed_at": requested
                        if status == RegistrationStatus.CONFIRMED
                        else None,
                    },
                )


def seed_call(index):
    committee, _ = Group.objects.get_or_create(name="Comité de sélection — ETS 2013")
    call, _ = get_or_create_child(
        index,
        CallForContributionsPage,
        "ets-2013-appel-a-contributions",
        title="ETS 2013 — Vos propositions : appel à contributions",
        theme_title="Innovation & action publique locale",
        event_label="4 & 5 décembre 2013, Centre des congrès de Lyon",
        intro=ETS_INTRO,
        body=ETS_BODY,
        opens_at=datetime(2013, 3, 4, 9, 0, tzinfo=ZoneInfo("Europe/Paris")),
        deadline=datetime(2013, 4, 15, 12, 0, tzinfo=ZoneInfo("Europe/Paris")),
        min_lines=10,
        max_lines=30,
        committee_group=committee,
    )
    sync_relations(
        call,
        children={
            "rencontres": [
                {"track": track, "title": title, "description": text}
                for track, title, text in ETS_RENCONTRES
            ]
        },
        m2m={"themes": list(Theme.objects.filter(slug="qualite-action-publique"))},
    )
    members = {
        u.email.split("@")[0]: u
        for u in User.objects.filter(email__endswith="@demo.example.org")
    }
    if "thomas" in members:
        members["thomas"].groups.add(committee)
    rencontres = {r.title: r for r in Rencontre.objects.filter(call=call)}
    paris = ZoneInfo("Europe/Paris")
    for number, (
        author,
        kind,
        rencontre,
        title,
        organisation,
        status,
        speakers,
    ) in enumerate(PROPOSALS):
        if author not in members:
            continue
        submitted = datetime(2013, 4, 2 + number * 3, 10, 30, tzinfo=paris)
        proposal, created = Proposal.objects.update_or_create(
            call=call,
            title=title,
            defaults={
                "author": members[author],
                "kind": kind,
                "organisation": organisation,
                "rencontre": rencontres.get(rencontre),
                "context": "Une collectivité qui cherche à faire autrement avec "
                "des moyens contraints."
                if kind == ProposalKind.WORKSHOP
                else "",
                "actors": "Agents volontaires, usagers, élus référents."
                if kind == ProposalKind.WORKSHOP
                else "",
                "innovation": "La démarche part du terrain et se teste avant de se "
                "généraliser."
                if kind == ProposalKind.WORKSHOP
                else "",
                "debate_topics": "Le droit à l'erreur ; passer de l'expérimentation à "
                "la généralisation."
                if kind == ProposalKind.WORKSHOP
                else "",
                "description": "\n".join(DESCRIPTION_LINES),
                "bibliography": "Rapport d'étape du laboratoire, 2012.",
                "status": status,
                "submitted_at": submitted,
                "decided_at": submitted + timedelta(days=40)
                if status in (ProposalStatus.ACCEPTED, ProposalStatus.REJECTED)
                else None,
            },
        )
        for position, (name, gender, function) in enumerate(speakers, start=1):
            ProposalSpeaker.objects.update_or_create(
                proposal=proposal,
                position=position,
                defaults={
                    "name": name,
                    "gender": gender,
                    "function": function,
                    "organisation": organisation,
                    "email": f"{name.split()[0].lower()}.intervenant@demo.example.org",
                },
            )
        if created:
            steps = [(ProposalStatus.DRAFT, ProposalStatus.RECEIVED, submitted)]
            if status != ProposalStatus.RECEIVED:
                steps.append(
                    (
                        ProposalStatus.RECEIVED,
                        ProposalStatus.REVIEWING,
                        datetime(2013, 4, 20, 9, 0, tzinfo=paris),
                    )
                )
            if status in (ProposalStatus.ACCEPTED, ProposalStatus.REJECTED):
                steps.append((ProposalStatus.REVIEWING, status, proposal.decided_at))
            for from_status, to_status, when in steps:
                ProposalStatusChange.objects.create(
                    proposal=proposal,
                    from_status=from_status,
                    to_status=to_status,
                    changed_at=when,
                    changed_by=members.get("thomas")
                    if to_status != ProposalStatus.RECEIVED
                    else members[author],
                )
            if status != ProposalStatus.RECEIVED and "thomas" in members:
                ProposalComment.objects.create(
                    proposal=proposal,
                    author=members["thomas"],
                    body="Expérience concrète, intervenants complémentaires ; "
                    "à rapprocher des autres propositions de la rencontre.",
                )
    return call


@transaction.atomic
def seed(log):
    index, _ = get_or_create_child(
        home_page(),
        EventIndexPage,
        "evenements",
        title="Événements",
        show_in_menus=True,
        intro="<p>Les éditions de l'université de l'innovation publique "
        "territoriale, leurs sites, leurs programmes et les appels à "
        "contributions.</p>",
    )
    venues = seed_venues()
    edition_2017, edition_2018, day_event = seed_editions(index, venues)
    sessions = seed_programmes(edition_2018, day_event, venues)
    seed_registrations(edition_2018, venues)
    call = seed_call(index)
    # Pages of past éditions carry their dates, not the seeding day's.
    for edition in (edition_2017, edition_2018, day_event):
        date_pages([edition], edition.reference_date, edition.last_date)
    date_pages([call], call.opens_at, call.deadline)
    log(
        f"événements : {len(venues)} sites, 3 éditions, {sessions} sessions, "
        f"l'appel à contributions des ETS 2013 et {len(PROPOSALS)} propositions"
    )

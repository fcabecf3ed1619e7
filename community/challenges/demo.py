"""Demo content of the défis app: every défi of seeds 001 and 002 (idempotent).

- Seed 001: the fourteen défis of the Rennes site, 2018 édition (seven with
  their full fiche: territoire, enjeux, parties prenantes, obstacles, leviers;
  seven with their question and collectivité only, as in the seed). They went
  through the université (9–11 July 2018) and its exposition.
- Seed 002: the « défis territoriaux 2017 » with their themes, porteurs and
  facilitateurs — described by their function and organisation, never by
  name. The seed gives no site for them, so none is set; their status is
  « retenu » without a dated history (the seed gives no dates).

Themes are mapped onto the seven grandes mutations (« lutte contre les
exclusions » → cohésion urbaine et sociale).
"""

from datetime import date

from django.db import transaction

from community.events.models import EditionPage, Venue
from community.members.models import LearningTeam
from home.dates import date_pages
from home.demo import get_or_create_child, home_page, sync_relations
from home.models import Theme
from resources.models import MethodPage

from . import demo_progress
from .choices import ChallengeRole, ChallengeStatus, CollectivityKind
from .models import ChallengeIndexPage, ChallengePage, ChallengeStatusChange

K = CollectivityKind
ECO = "transitions-ecologiques"
QUAL = "qualite-action-publique"
DEMO = "democratie-citoyennete"
REF = "reformes-institutionnelles"
NUM = "transitions-numeriques"
COH = "cohesion-urbaine-sociale"


def p(*lines):
    return "".join(f"<p>{line}</p>" for line in lines)


# Seed 001 — Rennes 2018.
# number: (question, short name, collectivité, kind, themes, fiche or None)
RENNES_2018 = {
    1: (
        "Comment définir les critères de durabilité d'un projet complexe, en prenant "
        "pour étude de cas la reconversion de la glacière municipale ?",
        "La Glacière",
        "Commune d'Etel",
        K.COMMUNE,
        [ECO],
        {
            "territory": p("Le projet s'inscrit sur le territoire d'Etel."),
            "stakes": p(
                "Définir des critères qui permettront d'évaluer la durabilité du "
                "projet de reconversion de la Glacière (rénovation de patrimoine bâti)."
            ),
            "stakeholders": p(
                "L'association Autrefois Etel, la commune, l'intercommunalité, l'État, "
                "l'Europe, le syndicat mixte Gâvres-Quiberon, le syndicat mixte de la "
                "Ria d'Etel, la région, l'observatoire du plancton."
            ),
            "obstacles": p(
                "Le (pas ou) peu d'intérêt des partenaires institutionnels."
            ),
            "levers": p(
                "Le projet municipal « préservation du milieu naturel et de "
                "l'authenticité du lieu — être un lieu d'innovation »."
            ),
        },
    ),
    2: (
        "Comment s'organiser pour proposer aux collèges un lab itinérant simple à "
        "mobiliser, lisible et valorisant pour tous les acteurs ?",
        "Laboratoire numérique itinérant",
        "Conseil départemental d'Ille-et-Vilaine",
        K.DEPARTMENT,
        [NUM],
        {
            "territory": p(
                "Le Département d'Ille-et-Vilaine : 104 collèges, dont 57 % publics, "
                "avec 54 500 collégiens."
            ),
            "stakes": p(
                "Le Plan numérique éducatif départemental 2016, travaillé de manière "
                "participative, et ses deux objectifs stratégiques : accompagner les "
                "équipes scolaires dans l'accès au numérique et réduire les "
                "inégalités ; faire des collégiens des citoyens numériques éclairés "
                "dans leurs usages."
            ),
            "stakeholders": p(
                "Les collèges et leurs équipes, les collégiens, le tissu associatif, "
                "les fablabs existants, les médiathèques."
            ),
            "obstacles": p(
                "Les ressources, les critères de priorisation à définir, "
                "l'articulation avec les programmes scolaires et les plannings des "
                "collèges, l'hétérogénéité des collèges sur les questions numériques "
                "mais aussi sur l'habitude de faire intervenir des animateurs "
                "extérieurs."
            ),
            "levers": p(
                "Une forte implication (portage politique et mobilisation de "
                "l'équipe), la volonté du Département d'intervenir en mode projet et "
                "non en prestataire, une première phase de lancement (2016-2017 et "
                "2017-2018), un écosystème à mobiliser (tissu associatif, fablabs, "
                "médiathèques…), la gratuité des interventions du lab itinérant, "
                "l'émulation entre collèges et la volonté de développer l'éducation "
                "au numérique."
            ),
        },
    ),
    3: (
        "Comment améliorer et simplifier les inscriptions des enfants aux écoles "
        "municipales de natation pour les citoyens et les agents ?",
        "Les inscriptions aux cours de piscine",
        "Ville de Rennes",
        K.COMMUNE,
        [QUAL],
        {
            "territory": p("La ville de Rennes."),
            "stakes": p(
                "Améliorer le parcours des usagers de l'école de natation de la ville "
                "lors des inscriptions (hors éveil), ainsi que les conditions de "
                "travail des équipes lors des journées d'inscription."
            ),
            "stakeholders": p(
                "Les parents d'enfants souhaitant les inscrire à l'école municipale "
                "de natation, leurs enfants, l'équipe du service natation (4 piscines)."
            ),
            "obstacles": p(
                "« 1er arrivé, 1er servi », la saisie multiple, le manque de "
                "visibilité, pas de paiement en ligne, la complexité des demandes, la "
                "charge de travail de la caissière…"
            ),
            "levers": p("Les créneaux ne sont pas complets ; le portail « familles »."),
        },
    ),
    4: (
        "Comment faciliter et mutualiser l'accès aux services publics de "
        "l'agglomération de Dinan ?",
        "Dans ma poche",
        "Dinan Agglomération",
        K.INTERCOMMUNALITY,
        [QUAL, REF],
        {
            "territory": p("L'agglomération de Dinan : 64 communes, 98 000 habitants."),
            "stakes": p(
                "Remettre l'usager au cœur du service public, simplifier les accès au "
                "service public, mutualiser les services entre communes, donner un "
                "accès équitable aux services de l'agglomération sur tout le "
                "territoire."
            ),
            "stakeholders": p(
                "Les habitants des 64 communes, les communes, les services de "
                "l'agglomération, le Département."
            ),
            "obstacles": p(
                "Les compétences qui seront votées le 16 juillet 2018, un mandat de "
                "transition, l'absence de diagnostic des besoins des usagers, peu ou "
                "pas de transversalité entre services."
            ),
            "levers": p(
                "Le budget, un président au fait des technologies, un diagnostic "
                "culturel et économique récurrent, des agents spécialisés, un "
                "partenariat avec le Département, l'ambition locale, la démarche "
                "politique interne."
            ),
        },
    ),
    5: (
        "Comment accompagner méthodiquement et en co-construction avec les usagers, "
        "le sanatorium 2.0 de la ville de Dreux ?",
        "Sanatorium",
        "Ville de Dreux",
        K.COMMUNE,
        [COH],
        None,
    ),
    6: (
        "Comment pérenniser une dynamique d'investissement souple et autonome des "
        "agents au profit du collectif de travail ?",
        "Les agents au cœur d'un collectif de travail",
        "Commune de Savenay",
        K.COMMUNE,
        [QUAL, REF],
        {
            "territory": p(
                "La commune de Savenay (plus de 8 000 habitants) et la région nantaise."
            ),
            "stakes": p(
                "Lutter contre l'absentéisme, faire que l'agent devienne acteur de "
                "son bien-être et de la cohésion du collectif."
            ),
            "stakeholders": p(
                "Les agents, identifiés par posture : engagés et proactifs, "
                "volontaires, passifs, résistants, équipe d'encadrement."
            ),
            "obstacles": p(
                "Le départ du pilote de l'initiative et la difficulté liée à "
                "l'organisation du temps de travail (continuité de service des ATSEM "
                "par exemple)."
            ),
            "levers": p(
                "Le collectif de direction et la cohésion donnée autour du projet, "
                "ainsi que la taille de la collectivité."
            ),
        },
    ),
    7: (
        "Comment associe-t-on les agents à l'évolution de l'accueil ?",
        "Maison des solidarités",
        "Conseil départemental de la Vienne",
        K.DEPARTMENT,
        [QUAL],
        None,
    ),
    8: (
        "Comment créer un accueil commun et performant pour tous en fédérant tous "
        "les acteurs ?",
        "Accueil à la mairie",
        "Ville du Havre",
        K.COMMUNE,
        [QUAL],
        None,
    ),
    9: (
        "Comment mieux communiquer sur le dispositif de mentorat destiné au manager ?",
        "Mentorat des managers",
        "Conseil départemental de la Mayenne",
        K.DEPARTMENT,
        [REF],
        None,
    ),
    10: (
        "Comment co-construire avec les différentes parties prenantes une méthode "
        "pour co-concevoir cette nouvelle politique sportive ?",
        "Politique sportive",
        "Commune de Chemillé-en-Anjou",
        K.COMMUNE,
        [DEMO],
        None,
    ),
    11: (
        "Comment les sujets des citoyens remontent jusqu'au cœur du conseil "
        "municipal ?",
        "",
        "Ville de Saint-Nazaire",
        K.COMMUNE,
        [DEMO],
        {
            "territory": p("Saint-Nazaire."),
            "stakes": p(
                "Finaliser le processus démocratique amorcé en 2014 et préparer le "
                "prochain mandat ; permettre aux citoyens de se saisir de sujets et "
                "de les faire remonter au conseil municipal ; proposer un cadre de "
                "fonctionnement."
            ),
            "stakeholders": p(
                "Les habitants et usagers, la municipalité, les agents territoriaux."
            ),
            "obstacles": p(
                "Éviter l'opposition systématique et les intérêts individuels ; "
                "éviter que les agents ou les habitants ne s'approprient pas le "
                "dispositif. Objectif : zéro pétition."
            ),
            "levers": p(
                "La volonté municipale, avec un programme et l'engagement d'un "
                "dispositif de démocratie participative."
            ),
        },
    ),
    12: (
        "Comment veiller au bon accompagnement des parcours professionnels des agents ?",
        "Parcours professionnels",
        "Région Pays de la Loire",
        K.REGION,
        [REF],
        None,
    ),
    13: (
        "Comment déployer efficacement une aide aux démarches administratives proche "
        "de l'usager, sur un large territoire rural, nouvellement recomposé ?",
        "Aide aux démarches",
        "De l'Oust à Brocéliande Communauté",
        K.INTERCOMMUNALITY,
        [QUAL, COH],
        {
            "territory": p(
                "Le territoire de l'Oust à Brocéliande : 26 communes du Morbihan (56)."
            ),
            "stakes": p(
                "Les usagers, sur un large territoire rural, nouvellement recomposé."
            ),
            "stakeholders": p(
                "Les aidants pour les démarches administratives, la communauté de "
                "communes, les partenaires et les communes."
            ),
            "obstacles": p(
                "La volonté politique sans diagnostic des besoins, et l'étendue du "
                "territoire nouvellement composé (qui ne se connaît pas)."
            ),
            "levers": p(
                "La volonté politique et le service existant sur une partie du "
                "territoire."
            ),
        },
    ),
    14: (
        "Comment convaincre les habitants de renoncer à leur voiture et préférer "
        "d'autres modes de transport pour emmener leurs enfants à l'école ?",
        "",
        "Ville de Iași (Roumanie)",
        K.EUROPEAN_CITY,
        [ECO],
        None,
    ),
}

H, F = ChallengeRole.HOLDER, ChallengeRole.FACILITATOR

# Seed 002 — « Les défis territoriaux 2017 ».
# number: (question, collectivité, kind, themes, [(role, fonction, organisation)])
DEFIS_2017 = {
    1: (
        "Comment créer les conditions managériales pour permettre de développer "
        "l'attractivité de Volvic ?",
        "Ville de Volvic",
        K.COMMUNE,
        [REF],
        [
            (H, "Directrice générale des services", "Cluny"),
            (F, "Directrice administrative et financière", "CNFPT Pays de la Loire"),
            (F, "Consultante", "Ifore"),
        ],
    ),
    2: (
        "Comment « re-designer » la fonction accueil de l'hôtel de ville de Cluny "
        "selon les usages attendus (physique, téléphonique, numérique) ?",
        "Ville de Cluny",
        K.COMMUNE,
        [QUAL],
        [
            (H, "Directrice générale des services", "Volvic"),
            (F, "Équipe de facilitation", "Bourgogne"),
        ],
    ),
    3: (
        "Comment élargir et circonscrire le spectre des utilisations possibles du bus "
        "de la médiation pour renforcer le lien social et la présence du service "
        "public dans les QPV de l'agglomération de Mâcon ?",
        "Agglomération de Mâcon",
        K.INTERCOMMUNALITY,
        [COH],
        [
            (
                H,
                "Responsable de la mission animation urbaine",
                "Agglomération de Mâcon",
            ),
            (F, "Équipe de facilitation", "Bourgogne"),
        ],
    ),
    4: (
        "Comment engager l'ensemble des citoyens dans une démarche territoire à "
        "énergie positive ?",
        "Communauté de communes du Clunisois",
        K.INTERCOMMUNALITY,
        [ECO],
        [
            (H, "Président", "Communauté de communes du Clunisois"),
            (
                H,
                "Chargée de mission démarche participative",
                "Communauté de communes du Clunisois",
            ),
            (F, "Cheffe de projet", "Strasbourg"),
            (F, "Chargé d'observation et d'évaluation", "Strasbourg"),
        ],
    ),
    5: (
        "Quelle vision partagée de l'innovation et quelle stratégie pour installer un "
        "baromètre de l'innovation dans le paysage institutionnel et en faire un "
        "levier durable pour réinterroger nos modes d'organisation et de "
        "management ?",
        "Eglise",
        K.OTHER,
        [QUAL],
        [
            (H, "Porteur du projet", "Eglise"),
            (F, "Conseiller organisation", "Ville d'Yvry"),
            (F, "Directeur de la modernisation", "Conseil départemental de la Manche"),
        ],
    ),
    7: (
        "L'école des cadres de demain pour manager autrement.",
        "Conseil régional d'Île-de-France",
        K.REGION,
        [QUAL],
        [
            (H, "Cheffe de projet", "Conseil régional d'Île-de-France"),
            (F, "Conseillère innovation", "Grand Paris Sud Est"),
            (F, "Conseillère innovation", "Conseil départemental de l'Essonne"),
            (F, "Cheffe de service, pôle de compétence management", "INET"),
        ],
    ),
    8: (
        "Comment prototyper et essayer l'événement « La petite fabrique de projets "
        "arts, culture et développement social local » ? Comment donner envie à une "
        "direction générale, une équipe politique, de tenter l'expérience dans le "
        "contexte actuel de tension budgétaire ?",
        "Département du Pas-de-Calais",
        K.DEPARTMENT,
        [COH],
        [
            (H, "Directeur général adjoint", "Département du Pas-de-Calais"),
            (H, "Directrice culture, sport, jeunesse", "Département de la Drôme"),
            (H, "Directrice du social", "Ville de Paris"),
            (F, "Directrice", "INSET d'Angers"),
            (F, "Directrice du social", "Ville de Paris"),
        ],
    ),
    9: (
        "Comment les nouvelles formes d'entrepreneuriat réinventent le service "
        "public ? Comment un tiers-lieu de recherche-action d'organisation et de "
        "production peut-il favoriser la coopération et la créativité des acteurs "
        "publics, privés et des citoyens sur un territoire ?",
        "Les Chaudronneries (Montreuil)",
        K.OTHER,
        [ECO, NUM, DEMO, QUAL],
        [
            (
                H,
                "Designer, directeur de la résidence d'économies sociétales",
                "Les Chaudronneries, Montreuil",
            ),
            (F, "Responsable d'antenne", "CNFPT"),
            (F, "Conseillère formation", "CNFPT, délégation Franche-Comté"),
        ],
    ),
    10: (
        "Quels modes collaboratifs entre différentes instances politiques suite à la "
        "création d'une collectivité supra-communale ?",
        "Ville de Coventry",
        K.EUROPEAN_CITY,
        [REF],
        [
            (H, "Élue", "Coventry"),
            (F, "Responsable du pôle de compétence Europe", "INET"),
        ],
    ),
    11: (
        "Maison de la citoyenneté et de l'innovation : comment former par l'action et "
        "en pluri-acteurs les acteurs (publics) locaux pour redéployer leurs "
        "compétences ?",
        "Ville de Kingersheim",
        K.COMMUNE,
        [DEMO, QUAL],
        [
            (H, "Maire", "Kingersheim"),
            (H, "Chargées de mission", "Institut régional de gouvernance"),
            (F, "Conseillère formation", "INET"),
        ],
    ),
    12: (
        "Comment apprendre ensemble entre pairs dans le cadre d'un réseau social "
        "d'apprentissage et d'un MOOC sur l'innovation publique collaborative ?",
        "CNFPT",
        K.PUBLIC_BODY,
        [QUAL],
        [(H, "Cheffe de projet", "CNFPT"), (F, "Facilitateur", "AMOOR")],
    ),
    13: (
        "Comment mettre en œuvre une démarche d'ouverture des données publiques de la "
        "Ville de Lille coproduite avec les acteurs du territoire et au service des "
        "projets de territoires définis dans les quartiers ?",
        "Ville de Lille",
        K.COMMUNE,
        [NUM, COH],
        [
            (
                H,
                "Chargée de mission développement des usages numériques",
                "Ville de Lille",
            ),
            (F, "Directeur administratif et financier", "CNFPT Nord-Pas-de-Calais"),
        ],
    ),
    15: (
        "Comment composer un lieu (Open Lab) à dimension participative ouvert mettant "
        "en relation des partenaires publics et privés, qui aurait pour objectif de "
        "favoriser l'émergence d'idées jusqu'à leur mise en œuvre à grande échelle ?",
        "SITCAM (260 collectivités, PACA)",
        K.PUBLIC_BODY,
        [NUM],
        [
            (H, "Responsable innovation", "SITCAM"),
            (F, "Cheffe de projet innovation numérique", "CNFPT"),
            (F, "Directeur innovation", "Conseil départemental de Loire-Atlantique"),
        ],
    ),
    18: (
        "Comment apprendre ensemble entre pairs dans le cadre d'un réseau social "
        "d'apprentissage et d'un MOOC sur l'innovation publique collaborative ?",
        "CNFPT",
        K.PUBLIC_BODY,
        [QUAL],
        [(H, "Cheffe de projet", "CNFPT"), (F, "Facilitateur", "AMOOR")],
    ),
    19: (
        "Comment intégrer les jeunes migrants arrivés en Allemagne à la fin de leur "
        "scolarité ?",
        "Ville de Kehl (Allemagne)",
        K.EUROPEAN_CITY,
        [QUAL, COH],
        [
            (H, "Directrice de cabinet", "Ville de Kehl"),
            (F, "Pôle de compétence Europe", "INET"),
        ],
    ),
    20: (
        "Comment le sensible — la culture — peut rendre possible le développement de "
        "l'innovation d'un territoire ? Et comment passer de l'innovation à la "
        "pérennisation ?",
        "Ville du Havre",
        K.COMMUNE,
        [DEMO, QUAL, COH],
        [
            (H, "Déléguée à la culture", "Ville du Havre"),
            (F, "Directrice de la mission innovation", "CNFPT"),
            (F, "Conseillère", "INET"),
        ],
    ),
}

# Rennes 2018 défis through the université: (status, date, note).
HISTORY_2018 = [
    (ChallengeStatus.SELECTED, date(2018, 7, 9), "Présenté à l'université de Rennes"),
    (ChallengeStatus.IN_WORKSHOP, date(2018, 7, 9), "Étapes 1 à 6 avec l'équipe"),
    (ChallengeStatus.PROTOTYPE_TESTED, date(2018, 7, 11), "Exposition collective"),
]
# Demo learning teams (members app) working on Rennes défis.
TEAMS_2018 = {
    3: "equipe-mobilites-rennes-2018",
    7: "equipe-accueil-usagers-rennes-2018",
}
RESOURCES = [
    "mini-immersion",
    "prototypage-rapide",
    "exposition-collective-retroactions",
]


def _record_history(challenge, history):
    """Dated status changes, written once (the lifecycle then owns them)."""
    if challenge.status_changes.exists():
        return
    previous = ChallengeStatus.PROPOSED
    for status, day, note in history:
        ChallengeStatusChange.objects.create(
            challenge=challenge,
            from_status=previous,
            to_status=status,
            date=day,
            note=note,
        )
        previous = status
    ChallengePage.objects.filter(pk=challenge.pk).update(
        status=previous, status_changed_on=history[-1][1] if history else None
    )


def _title(question):
    """The page title: the question, or its first sentence when too long."""
    if len(question) <= 255:
        return question
    return question[: question.index("?") + 1]


def _themes(slugs):
    return list(Theme.objects.filter(slug__in=slugs))


@transaction.atomic
def seed(log):
    index, _ = get_or_create_child(
        home_page(),
        ChallengeIndexPage,
        "defis",
        title="Défis",
        show_in_menus=True,
        intro="<p>Les questions « Comment … ? » apportées par les collectivités, "
        "travaillées par les équipes apprenantes pendant l'université et suivies "
        "après.</p>",
    )
    edition_2018 = EditionPage.objects.get(slug="universite-2018")
    edition_2017 = EditionPage.objects.get(slug="universite-2017")
    rennes = Venue.objects.get(slug="rennes")
    resources = list(MethodPage.objects.filter(slug__in=RESOURCES).order_by("title"))
    teams = {
        t.slug: t for t in LearningTeam.objects.filter(slug__in=TEAMS_2018.values())
    }

    dated = {edition_2018: [], edition_2017: []}
    for number, (question, short, who, kind, themes, fiche) in RENNES_2018.items():
        challenge, _ = get_or_create_child(
            index,
            ChallengePage,
            f"2018-rennes-defi-{number}",
            title=_title(question),
            question=question,
            number=number,
            short_name=short,
            collectivity=who,
            collectivity_kind=kind,
            edition=edition_2018,
            venue=rennes,
            more_info_url="http://www.bretagne-creative.net/article2820.html",
            **(fiche or {}),
        )
        team = teams.get(TEAMS_2018.get(number))
        sync_relations(
            challenge,
            children={"related_resources": [{"page": page} for page in resources]},
            m2m={"themes": _themes(themes), "teams": [team] if team else []},
        )
        _record_history(challenge, HISTORY_2018)
        dated[edition_2018].append(challenge)

    for number, (question, who, kind, themes, people) in DEFIS_2017.items():
        challenge, _ = get_or_create_child(
            index,
            ChallengePage,
            f"2017-defi-{number}",
            title=_title(question),
            question=question,
            number=number,
            collectivity=who,
            collectivity_kind=kind,
            edition=edition_2017,
        )
        sync_relations(
            challenge,
            children={
                "people": [
                    {"role": role, "label": label, "organisation": org, "member": None}
                    for role, label, org in people
                ]
            },
            m2m={"themes": _themes(themes)},
        )
        if (
            challenge.status == ChallengeStatus.PROPOSED
            and not challenge.status_changes.exists()
        ):
            ChallengePage.objects.filter(pk=challenge.pk).update(
                status=ChallengeStatus.SELECTED
            )
        dated[edition_2017].append(challenge)
    # Défis of past éditions carry their édition's dates, not the seeding day's.
    for edition, challenges in dated.items():
        date_pages(challenges, edition.reference_date, edition.last_date)
    log(
        f"défis : {len(RENNES_2018)} défis de Rennes 2018, {len(DEFIS_2017)} défis de 2017"
    )
    demo_progress.seed(log)

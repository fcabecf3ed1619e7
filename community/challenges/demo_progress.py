"""Demo content: what six défis became during and after their université — the
team's summary of each of the six étapes, the exposition's outcome and one
follow-up news item (idempotent).

Written for the project from each défi's own fiche (seeds 001 and 002): the
questions, territories and obstacles are the seeds'; the étapes, prototypes
and news are plausible illustrations, signed by nobody. They give the défi
pages, and later their booklets and the bilan of an édition, some substance.
"""

from dataclasses import dataclass
from datetime import timedelta

from community.events.choices import ChallengeStep

from .models import (
    ChallengeExposition,
    ChallengeNews,
    ChallengePage,
    ChallengeStepSummary,
)


@dataclass(frozen=True)
class Progress:
    slug: str
    steps: tuple[str, str, str, str, str, str]  # étapes 1 to 6
    prototype: str
    feedback: str
    next_actions: str
    news_title: str
    news_body: str
    news_after_days: int = 180  # after the édition's last day


PROGRESS = (
    Progress(
        slug="2018-rennes-defi-1",
        steps=(
            "L'équipe a relu la fiche avec la commune : la Glacière est un "
            "patrimoine bâti à reconvertir, et la question porte moins sur le "
            "futur usage que sur la façon de juger qu'un projet est durable.",
            "Mini-immersion sur le port : visite du bâtiment, échanges avec "
            "l'association patrimoniale et avec deux commerçants du quai. Tous "
            "parlent d'authenticité du lieu avant de parler d'économie.",
            "Trois familles de critères se dégagent : le milieu naturel de la "
            "ria, la vie du port à l'année, la capacité du projet à s'entretenir "
            "sans subvention permanente. Le prototype sera une grille "
            "d'évaluation testée sur un projet réel.",
            "Construction d'une grille de douze critères, chacun avec une "
            "question simple et une échelle en trois niveaux, et d'un jeu de "
            "cartes pour l'animer en réunion publique.",
            "La grille a été essayée avec des participants jouant les "
            "partenaires (syndicats mixtes, région, habitants) sur le projet de "
            "la Glacière : deux critères étaient incompris, un manquait (l'accès "
            "à pied depuis le bourg).",
            "Apprentissage principal : une grille co-construite sert surtout à "
            "faire parler les partenaires de ce qu'ils attendent. L'exposition "
            "présente la grille révisée et le jeu de cartes.",
        ),
        prototype="Une grille de douze critères de durabilité, animée avec un "
        "jeu de cartes, pour évaluer un projet de reconversion de patrimoine avec "
        "ses partenaires.",
        feedback="Plusieurs collectivités littorales ont demandé la grille. "
        "Remarque fréquente : prévoir une version courte pour les conseils "
        "municipaux.",
        next_actions="La commune utilise la grille pour le cahier des charges de "
        "la consultation ; une version courte sera partagée dans la bibliothèque "
        "de ressources.",
        news_title="Six mois après : la grille dans le cahier des charges",
        news_body="La grille de durabilité a servi à rédiger le cahier des "
        "charges de la reconversion de la Glacière. Les candidats ont été "
        "invités à s'y situer, critère par critère.",
    ),
    Progress(
        slug="2018-rennes-defi-2",
        steps=(
            "Le lab itinérant doit être simple à mobiliser par un collège, "
            "lisible pour les enseignants et valorisant pour tous : l'équipe "
            "reformule le défi du point de vue d'un principal de collège.",
            "Immersion dans un collège rural et une médiathèque : les "
            "enseignants veulent du concret en une heure de cours, les "
            "médiateurs du numérique veulent des séances suivies.",
            "Le prototype : un catalogue de courtes séances prêtes à l'emploi, "
            "et un parcours de réservation en trois clics pour les collèges.",
            "Maquette papier du catalogue (huit séances) et d'un formulaire de "
            "réservation ; scénario de visite du lab dans la cour du collège.",
            "Test avec des participants dans le rôle d'enseignants et de "
            "collégiens : la réservation est comprise, mais les séances doivent "
            "dire à quel programme scolaire elles se rattachent.",
            "Apprentissage : partir des programmes scolaires plutôt que des "
            "outils. L'exposition montre le catalogue annoté par les testeurs.",
        ),
        prototype="Un catalogue de séances d'une heure reliées aux programmes "
        "scolaires, et un parcours de réservation du lab en trois étapes.",
        feedback="Les visiteurs ont apprécié la simplicité de la réservation ; "
        "plusieurs ont proposé d'associer les fablabs du département aux séances.",
        next_actions="Le Département teste le catalogue dans quatre collèges à "
        "la rentrée, avec un bilan en fin de trimestre.",
        news_title="Le lab itinérant a visité ses quatre premiers collèges",
        news_body="Quatre collèges ont réservé le lab itinérant avec le nouveau "
        "catalogue. Les séances les plus demandées portent sur l'usage des "
        "réseaux sociaux et la fabrication numérique.",
    ),
    Progress(
        slug="2018-rennes-defi-3",
        steps=(
            "Le défi parle à la fois aux familles et aux agents : l'équipe "
            "décide de suivre une inscription de bout en bout, de la file "
            "d'attente au premier cours.",
            "Observation d'une matinée d'inscriptions et entretiens courts avec "
            "des parents : l'attente physique et les pièces justificatives "
            "redemandées chaque année reviennent sans cesse.",
            "Prototype retenu : une pré-inscription en ligne avec un créneau "
            "de rendez-vous, et la réutilisation des pièces déjà fournies.",
            "Écrans dessinés du parcours de pré-inscription et script de "
            "l'accueil au guichet pour les familles sans accès au numérique.",
            "Test avec des participants jouant des familles et des agents "
            "d'accueil : le créneau réduit l'attente, mais il faut garder un "
            "accueil sans rendez-vous pour les familles qui en ont besoin.",
            "Apprentissage : simplifier pour les familles simplifie aussi le "
            "travail des agents, à condition de les associer dès le début.",
        ),
        prototype="Une pré-inscription en ligne avec choix d'un créneau et "
        "réutilisation des pièces justificatives, doublée d'un accueil au guichet.",
        feedback="Les agents présents ont souligné l'intérêt de garder un accueil "
        "sans rendez-vous ; les visiteurs ont demandé une version pour les "
        "activités sportives des adultes.",
        next_actions="La ville prévoit une expérimentation sur une piscine pour "
        "la saison suivante.",
        news_title="Inscriptions à la natation : l'expérimentation a commencé",
        news_body="Une piscine municipale teste la pré-inscription avec "
        "rendez-vous. L'attente moyenne le jour des inscriptions a fortement "
        "baissé, et l'accueil sans rendez-vous reste ouvert.",
    ),
    Progress(
        slug="2018-rennes-defi-7",
        steps=(
            "L'accueil va évoluer ; l'équipe se demande comment les agents "
            "d'accueil peuvent en être les auteurs plutôt que les destinataires.",
            "Mini-immersion à l'accueil de la mairie : les agents connaissent "
            "les questions récurrentes des usagers mieux que quiconque, mais ne "
            "sont jamais consultés sur l'aménagement des lieux.",
            "Prototype : un atelier d'une demi-journée où les agents dessinent "
            "le parcours d'un usager et proposent eux-mêmes les changements.",
            "Préparation du déroulé de l'atelier, des personas d'usagers et d'un "
            "plan de l'accueil à annoter.",
            "L'atelier a été déroulé avec des participants dans le rôle des "
            "agents : les propositions les plus nombreuses portent sur "
            "l'orientation et la confidentialité des échanges.",
            "Apprentissage : associer les agents demande du temps dégagé sur "
            "leur planning ; l'exposition présente le déroulé et le plan annoté.",
        ),
        prototype="Le déroulé d'un atelier où les agents d'accueil conçoivent "
        "l'évolution de leur accueil à partir du parcours des usagers.",
        feedback="De nombreux visiteurs ont demandé le déroulé de l'atelier pour "
        "l'adapter à leur propre collectivité.",
        next_actions="L'atelier sera organisé avec les agents d'accueil avant "
        "les travaux prévus dans le hall.",
        news_title="Les agents d'accueil ont dessiné leur nouvel accueil",
        news_body="Deux ateliers ont réuni les agents d'accueil. Leur plan, qui "
        "crée un espace d'échange confidentiel, a été repris par le projet de "
        "réaménagement du hall.",
    ),
    Progress(
        slug="2017-defi-2",
        steps=(
            "Repenser l'accueil de l'hôtel de ville selon les usages attendus : "
            "physique, téléphonique et numérique. L'équipe part des demandes "
            "réelles plutôt que des canaux.",
            "Une journée à l'accueil et au standard : une grande partie des "
            "appels porte sur des horaires et des démarches déjà en ligne.",
            "Prototype : une carte des demandes les plus fréquentes, avec pour "
            "chacune le meilleur canal et la réponse type.",
            "Réalisation de la carte et d'une fiche réponse pour les trois "
            "demandes les plus fréquentes, testables au téléphone.",
            "Essai avec des participants jouant des usagers au téléphone et au "
            "guichet : les fiches raccourcissent les échanges, mais le site "
            "internet doit reprendre les mêmes mots.",
            "Apprentissage : un accueil se conçoit avec ceux qui le font. "
            "L'exposition présente la carte des demandes et les fiches réponses.",
        ),
        prototype="Une carte des demandes fréquentes de l'accueil, chacune "
        "associée à son meilleur canal et à une fiche réponse partagée.",
        feedback="Les visiteurs ont suggéré de relier les fiches réponses à la "
        "foire aux questions du site internet de la ville.",
        next_actions="La commune met les fiches réponses en commun entre "
        "l'accueil, le standard et le site internet.",
        news_title="Un accueil, trois canaux, les mêmes réponses",
        news_body="Les fiches réponses sont maintenant partagées par l'accueil, "
        "le standard et le site de la ville ; les questions les plus fréquentes "
        "y trouvent la même réponse quel que soit le canal.",
    ),
    Progress(
        slug="2017-defi-4",
        steps=(
            "Engager l'ensemble des citoyens dans une démarche de territoire à "
            "énergie positive : l'équipe cherche qui n'est jamais venu aux "
            "réunions publiques sur l'énergie.",
            "Rencontres au marché et à la sortie d'une école : l'énergie "
            "intéresse quand elle se traduit en facture, en confort et en "
            "déplacements du quotidien.",
            "Prototype : un défi « familles à énergie positive » entre voisins "
            "d'un même quartier, avec un tableau de bord simple.",
            "Conception du tableau de bord papier, des règles du défi et d'une "
            "affiche pour recruter des familles volontaires.",
            "Test avec des participants jouant des familles : le défi motive, "
            "mais le relevé des compteurs doit être plus simple.",
            "Apprentissage : partir de la vie quotidienne pour parler de "
            "transition écologique. L'exposition montre le tableau de bord.",
        ),
        prototype="Un défi entre familles voisines pour réduire leur consommation "
        "d'énergie, avec un tableau de bord simple et des règles du jeu.",
        feedback="Les visiteurs ont proposé d'associer les écoles et les "
        "associations de quartier au recrutement des familles.",
        next_actions="La collectivité lance une première saison du défi avec "
        "les associations de quartier.",
        news_title="Première saison du défi des familles à énergie positive",
        news_body="Une vingtaine de familles ont relevé le défi pendant l'hiver. "
        "Les économies d'énergie mesurées seront présentées lors de la "
        "prochaine réunion publique sur la transition écologique.",
    ),
)


def seed(log):
    """Étapes, exposition and news of the six défis (after ``demo.seed``)."""
    pages = ChallengePage.objects.filter(
        slug__in=[p.slug for p in PROGRESS]
    ).select_related("edition")
    by_slug = {page.slug: page for page in pages}
    for progress in PROGRESS:
        challenge = by_slug.get(progress.slug)
        if challenge is None:
            continue
        for step, summary in zip(ChallengeStep.values, progress.steps, strict=True):
            ChallengeStepSummary.objects.update_or_create(
                challenge=challenge, step=step, defaults={"summary": summary}
            )
        ChallengeExposition.objects.update_or_create(
            challenge=challenge,
            defaults={
                "prototype": progress.prototype,
                "feedback": progress.feedback,
                "next_actions": progress.next_actions,
            },
        )
        edition = challenge.edition
        day = edition.last_date + timedelta(days=progress.news_after_days)
        ChallengeNews.objects.update_or_create(
            challenge=challenge,
            title=progress.news_title,
            defaults={"body": progress.news_body, "date": day},
        )
    log(f"défis : étapes, exposition et nouvelles de {len(by_slug)} défis")

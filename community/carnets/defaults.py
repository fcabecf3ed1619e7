"""The default guide of every carnet: the moments' names and guiding prompts,
written from seed 002 (« le carnet d'apprentissage et les différents temps de
rencontres des équipes apprenantes »). Organisers adapt them per édition in
the admin (Snippets › Guides du carnet); this text seeds the default guide."""

from .choices import Moment

MOMENTS = {
    Moment.BEFORE: (
        "Moment 1 — cadrer et partager ses objectifs",
        "Au début de l'université, chacun choisit son défi à partir des affiches "
        "et l'équipe se découvre. Posez ce que vous venez chercher.",
    ),
    Moment.DURING: (
        "Moment 2 — partager ses apprentissages et questions",
        "Au milieu de l'événement, entre la construction du prototype et son "
        "déroulement : ce que vous apprenez, ce qui vous interroge.",
    ),
    Moment.AFTER: (
        "Moment 3 — partager et engagements",
        "Après l'exposition collective des défis, avec ses rétroactions : ce que "
        "vous emportez et ce à quoi vous vous engagez.",
    ),
    Moment.FOLLOW_UP: (
        "Suites — nos engagements revisités",
        "Un, trois et six mois après l'événement, l'équipe relit les engagements "
        "du moment 3 : où en sommes-nous ? qu'est-ce qui a bougé ?",
    ),
}

PROMPTS = {
    Moment.BEFORE: [
        (
            "Pourquoi ai-je choisi ce défi ?",
            "Ce qui m'a attiré sur son affiche, ce qu'il éveille de mon propre "
            "travail dans ma collectivité.",
        ),
        (
            "Quelles sont mes attentes pour ces trois jours ?",
            "Ce que je viens apprendre, essayer, rencontrer. Une ou deux phrases "
            "suffisent.",
        ),
        (
            "Quels objectifs l'équipe se donne-t-elle ?",
            "La synthèse collective : ce que l'équipe veut avoir compris ou "
            "prototypé à la fin de l'événement.",
        ),
        (
            "Qui sont les usagers et les parties prenantes du défi ?",
            "Qui allons-nous écouter pendant la mini-immersion ? Que savons-nous "
            "déjà d'eux, que croyons-nous savoir ?",
        ),
    ],
    Moment.DURING: [
        (
            "Qu'ai-je appris de l'écoute des usagers ?",
            "Une parole entendue pendant l'immersion, un usage qui m'a surpris, "
            "un angle mort découvert.",
        ),
        (
            "Quelles questions restent ouvertes pour l'équipe ?",
            "Ce que le prototype doit nous aider à comprendre ; ce sur quoi nous "
            "ne sommes pas d'accord.",
        ),
        (
            "Comment l'équipe travaille-t-elle ensemble ?",
            "La place de chacun, l'écoute entre nous, ce que nous ferions "
            "autrement demain.",
        ),
    ],
    Moment.AFTER: [
        (
            "Qu'est-ce que j'emporte dans ma collectivité ?",
            "Une méthode, une posture, une idée de prototype, une personne rencontrée.",
        ),
        (
            "À quoi nous engageons-nous, et d'ici quand ?",
            "Les engagements de l'équipe et de chacun : des actions précises, "
            "datées, que nous relirons dans un, trois et six mois.",
        ),
        (
            "Quels retours l'exposition nous a-t-elle apportés ?",
            "Les rétroactions des autres équipes, des porteurs et des grands "
            "témoins, et les prochaines actions qu'elles suggèrent.",
        ),
    ],
    Moment.FOLLOW_UP: [
        (
            "Où en sont nos engagements ?",
            "Pour chaque engagement du moment 3 : fait, en cours, abandonné, et "
            "pourquoi.",
        ),
        (
            "Qu'est-ce qui a changé depuis l'université ?",
            "Dans le projet, dans l'équipe, dans ma façon de travailler.",
        ),
    ],
}

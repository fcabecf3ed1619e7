"""Demo glossary: terms the seeds use, with definitions written for the site."""

# (title, variants, definition, see_also titles, themes)
TERMS = [
    (
        "Parangonnage",
        ["benchmarking", "parangonage"],
        "Comparer ses pratiques à celles d'autres organisations reconnues pour s'en "
        "inspirer et progresser. En collectivité, on compare des services, des "
        "politiques ou des modes d'organisation avec ceux de collectivités voisines "
        "ou étrangères.",
        ["Prospective", "Expérimentation"],
        ["qualite-action-publique"],
    ),
    (
        "Théorie U",
        ["U theory"],
        "Démarche de changement qui invite à « descendre » dans l'écoute en "
        "profondeur (de soi, de l'équipe, du champ social) avant de laisser émerger "
        "des solutions, puis à les prototyper. Elle inspire la boucle de "
        "l'innovation collaborative.",
        ["Immersion", "Prototype"],
        ["qualite-action-publique"],
    ),
    (
        "Co-design",
        ["codesign", "conception collaborative"],
        "Concevoir un service ou une politique avec les personnes concernées "
        "(usagers, agents, partenaires) plutôt que pour elles, à chaque étape : "
        "compréhension, idées, prototypes et tests.",
        ["Co-construction", "Usager"],
        ["qualite-action-publique"],
    ),
    (
        "Intelligence collective",
        [],
        "Capacité d'un groupe à produire ensemble plus et mieux que la somme de ses "
        "membres, grâce à des règles d'écoute, de parole et de décision partagées.",
        ["Facilitation", "Sociocratie"],
        ["democratie-citoyennete"],
    ),
    (
        "Prototype",
        ["maquette"],
        "Représentation rapide et peu coûteuse d'une idée (scénario, maquette "
        "papier, jeu de rôle) que l'on peut montrer et tester avec des usagers pour "
        "apprendre avant d'investir.",
        ["Expérimentation", "Exposition collective"],
        ["qualite-action-publique"],
    ),
    (
        "Immersion",
        ["mini-immersion"],
        "Aller sur le terrain observer les usages et recueillir la parole des "
        "usagers et des agents, pour comprendre le défi de leur point de vue.",
        ["Usager", "Théorie U"],
        ["qualite-action-publique"],
    ),
    (
        "Facilitation",
        [],
        "Art d'animer un groupe pour qu'il atteigne son objectif : le facilitateur "
        "garantit le cadre, le temps et la parole de chacun sans trancher sur le "
        "fond.",
        ["Intelligence collective"],
        ["qualite-action-publique"],
    ),
    (
        "Porteur de défi",
        ["porteuse de défi"],
        "Représentant de la collectivité qui apporte un défi à l'université d'été "
        "et s'engage à tester ce qui en sortira.",
        ["Défi territorial"],
        ["qualite-action-publique"],
    ),
    (
        "Équipe apprenante",
        ["équipes apprenantes"],
        "Groupe autogéré de participants qui travaille un défi pendant "
        "l'université et tient ensemble un carnet d'apprentissage, avant, pendant "
        "et après l'événement.",
        ["Carnet d'apprentissage"],
        ["qualite-action-publique"],
    ),
    (
        "Carnet d'apprentissage",
        [],
        "Journal en ligne d'une équipe apprenante, en trois moments : cadrer ses "
        "objectifs, partager ses apprentissages et questions, puis ses engagements.",
        ["Équipe apprenante", "Capitalisation"],
        ["qualite-action-publique"],
    ),
    (
        "Défi territorial",
        ["défi"],
        "Question « Comment … ? » apportée par une collectivité, avec son "
        "territoire, ses enjeux, ses parties prenantes, ses obstacles et ses leviers.",
        ["Porteur de défi"],
        ["qualite-action-publique"],
    ),
    (
        "Tiers-lieu",
        ["tiers lieu"],
        "Lieu hybride, ni domicile ni travail, ouvert aux habitants, associations, "
        "entreprises et services publics pour travailler, apprendre et coopérer "
        "(espace de coworking, fablab, café associatif…).",
        ["Fablab", "Open lab"],
        ["cohesion-urbaine-sociale"],
    ),
    (
        "Fablab",
        ["fab lab"],
        "Atelier ouvert équipé de machines de fabrication numérique (découpe laser, "
        "imprimante 3D) où chacun peut apprendre et prototyper.",
        ["Tiers-lieu"],
        ["transitions-numeriques"],
    ),
    (
        "Open lab",
        ["laboratoire ouvert"],
        "Lieu et démarche d'innovation ouverts aux partenaires publics et privés et "
        "aux citoyens, pour faire émerger des idées jusqu'à leur mise en œuvre.",
        ["Tiers-lieu", "Écosystème d'innovation"],
        ["transitions-numeriques"],
    ),
    (
        "Données ouvertes",
        ["open data", "ouverture des données publiques"],
        "Données produites par une administration et publiées pour que chacun "
        "puisse les réutiliser librement, dans un format exploitable et sous une "
        "licence ouverte.",
        ["E-démocratie"],
        ["transitions-numeriques"],
    ),
    (
        "QPV",
        ["quartier prioritaire de la politique de la ville", "quartiers prioritaires"],
        "Quartier prioritaire de la politique de la ville : territoire urbain où "
        "les revenus des habitants sont faibles et qui bénéficie d'actions "
        "renforcées de l'État et des collectivités.",
        [],
        ["cohesion-urbaine-sociale"],
    ),
    (
        "EPCI",
        ["établissement public de coopération intercommunale", "intercommunalité"],
        "Établissement public de coopération intercommunale : communauté de "
        "communes, d'agglomération, communauté urbaine ou métropole, qui exerce des "
        "compétences à la place de ses communes membres.",
        ["Réforme territoriale"],
        ["reformes-institutionnelles"],
    ),
    (
        "DGS",
        ["directeur général des services", "directrice générale des services"],
        "Directeur ou directrice général(e) des services : le plus haut cadre "
        "administratif d'une collectivité, qui dirige les services aux côtés des "
        "élus.",
        ["Innovation managériale"],
        ["reformes-institutionnelles"],
    ),
    (
        "Sociocratie",
        [],
        "Mode de gouvernance qui organise la décision par consentement, en cercles "
        "reliés entre eux, pour que chacun puisse peser sur les décisions qui le "
        "concernent.",
        ["Intelligence collective"],
        ["democratie-citoyennete"],
    ),
    (
        "MOOC",
        ["cours en ligne ouvert et massif"],
        "Cours en ligne ouvert à tous, suivi à distance par un grand nombre de "
        "participants ; le MOOC innovation publique prolonge l'université.",
        ["Capitalisation"],
        ["transitions-numeriques"],
    ),
    (
        "E-démocratie",
        ["démocratie numérique", "e-démocratie"],
        "Usage des outils numériques pour informer, consulter et associer les "
        "citoyens aux décisions publiques (plateformes de participation, budgets "
        "participatifs en ligne…).",
        ["Démocratie participative", "Données ouvertes"],
        ["democratie-citoyennete", "transitions-numeriques"],
    ),
    (
        "Démocratie participative",
        ["participation citoyenne"],
        "Ensemble des dispositifs qui associent les habitants à l'élaboration des "
        "décisions publiques, au-delà de l'élection.",
        ["E-démocratie"],
        ["democratie-citoyennete"],
    ),
    (
        "Territoire à énergie positive",
        ["TEPOS"],
        "Territoire qui s'engage à réduire ses besoins d'énergie et à les couvrir "
        "par des énergies renouvelables locales, avec ses habitants et ses "
        "entreprises.",
        [],
        ["transitions-ecologiques"],
    ),
    (
        "Prospective",
        [],
        "Démarche qui explore les futurs possibles d'un territoire ou d'une "
        "organisation pour éclairer les décisions d'aujourd'hui.",
        ["Parangonnage"],
        ["reformes-institutionnelles"],
    ),
    (
        "Expérimentation",
        ["expérimenter"],
        "Tester une solution à petite échelle et pour un temps limité, en mesurant "
        "ses effets, avant de décider de la généraliser : un choix réversible face "
        "à l'incertitude.",
        ["Prototype"],
        ["qualite-action-publique"],
    ),
    (
        "Co-construction",
        ["co-production", "coproduction"],
        "Élaborer une action publique avec ses partenaires et ses usagers, en "
        "partageant le diagnostic, les choix et la mise en œuvre.",
        ["Co-design"],
        ["democratie-citoyennete"],
    ),
    (
        "Écosystème d'innovation",
        ["écosystème apprenant"],
        "Réseau d'acteurs d'un territoire (collectivités, associations, "
        "entreprises, recherche, habitants) qui s'entraident pour faire naître et "
        "grandir des projets innovants.",
        ["Open lab"],
        ["qualite-action-publique"],
    ),
    (
        "Innovation managériale",
        [],
        "Adoption par une organisation de nouvelles idées ou de nouveaux "
        "comportements dans sa manière de diriger et d'organiser le travail.",
        ["DGS"],
        ["qualite-action-publique"],
    ),
    (
        "Usager",
        ["expérience usager", "parcours usager"],
        "Personne qui utilise un service public ; partir de son expérience réelle "
        "est le point de départ du design de services.",
        ["Immersion", "Co-design"],
        ["qualite-action-publique"],
    ),
    (
        "Capitalisation",
        ["capitaliser"],
        "Garder la trace de ce qu'on a appris pour le partager et le réutiliser : "
        "synthèses, carnets, fiches méthodes, bilans.",
        ["Carnet d'apprentissage"],
        ["qualite-action-publique"],
    ),
    (
        "Exposition collective",
        [],
        "Temps final de l'université où chaque équipe présente son prototype et "
        "recueille les rétroactions des autres participants.",
        ["Prototype"],
        ["qualite-action-publique"],
    ),
    (
        "Réforme territoriale",
        ["reconfiguration territoriale"],
        "Évolution des périmètres et des compétences des collectivités (fusions de "
        "régions, EPCI élargis, communes nouvelles).",
        ["EPCI"],
        ["reformes-institutionnelles"],
    ),
]

# Glossary term -> titles (beginnings) of bibliography references it rests on.
SOURCES = {
    "Théorie U": ["Theory U"],
    "Intelligence collective": ["L'intelligence collective", "Big Mind"],
    "Co-design": ["Design for Policy", "Design, When Everybody Designs"],
    "Co-construction": ["Enhancing Collaborative Innovation"],
    "Expérimentation": ["Embracing Innovation in Government"],
    "Écosystème d'innovation": ["i-teams"],
}

"""Demo method sheets, from the seeds (programme of seed 002, SWOT of seed 003,
cas pratique of seed 000)."""

SWOT_QUESTIONS = {
    "data": [
        ["", "Opportunités", "Menaces"],
        [
            "Forces",
            "Comment exploiter les forces reconnues afin de tirer profit de ces "
            "opportunités ?",
            "Comment utiliser ces forces pour réduire l'impact de ces menaces ?",
        ],
        [
            "Faiblesses",
            "Comment faire pour que ces faiblesses n'empêchent pas de tirer profit "
            "de ces opportunités ?",
            "Quelles stratégies adopter afin que ces faiblesses n'amplifient pas "
            "ces menaces ?",
        ],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_caption": "La matrice du SWOT croisé : quatre questions stratégiques",
}

SWOT_EXAMPLE = {
    "data": [
        [
            "Forces × opportunités",
            "Effets positifs de la reconfiguration territoriale",
            "Stimulation financière",
            "Injonctions sociétales et outils numériques",
        ],
        [
            "Autonomie organisationnelle locale",
            "Émergence possible d'un nouveau projet de territoire",
            "Organisation plus proactive",
            "Pressions multiples directes, attente de réactions",
        ],
        [
            "Motivation et valeurs des agents publics",
            "Disponibilité culturelle et intellectuelle, émulation",
            "Quête de sens redoublée, stimulation de la créativité utile",
            "Aspirations au transversal, à l'horizontal",
        ],
        [
            "Légitimité de l'action publique",
            "« Task force » plausible en faveur de l'innovation",
            "Confiance, efficacité, impôt : un triptyque gagnant ?",
            "L'aménageur du territoire, innovateur exemplaire ?",
        ],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_caption": "Exemple : croiser les forces d'une collectivité avec ses "
    "opportunités d'innover",
}


def step(title, text, duration=""):
    return ("step", {"title": title, "duration": duration, "text": text})


# slug -> fields; relations by title.
METHODS = [
    {
        "slug": "swot-croise",
        "title": "SWOT croisé",
        "summary": "Croiser forces, faiblesses, opportunités et menaces pour en "
        "tirer des stratégies d'innovation concrètes.",
        "objective": "<p>Passer d'un diagnostic (forces, faiblesses, opportunités, "
        "menaces) à des pistes d'action, en croisant chaque case avec les "
        "autres. Utile pour un DGS ou une équipe de direction qui veut piloter "
        "l'innovation.</p>",
        "phase": "ideate",
        "duration_minutes": 150,
        "group_min": 4,
        "group_max": 12,
        "materials": "<ul><li>Une grande matrice à quatre cases au mur</li>"
        "<li>Post-it de quatre couleurs</li></ul>",
        "steps": [
            step(
                "Lister forces et faiblesses",
                "<p>Ce qui, en interne, aide ou "
                "bride la capacité d'innovation (autonomie, motivation des agents, "
                "culture verticale, ressources rares…).</p>",
                "30 min",
            ),
            step(
                "Lister opportunités et menaces",
                "<p>Ce qui, dans "
                "l'environnement, rend l'innovation possible ou la menace "
                "(réforme territoriale, contraintes financières, fractures "
                "sociales…).</p>",
                "30 min",
            ),
            step(
                "Croiser",
                "<p>Pour chaque case de la matrice, répondre à sa "
                "question stratégique.</p>",
                "60 min",
            ),
            step(
                "Choisir",
                "<p>Retenir trois pistes et un premier pas pour chacune.</p>",
                "30 min",
            ),
        ],
        "tips": "<p>Traduisez pour agir : chaque croisement doit finir par un "
        "verbe. Faites-le avec les élus et les cadres, pas seulement entre "
        "experts.</p>",
        "variants": "<p>En grand groupe, répartissez les quatre croisements "
        "entre quatre sous-groupes puis mettez en commun.</p>",
        "body": [
            ("table", SWOT_QUESTIONS),
            ("table", SWOT_EXAMPLE),
        ],
        "roles": ["Facilitateur", "Porteur de défi"],
        "terms": ["Innovation managériale", "DGS"],
        "themes": ["qualite-action-publique", "reformes-institutionnelles"],
        "tags": ["diagnostic", "stratégie"],
    },
    {
        "slug": "mini-immersion",
        "title": "Mini-immersion",
        "summary": "Aller à la rencontre des usagers et des agents pour comprendre "
        "le défi de leur point de vue.",
        "objective": "<p>Récupérer la parole des usagers et observer les usages "
        "réels avant d'imaginer des solutions : plus l'écoute est en profondeur, "
        "plus les actions sont transformatrices.</p>",
        "phase": "listen",
        "duration_minutes": 120,
        "group_min": 3,
        "group_max": 8,
        "materials": "<ul><li>Guide d'entretien court</li><li>Carnet, appareil "
        "photo (avec accord)</li></ul>",
        "steps": [
            step(
                "Préparer",
                "<p>Choisir qui rencontrer et les trois questions essentielles.</p>",
                "20 min",
            ),
            step(
                "Observer et écouter",
                "<p>Sur le terrain, en binômes, noter "
                "ce que les personnes font et disent.</p>",
                "60 min",
            ),
            step(
                "Partager",
                "<p>Mettre en commun les verbatims et les surprises.</p>",
                "40 min",
            ),
        ],
        "tips": "<p>Écoutez sans chercher à convaincre. Notez les mots exacts "
        "des usagers.</p>",
        "variants": "<p>Immersion à distance : appels téléphoniques à des "
        "usagers volontaires.</p>",
        "body": [],
        "roles": ["Facilitateur", "Équipe défis et designers", "Participant"],
        "terms": ["Immersion", "Usager", "Théorie U"],
        "themes": ["qualite-action-publique"],
        "tags": ["terrain", "usagers"],
    },
    {
        "slug": "prototypage-rapide",
        "title": "Prototypage rapide",
        "summary": "Construire en quelques heures une maquette de la solution pour "
        "pouvoir la tester.",
        "objective": "<p>Rendre une idée tangible (maquette, scénario, jeu de "
        "rôle) et préparer la stratégie de capture d'informations pour le "
        "test.</p>",
        "phase": "prototype",
        "duration_minutes": 180,
        "group_min": 4,
        "group_max": 10,
        "materials": "<ul><li>Carton, papier, feutres, ciseaux</li><li>Figurines, "
        "Lego</li></ul>",
        "steps": [
            step(
                "Faire du sens et cadrer",
                "<p>Choisir l'idée et ce qu'on veut apprendre en la testant.</p>",
                "45 min",
            ),
            step(
                "Construire",
                "<p>Fabriquer la maquette la plus simple qui permette le test.</p>",
                "90 min",
            ),
            step(
                "Préparer la capture",
                "<p>Décider qui observe, quoi noter, quelles questions poser.</p>",
                "45 min",
            ),
        ],
        "tips": "<p>Un bon prototype est fait pour être jeté : ne le peaufinez "
        "pas.</p>",
        "variants": "<p>Prototype de service joué : un jeu de rôle du parcours "
        "usager.</p>",
        "body": [],
        "roles": ["Équipe défis et designers", "Facilitateur"],
        "terms": ["Prototype", "Co-design"],
        "themes": ["qualite-action-publique"],
        "tags": ["maquette"],
    },
    {
        "slug": "exposition-collective-retroactions",
        "title": "Exposition collective avec rétroactions",
        "summary": "Chaque équipe expose son prototype ; les visiteurs laissent "
        "des rétroactions et proposent des prochaines actions.",
        "objective": "<p>Tester les prototypes auprès de tous les participants et "
        "repartir avec des retours concrets et des prochaines actions.</p>",
        "phase": "test",
        "duration_minutes": 90,
        "group_min": 30,
        "group_max": 200,
        "materials": "<ul><li>Un stand par défi</li><li>Fiches de rétroaction "
        "(j'aime, je propose, je m'interroge)</li></ul>",
        "steps": [
            step(
                "Installer",
                "<p>Chaque équipe présente son défi et son "
                "prototype sur son stand.</p>",
                "15 min",
            ),
            step(
                "Visiter",
                "<p>Les participants circulent et remplissent les "
                "fiches de rétroaction.</p>",
                "45 min",
            ),
            step(
                "Retenir",
                "<p>Chaque équipe trie les retours et note ses prochaines actions.</p>",
                "30 min",
            ),
        ],
        "tips": "<p>Gardez une personne sur chaque stand, les autres visitent.</p>",
        "variants": "<p>Exposition en ligne dans l'e-communauté pour les absents.</p>",
        "body": [],
        "roles": ["Porteur de défi", "Participant", "Équipe logistique"],
        "terms": ["Exposition collective", "Prototype"],
        "themes": ["qualite-action-publique"],
        "tags": ["test", "exposition"],
    },
    {
        "slug": "mini-conference",
        "title": "Mini-conférence",
        "summary": "Une intervention courte, offerte par un participant, pour "
        "inspirer et transmettre une expérience.",
        "objective": "<p>Partager une expérience ou un concept en peu de temps, "
        "dans un petit espace, avec des participants inscrits sur place.</p>",
        "phase": "capitalise",
        "duration_minutes": 45,
        "group_min": 5,
        "group_max": 40,
        "materials": "<ul><li>Une affiche d'inscription</li><li>Un panneau pour "
        "inviter les participants</li></ul>",
        "steps": [
            step(
                "Annoncer",
                "<p>Afficher le sujet et les créneaux au panneau des conférences.</p>",
            ),
            step("Intervenir", "<p>20 minutes d'exposé, pas plus.</p>", "20 min"),
            step("Échanger", "<p>Questions et témoignages de la salle.</p>", "25 min"),
        ],
        "tips": "<p>Une idée forte, une histoire vraie, une ressource à retenir.</p>",
        "variants": "<p>Format « pecha kucha » : 20 images, 20 secondes chacune.</p>",
        "body": [],
        "roles": ["Conférencier", "Expert", "Équipe de communication"],
        "terms": ["Sociocratie", "Capitalisation"],
        "themes": ["qualite-action-publique"],
        "tags": ["transmission"],
    },
    {
        "slug": "boucle-amelioration-bilan",
        "title": "Boucle d'amélioration et bilan",
        "summary": "Tirer le bilan de l'université avec la communauté et en "
        "capitaliser les apprentissages.",
        "objective": "<p>Après l'événement, réunir les acteurs pour mesurer ce "
        "qui a marché, décider des améliorations et organiser la suite "
        "(formations, MOOC, cycle innovation).</p>",
        "phase": "capitalise",
        "duration_minutes": 240,
        "group_min": 8,
        "group_max": 30,
        "materials": "<ul><li>Les carnets d'apprentissage des équipes</li>"
        "<li>Les résultats des évaluations</li></ul>",
        "steps": [
            step(
                "Relire",
                "<p>Les carnets, les évaluations et les retours des "
                "porteurs de défi.</p>",
                "60 min",
            ),
            step(
                "Analyser",
                "<p>Ce qui a marché, ce qui n'a pas marché, "
                "pourquoi : on apprend autant des « flops » que des "
                "réussites.</p>",
                "90 min",
            ),
            step(
                "Décider",
                "<p>Trois améliorations pour la prochaine édition, "
                "un responsable pour chacune.</p>",
                "90 min",
            ),
        ],
        "tips": "<p>Invitez les porteurs de défi pour qu'ils racontent ce que "
        "sont devenus les prototypes.</p>",
        "variants": "<p>Bilan en ligne dans l'e-communauté, en asynchrone.</p>",
        "body": [],
        "roles": ["Équipe logistique", "Grand témoin", "Facilitateur"],
        "terms": ["Capitalisation", "Carnet d'apprentissage", "MOOC"],
        "themes": ["qualite-action-publique"],
        "tags": ["bilan", "amélioration continue"],
    },
    {
        "slug": "cas-pratique-sous-groupes",
        "title": "Cas pratique en sous-groupes",
        "summary": "Un projet présenté par une collectivité, analysé et enrichi "
        "par des pairs en petits groupes.",
        "objective": "<p>Analyser un projet réel avec des pairs, élaborer un "
        "projet de plan d'action et faire émerger des pistes de mise en "
        "œuvre.</p>",
        "phase": "ideate",
        "duration_minutes": 90,
        "group_min": 10,
        "group_max": 40,
        "materials": "<ul><li>Une présentation du projet en 10 à 30 lignes</li>"
        "<li>Paperboards</li></ul>",
        "steps": [
            step(
                "Présenter le projet",
                "<p>Deux animateurs de la collectivité présentent le projet.</p>",
                "15 min",
            ),
            step(
                "Travailler en sous-groupes",
                "<p>Sous-groupes de 10 "
                "participants : conseils, retours d'expériences.</p>",
                "45 min",
            ),
            step("Synthétiser", "<p>Chaque groupe restitue ses pistes.</p>", "30 min"),
        ],
        "tips": "<p>Respectez la parité des animateurs et tenez le temps de "
        "chaque séquence.</p>",
        "variants": "<p>En ligne : un fil de discussion par sous-groupe.</p>",
        "body": [],
        "roles": ["Porteur de défi", "Participant"],
        "terms": ["Co-construction", "Parangonnage"],
        "themes": ["qualite-action-publique"],
        "tags": ["pairs"],
    },
]

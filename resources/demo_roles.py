"""Demo role cards: every actor of seed 002 (roles, never people)."""

# (slug, title, summary, mission, before, during, after, skills, contact, themes)
ROLES = [
    (
        "equipe-logistique",
        "Équipe logistique",
        "Accueil, restauration, salles et matériel : elle rend l'université possible.",
        "<p>L'équipe logistique organise le lieu et le temps de l'université : "
        "accueil des participants, restauration, salles d'atelier, matériel de "
        "prototypage et signalétique.</p>",
        "<ul><li>Rédiger le cahier des charges logistique du lieu.</li>"
        "<li>Réserver les salles de mini-conférences et d'ateliers défis.</li>"
        "<li>Préparer le matériel de prototypage (papier, post-it, carton).</li></ul>",
        "<ul><li>Accueillir et orienter : constituer les équipes apprenantes.</li>"
        "<li>Installer l'exposition collective des défis.</li></ul>",
        "<ul><li>Dresser le bilan logistique pour la boucle d'amélioration.</li></ul>",
        "<ul><li>Sens de l'accueil</li><li>Anticipation</li><li>Gestion de prestataires</li></ul>",
        "Coordination du site (équipe projet locale)",
        ["qualite-action-publique"],
    ),
    (
        "equipe-communication",
        "Équipe de communication",
        "Microblogging, articles, vidéos et suivi de l'e-communauté.",
        "<p>L'équipe de communication raconte l'université en direct et en garde la "
        "trace : microblogging, articles de blog associant audio, vidéo et photos, "
        "production de ressources pédagogiques.</p>",
        "<ul><li>Préparer l'invitation, le teasing vidéo et les affiches des défis "
        "et des conférences.</li><li>Lancer les inscriptions.</li></ul>",
        "<ul><li>Couvrir les temps forts et les mini-conférences.</li>"
        "<li>Recueillir l'accord des personnes avant toute photo publiée.</li></ul>",
        "<ul><li>Publier les synthèses et animer l'e-communauté.</li></ul>",
        "<ul><li>Écriture web</li><li>Prise de vue</li><li>Droit à l'image</li></ul>",
        "Service communication de l'organisateur",
        ["transitions-numeriques"],
    ),
    (
        "conferencier",
        "Conférencier",
        "Il donne une mini-conférence pour inspirer et transmettre une expérience.",
        "<p>Le conférencier anime l'une des mini-conférences de l'université : "
        "innovation publique, fonctionnement en réseau, sociocratie, témoignage "
        "de collectivité.</p>",
        "<ul><li>Proposer un sujet et préparer une affiche d'inscription.</li></ul>",
        "<ul><li>Inviter les participants avec le panneau des conférences.</li>"
        "<li>Laisser du temps aux questions.</li></ul>",
        "<ul><li>Partager son support sous licence ouverte dans les documents.</li></ul>",
        "<ul><li>Prise de parole</li><li>Synthèse</li></ul>",
        "Coordination des mini-conférences du site",
        ["qualite-action-publique"],
    ),
    (
        "expert",
        "Expert",
        "Une ressource thématique mobilisable par les équipes pendant les défis.",
        "<p>L'expert apporte une compétence pointue (juridique, numérique, "
        "urbanisme…) aux équipes qui en ont besoin, sans prendre la main sur le "
        "défi.</p>",
        "<ul><li>Lire les fiches défis de sa thématique.</li></ul>",
        "<ul><li>Répondre aux questions des équipes, passer d'un défi à l'autre.</li></ul>",
        "<ul><li>Signaler les ressources utiles dans la bibliographie.</li></ul>",
        "<ul><li>Vulgarisation</li><li>Écoute</li></ul>",
        "Coordination nationale de l'université",
        ["reformes-institutionnelles"],
    ),
    (
        "grand-temoin",
        "Grand témoin",
        "Il observe l'université et en restitue les enseignements en clôture.",
        "<p>Le grand témoin suit l'ensemble de l'événement et en propose une lecture "
        "distanciée : ce qui a marché, ce qui interroge, ce qui reste à faire.</p>",
        "<ul><li>Découvrir le programme et les défis.</li></ul>",
        "<ul><li>Circuler entre les équipes et les mini-conférences.</li>"
        "<li>Restituer en plénière de clôture.</li></ul>",
        "<ul><li>Contribuer au bilan et à la capitalisation.</li></ul>",
        "<ul><li>Prise de recul</li><li>Sens de la formule</li></ul>",
        "Direction de l'organisateur",
        ["democratie-citoyennete"],
    ),
    (
        "porteur-de-defi",
        "Porteur de défi",
        "La collectivité qui apporte une question « Comment … ? » et en attend un prototype.",
        "<p>Le porteur de défi représente la collectivité qui pose le défi. Il "
        "formule la question, décrit le territoire, les enjeux, les parties "
        "prenantes, les obstacles et les leviers, et s'engage à tester la suite.</p>",
        "<ul><li>Rédiger la fiche défi avec l'appui de la communauté.</li>"
        "<li>Préparer la mini-immersion avec les usagers.</li></ul>",
        "<ul><li>Accompagner l'équipe sans imposer de solution.</li>"
        "<li>Réagir au prototype lors de l'exposition.</li></ul>",
        "<ul><li>Déployer ou tester le prototype dans la collectivité.</li>"
        "<li>Donner des nouvelles du défi dans l'e-communauté.</li></ul>",
        "<ul><li>Connaissance du terrain</li><li>Portage politique</li></ul>",
        "Direction générale des services de la collectivité porteuse",
        ["qualite-action-publique", "democratie-citoyennete"],
    ),
    (
        "facilitateur",
        "Facilitateur",
        "Il anime les ateliers du défi, étape par étape, avec le carnet du facilitateur.",
        "<p>Le facilitateur guide l'équipe apprenante dans les six étapes du défi, "
        "de l'appropriation à l'exposition, en garantissant l'écoute et "
        "l'intelligence collective.</p>",
        "<ul><li>Suivre la formation à la facilitation de défis.</li>"
        "<li>Préparer le déroulé dans le carnet du facilitateur.</li></ul>",
        "<ul><li>Animer les étapes 1 à 6 et tenir le temps.</li>"
        "<li>Faire émerger un prototype réaliste.</li></ul>",
        "<ul><li>Partager ses apprentissages pour la boucle d'amélioration.</li></ul>",
        "<ul><li>Animation de groupe</li><li>Neutralité</li><li>Gestion du temps</li></ul>",
        "Mission innovation de l'organisateur",
        ["qualite-action-publique"],
    ),
    (
        "equipe-defis-designer",
        "Équipe défis et designers",
        "Des designers en appui méthodologique aux équipes et aux facilitateurs.",
        "<p>L'équipe défis, avec des designers, apporte un appui méthodologique : "
        "immersion, co-design, prototypage rapide, mise en scène de "
        "l'exposition.</p>",
        "<ul><li>Accompagner la mise en mots des défis.</li></ul>",
        "<ul><li>Passer dans les équipes, débloquer le prototypage.</li></ul>",
        "<ul><li>Aider à documenter les prototypes.</li></ul>",
        "<ul><li>Design de services</li><li>Visualisation</li></ul>",
        "Équipe défis du site",
        ["qualite-action-publique", "transitions-numeriques"],
    ),
    (
        "chercheur",
        "Chercheur",
        "Sociologie, sciences de l'éducation : il apporte des concepts-clés aux défis.",
        "<p>Le chercheur participe aux défis et apporte des concepts-clés ; il "
        "observe aussi les apprentissages pour nourrir la recherche sur "
        "l'innovation publique.</p>",
        "<ul><li>Proposer des lectures à la bibliographie.</li></ul>",
        "<ul><li>Participer à une équipe apprenante.</li></ul>",
        "<ul><li>Partager ses analyses avec la communauté.</li></ul>",
        "<ul><li>Analyse</li><li>Méthodes qualitatives</li></ul>",
        "Coordination nationale (partenariats recherche)",
        ["democratie-citoyennete"],
    ),
    (
        "jeune-citoyen-europeen",
        "Jeune citoyen européen",
        "Des jeunes du collège européen qui apportent un regard neuf sur les défis.",
        "<p>Les jeunes citoyens européens rejoignent les équipes apprenantes et "
        "apportent le point de vue d'usagers et de citoyens d'autres pays.</p>",
        "<ul><li>Choisir un défi à partir des affiches.</li></ul>",
        "<ul><li>Participer aux étapes du défi et à l'exposition.</li></ul>",
        "<ul><li>Raconter leur expérience dans l'e-communauté.</li></ul>",
        "<ul><li>Curiosité</li><li>Langues</li></ul>",
        "Pôle de compétence Europe de l'organisateur",
        ["democratie-citoyennete"],
    ),
    (
        "participant",
        "Participant",
        "100 à 200 agents et partenaires qui forment les équipes apprenantes.",
        "<p>Le participant s'inscrit à un défi, rejoint une équipe apprenante "
        "autogérée et tient avec elle le carnet d'apprentissage.</p>",
        "<ul><li>Cadrer et partager ses objectifs (moment 1).</li></ul>",
        "<ul><li>Partager ses apprentissages et ses questions (moment 2).</li></ul>",
        "<ul><li>Partager ses engagements et les suivre (moment 3).</li></ul>",
        "<ul><li>Ouverture</li><li>Coopération</li></ul>",
        "Équipe d'accueil du site",
        ["qualite-action-publique"],
    ),
    (
        "contributeur",
        "Contributeur",
        "Il aide à une tâche précise : prise de notes, photo, animation d'un temps.",
        "<p>Le contributeur prend un rôle précis pour l'événement : prise de notes, "
        "photographie, animation d'un temps de plénière, traduction.</p>",
        "<ul><li>Se signaler auprès de l'équipe projet.</li></ul>",
        "<ul><li>Tenir son rôle et passer le relais.</li></ul>",
        "<ul><li>Déposer ses productions dans les documents.</li></ul>",
        "<ul><li>Fiabilité</li></ul>",
        "Équipe projet du site",
        ["qualite-action-publique"],
    ),
]

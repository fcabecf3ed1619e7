"""The relevance set: French queries over the demo content and the title each
must return in its first five results, whatever the back end. Add a line when
a new kind of content or a new way of asking appears."""

DEFI_TEPOS = (
    "Comment engager l'ensemble des citoyens dans une démarche territoire à "
    "énergie positive ?"
)
DEFI_BAROMETRE = (
    "Quelle vision partagée de l'innovation et quelle stratégie pour installer un "
    "baromètre de l'innovation dans le paysage institutionnel et en faire un levier "
    "durable pour réinterroger nos modes d'organisation et de management ?"
)
ETS_2013 = "ETS 2013 — Vos propositions : appel à contributions"
UNIVERSITE_2018 = "Université européenne de l'innovation publique territoriale 2018"

RELEVANCE_SET = [
    # Accents dropped or added, case
    ("equipe apprenante", "Équipe apprenante"),
    ("EQUIPE LOGISTIQUE", "Équipe logistique"),
    ("donnees ouvertes", "Données ouvertes"),
    ("reforme territoriale", "Réforme territoriale"),
    ("democratie participative", "Démocratie participative"),
    ("retroactions", "Exposition collective avec rétroactions"),
    ("conferencier", "Conférencier"),
    ("theorie u", "Théorie U"),
    # Plurals and verb forms
    ("équipes apprenantes", "Équipe apprenante"),
    ("innovations managériales", "Innovation managériale"),
    ("prototyper", "Prototypage rapide"),
    ("prototypes", "Prototype"),
    ("usagers", "Usager"),
    ("porteurs de défis", "Porteur de défi"),
    ("grands témoins", "Grand témoin"),
    ("facilitateurs", "Facilitateur"),
    ("tiers-lieux", "Tiers-lieu"),
    ("expérimentations", "Expérimentation"),
    # Elisions
    ("l'usager", "Usager"),
    ("l'intelligence collective", "Intelligence collective"),
    ("d'amélioration", "Boucle d'amélioration et bilan"),
    ("l'exposition collective", "Exposition collective"),
    # Typos
    ("parangonnage", "Parangonnage"),
    ("sociocracie", "Sociocratie"),
    ("capitalisasion", "Capitalisation"),
    ("facilitasion", "Facilitation"),
    # Multi-word and acronyms
    ("territoire à énergie positive", "Territoire à énergie positive"),
    ("énergie positive territoire", "Territoire à énergie positive"),
    ("jeune citoyen européen", "Jeune citoyen européen"),
    ("carnet d'apprentissage", "Carnet d'apprentissage"),
    ("mini conférence", "Mini-conférence"),
    ("mini immersion", "Mini-immersion"),
    ("swot croisé", "SWOT croisé"),
    ("EPCI", "EPCI"),
    ("MOOC", "MOOC"),
    ("QPV", "QPV"),
    ("DGS", "DGS"),
    ("e-démocratie", "E-démocratie"),
    # Other content types: communities, bibliography, documents, pages
    ("communauté Rennes", "E-communauté de Rennes"),
    ("Martinique", "E-communauté de Martinique"),
    (
        "everybody designs",
        "Design, When Everybody Designs: An Introduction to Design for Social Innovation",
    ),
    ("chantiers ouverts", "Chantiers ouverts au public"),
    (
        "collective intelligence",
        "Big Mind: How Collective Intelligence Can Change Our World",
    ),
    ("programme Cluny", "Programme de l'université d'été, site de Cluny (2018)"),
    ("mentions légales", "Mentions légales"),
    ("déclaration accessibilité", "Déclaration d'accessibilité"),
    # Every word a visitor reads on a page finds it (issue 16): the names of
    # its thèmes, of its édition and site; inline children; StreamField blocks
    # of every kind, tables included; fields shown beside the body.
    ("écologique", DEFI_TEPOS),
    # Every word must match; « transitions écologiques » names its thème.
    ("citoyens transitions écologiques", DEFI_TEPOS),
    ("baromètre université 2017", DEFI_BAROMETRE),  # its édition's name
    ("Ville d'Yvry", DEFI_BAROMETRE),  # a porteur's organisation
    ("conseil départemental de la Manche", DEFI_BAROMETRE),
    ("autonomie organisationnelle", "SWOT croisé"),  # a cell of a table block
    ("quatre questions stratégiques", "SWOT croisé"),  # a table's caption
    ("lister forces et faiblesses", "SWOT croisé"),  # a step (struct block)
    ("convaincre l'autre d'innover", ETS_2013),  # a rencontre of a call
    ("petits riens", ETS_2013),
    ("innover dans notre pilotage", ETS_2013),  # a rencontres' track
    ("atelier de mise en marche", UNIVERSITE_2018),  # a step of its timeline
    ("maison des associations", UNIVERSITE_2018),  # the place of a site
    ("INSET CNFPT", "Innovation managériale locale et bien-être des agents"),
    ("collectivité porteuse direction générale", "Porteur de défi"),  # contact
    ("Otto Scharmer", "Theory U: Leading from the Future as It Emerges"),
]

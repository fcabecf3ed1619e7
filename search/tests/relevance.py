"""The relevance set: French queries over the demo content and the title each
must return in its first five results, whatever the back end. Add a line when
a new kind of content or a new way of asking appears."""

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
]

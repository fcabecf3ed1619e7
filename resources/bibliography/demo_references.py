"""Real references for the demo bibliography (checked publications only; a
field we were not sure of is left empty rather than guessed)."""

A, ED = "author", "editor"


def person(family, given, role=A):
    return (role, family, given, "")


def org(name, role=A):
    return (role, "", "", name)


REFERENCES = [
    {
        "slug": "bason-leading-public-sector-innovation",
        "reference_type": "book",
        "title": "Leading Public Sector Innovation: Co-creating for a Better Society",
        "contributors": [person("Bason", "Christian")],
        "publisher": "Policy Press",
        "publisher_place": "Bristol",
        "year": 2010,
        "language": "en",
        "abstract": "Comment les administrations peuvent organiser l'innovation : "
        "laboratoires d'innovation, co-création avec les usagers, conduite du "
        "changement par les managers publics.",
        "tags": ["innovation publique", "co-création", "laboratoire d'innovation"],
        "themes": ["qualite-action-publique"],
    },
    {
        "slug": "bason-design-for-policy",
        "reference_type": "book",
        "title": "Design for Policy",
        "contributors": [person("Bason", "Christian", ED)],
        "publisher": "Gower",
        "publisher_place": "Farnham",
        "year": 2014,
        "language": "en",
        "abstract": "Ouvrage collectif sur l'apport du design à la conception et à "
        "la mise en œuvre des politiques publiques.",
        "tags": ["design des politiques publiques"],
        "themes": ["qualite-action-publique", "reformes-institutionnelles"],
    },
    {
        "slug": "manzini-design-when-everybody-designs",
        "reference_type": "book",
        "title": "Design, When Everybody Designs: An Introduction to Design for "
        "Social Innovation",
        "contributors": [
            person("Manzini", "Ezio"),
            person("Coad", "Rachel", "translator"),
        ],
        "publisher": "MIT Press",
        "publisher_place": "Cambridge (Mass.)",
        "year": 2015,
        "language": "en",
        "abstract": "Le design comme capacité diffuse de chacun, et le rôle des "
        "designers experts pour accompagner l'innovation sociale.",
        "tags": ["design", "innovation sociale"],
        "themes": ["cohesion-urbaine-sociale", "democratie-citoyennete"],
    },
    {
        "slug": "scharmer-theory-u",
        "reference_type": "book",
        "title": "Theory U: Leading from the Future as It Emerges",
        "contributors": [person("Scharmer", "C. Otto")],
        "publisher": "Society for Organizational Learning",
        "publisher_place": "Cambridge (Mass.)",
        "year": 2007,
        "language": "en",
        "abstract": "La théorie U : suspendre ses jugements, observer, se relier à "
        "ce qui émerge, puis prototyper et co-créer.",
        "tags": ["théorie U", "leadership", "prototype"],
        "themes": ["qualite-action-publique"],
    },
    {
        "slug": "levy-intelligence-collective",
        "reference_type": "book",
        "title": "L'intelligence collective : pour une anthropologie du cyberspace",
        "contributors": [person("Lévy", "Pierre")],
        "publisher": "La Découverte",
        "publisher_place": "Paris",
        "year": 1994,
        "language": "fr",
        "abstract": "Essai fondateur sur l'intelligence collective, « une "
        "intelligence partout distribuée, sans cesse valorisée, coordonnée en "
        "temps réel ».",
        "tags": ["intelligence collective", "numérique"],
        "themes": ["transitions-numeriques", "democratie-citoyennete"],
    },
    {
        "slug": "27e-region-chantiers-ouverts-au-public",
        "reference_type": "book",
        "title": "Chantiers ouverts au public",
        "contributors": [org("La 27e Région")],
        "publisher": "La Documentation française",
        "publisher_place": "Paris",
        "year": 2015,
        "language": "fr",
        "abstract": "Récit et enseignements des résidences et programmes menés par "
        "La 27e Région avec des collectivités pour transformer l'action publique "
        "par le design, l'ethnographie et l'expérimentation.",
        "tags": ["design des politiques publiques", "résidence", "immersion"],
        "themes": ["qualite-action-publique", "reformes-institutionnelles"],
    },
    {
        "slug": "ocde-embracing-innovation-in-government",
        "reference_type": "report",
        "title": "Embracing Innovation in Government: Global Trends",
        "contributors": [org("OCDE")],
        "publisher": "OECD",
        "publisher_place": "Paris",
        "year": 2017,
        "language": "en",
        "abstract": "Tendances de l'innovation publique observées par "
        "l'Observatoire de l'innovation dans le secteur public (OPSI).",
        "tags": ["innovation publique"],
        "themes": ["qualite-action-publique", "transitions-numeriques"],
    },
    {
        "slug": "ocde-fostering-innovation-in-the-public-sector",
        "reference_type": "report",
        "title": "Fostering Innovation in the Public Sector",
        "contributors": [org("OCDE")],
        "publisher": "OECD Publishing",
        "publisher_place": "Paris",
        "year": 2017,
        "language": "en",
        "abstract": "Comment les gouvernements peuvent créer les conditions de "
        "l'innovation : personnes, information, organisation, règles.",
        "tags": ["innovation publique", "ressources humaines"],
        "themes": ["qualite-action-publique", "reformes-institutionnelles"],
    },
    {
        "slug": "mulgan-big-mind",
        "reference_type": "book",
        "title": "Big Mind: How Collective Intelligence Can Change Our World",
        "contributors": [person("Mulgan", "Geoff")],
        "publisher": "Princeton University Press",
        "publisher_place": "Princeton",
        "year": 2018,
        "language": "en",
        "tags": ["intelligence collective"],
        "themes": ["democratie-citoyennete", "transitions-numeriques"],
    },
    {
        "slug": "murray-open-book-of-social-innovation",
        "reference_type": "book",
        "title": "The Open Book of Social Innovation",
        "contributors": [
            person("Murray", "Robin"),
            person("Caulier-Grice", "Julie"),
            person("Mulgan", "Geoff"),
        ],
        "publisher": "Nesta ; The Young Foundation",
        "publisher_place": "London",
        "year": 2010,
        "language": "en",
        "abstract": "Plusieurs centaines de méthodes et d'outils pour faire "
        "émerger, tester et diffuser des innovations sociales.",
        "tags": ["innovation sociale", "méthodes"],
        "themes": ["cohesion-urbaine-sociale"],
    },
    {
        "slug": "brown-change-by-design",
        "reference_type": "book",
        "title": "Change by Design: How Design Thinking Transforms Organizations "
        "and Inspires Innovation",
        "contributors": [person("Brown", "Tim")],
        "publisher": "HarperBusiness",
        "publisher_place": "New York",
        "year": 2009,
        "language": "en",
        "tags": ["design thinking"],
        "themes": ["qualite-action-publique"],
    },
    {
        "slug": "brown-wyatt-design-thinking-for-social-innovation",
        "reference_type": "article-journal",
        "title": "Design Thinking for Social Innovation",
        "contributors": [person("Brown", "Tim"), person("Wyatt", "Jocelyn")],
        "container_title": "Stanford Social Innovation Review",
        "volume": "8",
        "issue": "1",
        "year": 2010,
        "language": "en",
        "tags": ["design thinking", "innovation sociale"],
        "themes": ["cohesion-urbaine-sociale"],
    },
    {
        "slug": "christiansen-bunt-innovation-in-policy",
        "reference_type": "report",
        "title": "Innovation in Policy: Allowing for Creativity, Social Complexity "
        "and Uncertainty in Public Governance",
        "contributors": [person("Christiansen", "Jesper"), person("Bunt", "Laura")],
        "publisher": "Nesta",
        "publisher_place": "London",
        "year": 2012,
        "language": "en",
        "tags": ["politiques publiques", "expérimentation"],
        "themes": ["reformes-institutionnelles"],
    },
    {
        "slug": "puttick-i-teams",
        "reference_type": "report",
        "title": "i-teams: The Teams and Funds Making Innovation Happen in "
        "Governments Around the World",
        "contributors": [
            person("Puttick", "Ruth"),
            person("Baeck", "Peter"),
            person("Colligan", "Philip"),
        ],
        "publisher": "Nesta",
        "publisher_place": "London",
        "year": 2014,
        "language": "en",
        "abstract": "Portrait de laboratoires et d'équipes d'innovation publique "
        "dans le monde.",
        "tags": ["laboratoire d'innovation", "innovation publique"],
        "themes": ["qualite-action-publique"],
    },
    {
        "slug": "ostrom-governing-the-commons",
        "reference_type": "book",
        "title": "Governing the Commons: The Evolution of Institutions for "
        "Collective Action",
        "contributors": [person("Ostrom", "Elinor")],
        "publisher": "Cambridge University Press",
        "publisher_place": "Cambridge",
        "year": 1990,
        "language": "en",
        "tags": ["communs", "action collective"],
        "themes": ["transitions-ecologiques", "democratie-citoyennete"],
    },
    {
        "slug": "sorensen-torfing-collaborative-innovation",
        "reference_type": "article-journal",
        "title": "Enhancing Collaborative Innovation in the Public Sector",
        "contributors": [person("Sørensen", "Eva"), person("Torfing", "Jacob")],
        "container_title": "Administration & Society",
        "volume": "43",
        "issue": "8",
        "pages": "842-868",
        "year": 2011,
        "language": "en",
        "tags": ["innovation collaborative", "gouvernance"],
        "themes": ["reformes-institutionnelles", "qualite-action-publique"],
    },
    {
        "slug": "hartley-innovation-in-governance",
        "reference_type": "article-journal",
        "title": "Innovation in Governance and Public Services: Past and Present",
        "contributors": [person("Hartley", "Jean")],
        "container_title": "Public Money & Management",
        "volume": "25",
        "issue": "1",
        "pages": "27-34",
        "year": 2005,
        "language": "en",
        "tags": ["gouvernance", "innovation publique"],
        "themes": ["qualite-action-publique"],
    },
    {
        "slug": "opsi-observatory-of-public-sector-innovation",
        "reference_type": "webpage",
        "title": "Observatory of Public Sector Innovation",
        "contributors": [org("OCDE")],
        "online_url": "https://oecd-opsi.org/",
        "language": "en",
        "abstract": "Le site de l'Observatoire de l'innovation dans le secteur "
        "public de l'OCDE : études de cas, boîtes à outils, tendances.",
        "tags": ["innovation publique", "boîte à outils"],
        "themes": ["qualite-action-publique"],
    },
]

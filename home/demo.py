"""Demo content of the home app: the page tree's trunk, themes, generic pages.

``seed_demo`` calls each installed app's ``demo.seed(log)`` in INSTALLED_APPS
order (home first), so every app adds its own content without home knowing it.
Every function here is idempotent: it finds what exists by slug and updates it.
"""

from django.db import transaction

from wagtail.fields import StreamField
from wagtail.models import Page, Site

from .models import HomePage, ShellSettings, StandardPage, Theme
from .sites import sync_sites

THEMES = [
    (
        "transitions-ecologiques",
        "Transitions écologiques",
        "Énergie, climat, alimentation, mobilités : des territoires qui changent de modèle.",
    ),
    (
        "qualite-action-publique",
        "Qualité de l'action publique",
        "Des services publics plus simples, plus justes et pensés avec leurs usagers.",
    ),
    (
        "democratie-citoyennete",
        "Démocratie et citoyenneté",
        "Participation, e-démocratie, jeunesse et engagement dans la vie locale.",
    ),
    (
        "reformes-institutionnelles",
        "Réformes institutionnelles",
        "Fusions, nouvelles compétences, coopérations entre collectivités.",
    ),
    (
        "transitions-numeriques",
        "Transitions numériques",
        "Données ouvertes, services en ligne, inclusion et culture numériques.",
    ),
    (
        "cohesion-urbaine-sociale",
        "Cohésion urbaine et sociale",
        "Quartiers prioritaires, solidarités, vivre-ensemble et accès aux droits.",
    ),
    (
        "sante-publique",
        "Santé publique",
        "Prévention, accès aux soins et santé environnementale dans les territoires.",
    ),
]

HOME_INTRO = (
    "<p>L'e-communauté réunit les agents, managers et partenaires des collectivités "
    "qui participent à l'université de l'innovation publique territoriale. "
    "Avant et après l'événement, on y échange en fils de discussion, on y consulte "
    "les ressources (rôles, glossaire, bibliographie, méthodologies, documents), "
    "les équipes apprenantes y tiennent leur carnet d'apprentissage et les défis "
    "portés par les collectivités y racontent leur progression.</p>"
)

# (slug, title, intro) of the generic pages every site needs.
GENERIC_PAGES = [
    (
        "a-propos",
        "À propos",
        "L'université de l'innovation publique territoriale et son e-communauté.",
        [
            (
                "heading",
                {"text": "Une université d'été, plusieurs sites", "level": "h2"},
            ),
            (
                "paragraph",
                "<p>Chaque été, des équipes apprenantes composées d'agents territoriaux, "
                "de designers, de chercheurs et de facilitateurs travaillent pendant trois "
                "jours sur des défis apportés par des collectivités : à Cluny, Rennes, "
                "Strasbourg, Aix-en-Provence, à La Réunion et en Martinique.</p>"
                "<p>Les défis sont formulés sous forme de questions « Comment … ? » ; "
                "les équipes s'approprient le défi, partent en mini-immersion, cadrent "
                "puis construisent et testent un prototype, et partagent leurs "
                "apprentissages lors d'une exposition.</p>",
            ),
            ("heading", {"text": "Avant, pendant et après", "level": "h2"}),
            (
                "paragraph",
                "<p>L'e-communauté prolonge ce travail : elle prépare l'événement, garde "
                "la trace des apprentissages et permet de suivre ce que deviennent les "
                "prototypes dans les territoires.</p>",
            ),
        ],
    ),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        "Engagement d'accessibilité de l'e-communauté (RGAA 4.1).",
        [
            (
                "paragraph",
                "<p>L'organisateur s'engage à rendre l'e-communauté accessible "
                "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>",
            ),
            ("heading", {"text": "État de conformité", "level": "h2"}),
            (
                "paragraph",
                "<p>L'e-communauté est <strong>non conforme</strong> au référentiel "
                "général d'amélioration de l'accessibilité (RGAA 4.1) : aucun audit "
                "complet n'a encore été réalisé, le taux de conformité n'est donc pas "
                "établi. Les pages sont conçues pour respecter les critères du niveau "
                "AA (lien d'évitement, repères de navigation, focus visible, "
                "contrastes, langue déclarée).</p>",
            ),
            ("heading", {"text": "Vérifications réalisées", "level": "h2"}),
            (
                "paragraph",
                "<p>Mesure du 2 décembre 2026 : le moteur automatique axe-core 4.14 "
                "ne relève <strong>aucune erreur grave ou critique</strong> des "
                "critères WCAG 2.1 niveaux A et AA sur chaque type de page du site "
                "(63 pages et vues contrôlées, en visiteur et en membre connecté, "
                "hors administration). La navigation au clavier du menu principal, de "
                "la recherche et des formulaires en erreur est vérifiée dans un "
                "navigateur réel. Ces contrôles sont relancés à chaque modification "
                "du site.</p><p>Des tests automatiques ne détectent qu'une partie des "
                "problèmes (de l'ordre d'un tiers des critères) : ils ne remplacent "
                "pas un audit RGAA complet, avec des tests manuels et des "
                "technologies d'assistance, qui reste à réaliser.</p>",
            ),
            ("heading", {"text": "Retour d'information et contact", "level": "h2"}),
            (
                "paragraph",
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, "
                "contactez l'équipe d'animation de l'e-communauté pour être orienté "
                "vers une alternative accessible.</p>",
            ),
            ("heading", {"text": "Voies de recours", "level": "h2"}),
            (
                "paragraph",
                "<p>Si vous constatez un défaut d'accessibilité vous empêchant "
                "d'accéder à un contenu et que vous n'obtenez pas de réponse, vous "
                "pouvez saisir le Défenseur des droits.</p>",
            ),
        ],
    ),
    (
        "mentions-legales",
        "Mentions légales",
        "Éditeur, hébergement et propriété intellectuelle.",
        [
            ("heading", {"text": "Éditeur", "level": "h2"}),
            (
                "paragraph",
                "<p>L'e-communauté est éditée par l'organisateur de l'université de "
                "l'innovation publique territoriale.</p>",
            ),
            ("heading", {"text": "Contenus", "level": "h2"}),
            (
                "paragraph",
                "<p>Sauf mention contraire, les contenus publiés par les membres "
                "restent leur propriété ; ils sont partagés au sein de l'e-communauté "
                "selon le niveau de visibilité choisi par leur auteur.</p>",
            ),
        ],
    ),
    (
        "conditions-d-utilisation",
        "Conditions d'utilisation",
        "Les règles que chaque membre accepte en créant son compte (version de "
        "novembre 2026).",
        [
            ("heading", {"text": "À quoi sert l'e-communauté", "level": "h2"}),
            (
                "paragraph",
                "<p>L'e-communauté est l'espace en ligne des participantes et "
                "participants de l'université de l'innovation publique territoriale : "
                "agents et managers des collectivités, élus et leurs équipes, "
                "designers, chercheurs, facilitateurs et partenaires. On s'y prépare à "
                "l'événement, on y partage ses apprentissages et on y suit ce que "
                "deviennent les défis et les prototypes dans les territoires.</p>",
            ),
            ("heading", {"text": "Votre compte", "level": "h2"}),
            (
                "paragraph",
                "<p>Le compte est personnel : il s'ouvre avec une adresse "
                "électronique que vous confirmez, et un mot de passe que vous gardez "
                "pour vous. Les autres membres vous voient sous votre nom affiché ; "
                "vous choisissez, information par information, qui peut voir votre "
                "profil.</p>",
            ),
            ("heading", {"text": "Ce que vous publiez", "level": "h2"}),
            (
                "paragraph",
                "<p>Vous publiez en votre nom et restez responsable de vos "
                "contributions. Les échanges restent courtois et bienveillants : on "
                "discute des idées, pas des personnes. Ne publiez pas de données "
                "personnelles d'autrui (coordonnées, situation d'un usager, d'un "
                "agent), ni de document dont vous n'avez pas le droit de faire "
                "usage.</p><p>Ce qui est écrit dans une e-communauté restreinte ou "
                "secrète, ou dans le carnet d'une équipe apprenante, ne se diffuse "
                "pas au-dehors sans l'accord de ses auteurs.</p>",
            ),
            ("heading", {"text": "Animation et modération", "level": "h2"}),
            (
                "paragraph",
                "<p>Les animatrices et animateurs de chaque e-communauté veillent au "
                "respect de ces règles : signalez-leur une contribution qui vous pose "
                "problème. L'équipe éditoriale peut retirer un contenu contraire à "
                "ces conditions ou à la loi.</p>",
            ),
            ("heading", {"text": "Vos données, votre départ", "level": "h2"}),
            (
                "paragraph",
                "<p>La page « Données personnelles » dit ce que nous conservons et "
                "pourquoi. Depuis votre espace, vous pouvez à tout moment télécharger "
                "vos données et supprimer votre compte.</p>",
            ),
            ("heading", {"text": "Évolution de ces conditions", "level": "h2"}),
            (
                "paragraph",
                "<p>Si ces conditions changent, la nouvelle version est publiée sur "
                "cette page. La version que vous avez acceptée et sa date sont "
                "conservées avec votre compte.</p>",
            ),
        ],
    ),
    (
        "donnees-personnelles",
        "Données personnelles",
        "Quelles données nous traitons, pourquoi, et comment exercer vos droits.",
        [
            ("heading", {"text": "Données traitées", "level": "h2"}),
            (
                "paragraph",
                "<p>Adresse électronique et mot de passe chiffré pour votre compte ; "
                "les informations de profil que vous choisissez de renseigner, avec "
                "leur visibilité ; vos contributions.</p>",
            ),
            ("heading", {"text": "Vos droits", "level": "h2"}),
            (
                "paragraph",
                "<p>Vous pouvez à tout moment télécharger vos données et supprimer "
                "votre compte depuis votre espace personnel (RGPD, articles 15 à 21).</p>",
            ),
        ],
    ),
]


def _comparable(page, name, value):
    """A field value in a form that compares equal when the content is the same
    (StreamField blocks get fresh ids each time they are built)."""
    field = page._meta.get_field(name)
    if isinstance(field, StreamField):
        probe = type(page)()
        setattr(probe, name, value)
        return [
            (block["type"], block["value"])
            for block in field.get_prep_value(getattr(probe, name))
        ]
    return value


def get_or_create_child(parent, model, slug, **fields):
    """Find ``parent``'s child page by slug, or create and publish it.

    Existing pages are updated only when a field differs, so a second run
    creates no revision and changes nothing.
    """
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        changed = [
            name
            for name, value in fields.items()
            if _comparable(existing, name, getattr(existing, name))
            != _comparable(existing, name, value)
        ]
        if changed:
            for name in changed:
                setattr(existing, name, fields[name])
            existing.save_revision().publish()
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def home_page():
    """The site's HomePage (``seed`` below has created it)."""
    return HomePage.objects.get()


def ensure_home_page():
    """Make a HomePage the default site's root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="L'e-communauté de l'innovation publique territoriale",
            slug="accueil",
            intro=HOME_INTRO,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="e-communauté",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "e-communauté"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page, if nobody uses it.
        if (
            not old_root.get_children().exists()
            and old_root.depth == 2
            and not Site.objects.filter(root_page=old_root).exists()
        ):
            old_root.delete()
    return site, home


@transaction.atomic
def seed(log):
    site, home = ensure_home_page()
    # Absolute links (sitemap, API, feeds) on the address the site runs at.
    sync_sites()
    for order, (slug, name, description) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order},
        )
    log(f"{len(THEMES)} thèmes")

    pages = {}
    for slug, title, intro, body in GENERIC_PAGES:
        pages[slug], _ = get_or_create_child(
            home, StandardPage, slug, title=title, intro=intro, body=body
        )
    shell = ShellSettings.for_site(site)
    shell.accessibility_page = pages["accessibilite"]
    shell.legal_page = pages["mentions-legales"]
    shell.privacy_page = pages["donnees-personnelles"]
    shell.terms_page = pages["conditions-d-utilisation"]
    shell.organiser = "CNFPT — Institut national des études territoriales"
    shell.save()
    log("accueil et pages génériques")


def _plain(value):
    return value.pk if hasattr(value, "_meta") else value


def sync_relations(page, children=None, m2m=None):
    """Give ``page`` these inline children and many-to-many values, and publish
    a revision only when they differ from what the page has (idempotent).

    ``children``: ``{relation_name: [ {field: value, …}, … ]}`` in order, for
    the page's ParentalKey children; ``m2m``: ``{field_name: [objects]}`` for
    its ParentalManyToManyFields. Going through a revision keeps the editor's
    view (built from the latest revision) in step with the live rows.
    """
    changed = False
    for relation, rows in (children or {}).items():
        manager = getattr(page, relation)
        names = list(rows[0]) if rows else []
        current = [
            {name: _plain(getattr(child, name)) for name in names}
            for child in manager.all()
        ]
        wanted = [{name: _plain(value) for name, value in row.items()} for row in rows]
        if current != wanted:
            model = manager.model
            setattr(page, relation, [model(**row) for row in rows])
            changed = True
    for name, objects in (m2m or {}).items():
        current = {obj.pk for obj in getattr(page, name).all()}
        if current != {obj.pk for obj in objects}:
            setattr(page, name, objects)
            changed = True
    if changed:
        page.save_revision().publish()
    return changed

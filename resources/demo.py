"""Demo content of the resource libraries: the /ressources/ tree and its entries.

Idempotent like every demo module: pages are found by slug, documents by
title, and nothing is saved when nothing differs.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from home.demo import get_or_create_child, home_page
from home.models import Theme

from .choices import DocumentType, Language, Licence
from .demo_files import make_docx, make_odt, make_pdf
from .demo_glossary import SOURCES, TERMS
from .demo_methods import METHODS
from .demo_roles import ROLES
from .editorial import ensure_collection, ensure_editorial_setup
from .models import (
    DocumentIndexPage,
    GlossaryIndexPage,
    GlossaryTermPage,
    MethodIndexPage,
    MethodPage,
    ResourceDocument,
    ResourcesIndexPage,
    RoleIndexPage,
    RolePage,
)
from .tasks import extract_document_text

LIBRARIES = [
    (
        RoleIndexPage,
        "roles",
        "Rôles",
        "<p>Qui fait quoi avant, pendant et après l'université : équipe logistique, "
        "porteurs de défi, facilitateurs, designers, chercheurs, grands témoins…</p>",
    ),
    (
        GlossaryIndexPage,
        "glossaire",
        "Glossaire",
        "<p>Les mots de l'innovation publique territoriale, de « co-design » à "
        "« théorie U », définis simplement.</p>",
    ),
    (
        MethodIndexPage,
        "methodologies",
        "Méthodologies",
        "<p>Des fiches méthodes pour animer un atelier, mener une immersion, "
        "prototyper et tester avec les usagers.</p>",
    ),
    (
        DocumentIndexPage,
        "documents",
        "Documents",
        "<p>Programmes, fiches défis, supports et comptes rendus des éditions.</p>",
    ),
]

PRIVATE_COLLECTION = "Documents de travail (équipe éditoriale)"

# (title, filename, builder, private, metadata)
DOCUMENTS = [
    (
        "Programme de l'université d'été, site de Cluny (2018)",
        "programme-cluny-2018.pdf",
        lambda: make_pdf(
            [
                "Université européenne de l'innovation publique territoriale",
                "Site de Cluny – 9, 10 et 11 juillet 2018",
                "Expérience usagers : espérance démocratique ?",
                "Accueil, équipes apprenantes, défis (étapes 1 à 6),",
                "mini-conférences et exposition collective des défis.",
            ]
        ),
        False,
        {
            "description": "Le déroulé des trois jours : équipes apprenantes, "
            "étapes des défis, mini-conférences et exposition collective.",
            "creator": "Équipe projet du site de Cluny",
            "date": datetime.date(2018, 6, 1),
            "document_type": DocumentType.PROGRAMME,
            "licence": Licence.CC_BY_NC_SA,
            "themes": ["qualite-action-publique"],
            "tags": ["programme", "Cluny"],
        },
    ),
    (
        "Fiche défi type : « Comment … ? »",
        "fiche-defi-type.docx",
        lambda: make_docx(
            "Fiche défi",
            [
                "Le défi : une question « Comment … ? ».",
                "Le territoire, les enjeux, les parties prenantes et les usagers.",
                "Les obstacles identifiés et les leviers.",
                "Le porteur de défi et le facilitateur (rôles, pas de noms).",
            ],
        ),
        False,
        {
            "description": "Le modèle de fiche pour formuler un défi territorial "
            "avant l'université.",
            "creator": "Équipe défis",
            "date": datetime.date(2018, 3, 15),
            "document_type": DocumentType.CHALLENGE_SHEET,
            "licence": Licence.CC_BY_SA,
            "themes": ["qualite-action-publique", "democratie-citoyennete"],
            "tags": ["défi", "modèle"],
        },
    ),
    (
        "Le pilotage de l'innovation : SWOT croisé des collectivités",
        "swot-croise-pilotage-innovation.odt",
        lambda: make_odt(
            "Le pilotage de l'innovation",
            [
                "Forces au service de la capacité d'innovation des collectivités.",
                "Faiblesses et résistances qui brident la capacité d'innovation.",
                "Opportunités : reconfiguration territoriale, stimulation financière.",
                "Menaces : complexité de la gouvernance, fragmentation des "
                "compétences.",
            ],
        ),
        False,
        {
            "description": "Support de table ronde : une analyse SWOT croisée de la "
            "capacité d'innovation des collectivités locales.",
            "creator": "Association des dirigeants territoriaux",
            "date": datetime.date(2017, 5, 11),
            "document_type": DocumentType.PRESENTATION,
            "licence": Licence.ALL_RIGHTS_RESERVED,
            "themes": ["reformes-institutionnelles", "qualite-action-publique"],
            "tags": ["management", "SWOT"],
        },
    ),
    (
        "Appel à contributions : ateliers et cas pratiques",
        "appel-contributions.pdf",
        lambda: make_pdf(
            [
                "Innovation et action publique locale",
                "Proposer une expérience pour un atelier ou un cas pratique.",
                "Présentation en 10 à 30 lignes ; parité des intervenants.",
            ]
        ),
        False,
        {
            "description": "Le formulaire de proposition d'atelier ou de cas "
            "pratique pour les rencontres des managers territoriaux.",
            "creator": "Institut national des études territoriales",
            "date": datetime.date(2013, 3, 4),
            "document_type": DocumentType.FORM,
            "licence": Licence.CC_BY_ND,
            "themes": ["qualite-action-publique"],
            "tags": ["appel", "atelier"],
        },
    ),
    (
        "Bilan interne de l'édition 2018 (document de travail)",
        "bilan-interne-2018.docx",
        lambda: make_docx(
            "Bilan interne",
            ["Points à améliorer pour la logistique et l'accueil."],
        ),
        True,
        {
            "description": "Notes de travail de l'équipe éditoriale, non publiques.",
            "creator": "Coordination nationale",
            "date": datetime.date(2018, 9, 15),
            "document_type": DocumentType.MINUTES,
            "licence": Licence.ALL_RIGHTS_RESERVED,
            "themes": [],
            "tags": ["bilan"],
        },
    ),
]


def _themes(slugs):
    return list(Theme.objects.filter(slug__in=slugs))


def sync_relations(page, **relations):
    """Set M2M relations and tags of a published page; publish only on change."""
    changed = False
    for name, wanted in relations.items():
        if name == "tags":
            if set(page.tags.names()) != set(wanted):
                page.tags.set(wanted, clear=True)
                changed = True
            continue
        manager = getattr(page, name)
        if {item.pk for item in manager.all()} != {item.pk for item in wanted}:
            manager.set(wanted)
            changed = True
    if changed:
        page.save_revision().publish()
    return changed


def seed_roles(library):
    for (
        slug,
        title,
        summary,
        mission,
        before,
        during,
        after,
        skills,
        contact,
        themes,
    ) in ROLES:
        page, _ = get_or_create_child(
            library,
            RolePage,
            slug,
            title=title,
            summary=summary,
            mission=mission,
            before=before,
            during=during,
            after=after,
            skills=skills,
            contact=contact,
        )
        sync_relations(page, themes=_themes(themes), tags=["rôle"])


def seed_glossary(library):
    pages = {}
    for title, variants, definition, *_rest in TERMS:
        pages[title], _ = get_or_create_child(
            library,
            GlossaryTermPage,
            slugify(title),
            title=title,
            synonyms="\n".join(variants),
            definition=f"<p>{definition}</p>",
        )
    references = glossary_sources()
    for title, _variants, _definition, see_also, themes in TERMS:
        sync_relations(
            pages[title],
            themes=_themes(themes),
            see_also=[pages[name] for name in see_also],
            sources=references.get(title, []),
        )


def glossary_sources():
    """Bibliography references per term.

    The bibliography's demo runs after this one (INSTALLED_APPS order) but
    needs the /ressources/ hub made here: run it now (it is idempotent, its own
    turn then changes nothing) so that a first seed_demo already links sources.
    """
    from django.apps import apps

    from resources.bibliography import demo as bibliography_demo

    bibliography_demo.seed(lambda message: None)
    ReferencePage = apps.get_model("bibliography", "ReferencePage")
    found = {}
    for term, beginnings in SOURCES.items():
        for beginning in beginnings:
            reference = ReferencePage.objects.filter(
                title__startswith=beginning
            ).first()
            if reference is not None:
                found.setdefault(term, []).append(reference)
    return found


def seed_methods(library):
    roles = {page.title: page for page in RolePage.objects.all()}
    terms = {page.title: page for page in GlossaryTermPage.objects.all()}
    for method in METHODS:
        fields = {
            key: value
            for key, value in method.items()
            if key not in ("slug", "roles", "terms", "themes", "tags")
        }
        page, _ = get_or_create_child(library, MethodPage, method["slug"], **fields)
        sync_relations(
            page,
            themes=_themes(method["themes"]),
            related_roles=[roles[name] for name in method["roles"]],
            glossary_terms=[terms[name] for name in method["terms"]],
            tags=method["tags"],
        )


def seed_documents(public_collection):
    private_collection = ensure_collection(
        PRIVATE_COLLECTION, parent=public_collection, private=True
    )
    for title, filename, build, private, metadata in DOCUMENTS:
        if ResourceDocument.objects.filter(title=title).exists():
            continue
        metadata = dict(metadata)
        themes = _themes(metadata.pop("themes"))
        tags = metadata.pop("tags")
        document = ResourceDocument(
            title=title,
            collection=private_collection if private else public_collection,
            language=Language.FRENCH,
            **metadata,
        )
        content = build()
        document.file.save(filename, ContentFile(content), save=False)
        document._set_document_file_metadata()
        document.save()
        document.themes.set(themes)
        document.tags.set(tags)
        # The demo shows extracted text at once, without waiting for a worker.
        extract_document_text.call(document.pk)


@transaction.atomic
def seed(log):
    hub, _ = get_or_create_child(
        home_page(),
        ResourcesIndexPage,
        "ressources",
        title="Ressources",
        show_in_menus=True,
        intro="<p>Les bibliothèques de l'e-communauté, tenues à jour par l'équipe "
        "éditoriale : à consulter avant, pendant et après l'université.</p>",
    )
    libraries = {}
    for model, slug, title, intro in LIBRARIES:
        libraries[model], _ = get_or_create_child(
            hub, model, slug, title=title, intro=intro
        )
    # The bibliography library belongs to resources.bibliography (its own demo).
    _groups, _workflow, collection = ensure_editorial_setup(hub)
    seed_roles(libraries[RoleIndexPage])
    seed_glossary(libraries[GlossaryIndexPage])
    seed_methods(libraries[MethodIndexPage])
    seed_documents(collection)
    log(
        f"ressources : {len(LIBRARIES)} bibliothèques, {len(ROLES)} rôles, "
        f"{len(TERMS)} termes, {len(METHODS)} méthodes, {len(DOCUMENTS)} documents, "
        "groupes Éditeurs/Rédacteurs et workflow « Relecture »"
    )

"""Demo content of the resource libraries: the /ressources/ tree."""

from django.db import transaction

from home.demo import get_or_create_child, home_page

from .models import (
    DocumentIndexPage,
    GlossaryIndexPage,
    MethodIndexPage,
    ResourcesIndexPage,
    RoleIndexPage,
)

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
    for model, slug, title, intro in LIBRARIES:
        get_or_create_child(hub, model, slug, title=title, intro=intro)
    # The bibliography library belongs to resources.bibliography (its own demo).
    log(f"ressources : {len(LIBRARIES)} bibliothèques")

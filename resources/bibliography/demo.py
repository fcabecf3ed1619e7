"""Demo content of the bibliography: the library page (after resources' hub)."""

from django.db import transaction

from home.demo import get_or_create_child, home_page

from .models import BibliographyIndexPage


@transaction.atomic
def seed(log):
    hub = home_page().get_children().get(slug="ressources")
    library, _ = get_or_create_child(
        hub,
        BibliographyIndexPage,
        "bibliographie",
        title="Bibliographie",
        intro="<p>Ouvrages, articles et rapports sur l'innovation publique, le design "
        "des politiques publiques et l'intelligence collective.</p>",
    )
    # Keep the libraries in reading order: rôles, glossaire, bibliographie, …
    glossary = hub.get_children().filter(slug="glossaire").first()
    previous = library.get_prev_sibling()
    if glossary and (previous is None or previous.pk != glossary.pk):
        library.move(glossary, pos="right")
    log("bibliographie : bibliothèque")

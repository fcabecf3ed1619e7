"""Demo content of the bibliography: the library page and real references."""

from django.db import transaction

from home.demo import get_or_create_child, home_page
from home.models import Theme

from .demo_references import REFERENCES
from .models import BibliographyIndexPage, ReferenceContributor, ReferencePage


def sync_reference(library, data):
    """Create or update one reference; a second run changes nothing."""
    data = dict(data)
    contributors = data.pop("contributors")
    tags = sorted(data.pop("tags"))
    themes = list(Theme.objects.filter(slug__in=data.pop("themes")))
    page, _ = get_or_create_child(library, ReferencePage, data.pop("slug"), **data)
    changed = False
    current = [(c.role, c.family, c.given, c.literal) for c in page.contributors.all()]
    if current != contributors:
        page.contributors = [
            ReferenceContributor(role=role, family=family, given=given, literal=lit)
            for role, family, given, lit in contributors
        ]
        changed = True
    if sorted(tag.name for tag in page.tags.all()) != tags:
        page.tags.set(tags)
        changed = True
    if {t.pk for t in page.themes.all()} != {t.pk for t in themes}:
        page.themes.set(themes)
        changed = True
    if changed:
        page.citation_key = page.default_citation_key()
        page.save_revision().publish()
    return page


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
    for data in REFERENCES:
        sync_reference(library, data)
    log(f"bibliographie : bibliothèque et {len(REFERENCES)} références")

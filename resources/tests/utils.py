"""Small builders for the resources tests."""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.models import Collection

from home.tests.utils import make_user
from resources.editorial import EDITORS, WRITERS
from resources.models import (
    GlossaryIndexPage,
    GlossaryTermPage,
    MethodIndexPage,
    MethodPage,
    ResourceDocument,
    RoleIndexPage,
    RolePage,
)


def _add(parent, page, live=True, revision=True):
    parent.add_child(instance=page)
    if revision:
        rev = page.save_revision()
        if live:
            rev.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
    return page


def make_term(title="Terme de test", definition="<p>Une définition.</p>", **fields):
    parent = GlossaryIndexPage.objects.get()
    slug = fields.pop("slug", None) or slugify(title)
    live = fields.pop("live", True)
    return _add(
        parent,
        GlossaryTermPage(title=title, slug=slug, definition=definition, **fields),
        live=live,
    )


def make_role(title="Rôle de test", mission="<p>Une mission.</p>", **fields):
    parent = RoleIndexPage.objects.get()
    slug = fields.pop("slug", None) or slugify(title)
    live = fields.pop("live", True)
    return _add(
        parent, RolePage(title=title, slug=slug, mission=mission, **fields), live=live
    )


def make_method(title="Méthode de test", **fields):
    parent = MethodIndexPage.objects.get()
    slug = fields.pop("slug", None) or slugify(title)
    live = fields.pop("live", True)
    values = {
        "objective": "<p>Un objectif.</p>",
        "phase": "ideate",
        "duration_minutes": 60,
        "group_min": 3,
        "group_max": 12,
    }
    values.update(fields)
    return _add(parent, MethodPage(title=title, slug=slug, **values), live=live)


def make_document(
    title="Document de test",
    content=b"du texte",
    filename="doc.txt",
    collection=None,
    **fields,
):
    document = ResourceDocument(
        title=title,
        collection=collection or Collection.objects.get(name="Ressources"),
        **fields,
    )
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_editor(email="editrice@example.org", group=EDITORS, **extra):
    from django.contrib.auth.models import Group

    user = make_user(email, **extra)
    user.groups.add(Group.objects.get(name=group))
    return user


def make_writer(email="redacteur@example.org"):
    return make_editor(email, group=WRITERS)


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()

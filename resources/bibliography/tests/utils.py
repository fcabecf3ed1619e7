"""Builders for the bibliography's tests."""

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import GroupPagePermission, Page

from home.tests.utils import make_user

from ..models import BibliographyIndexPage, ReferenceContributor, ReferencePage


def library():
    return BibliographyIndexPage.objects.get()


def make_reference(
    parent=None,
    title="Une référence",
    contributors=(("author", "Dupont", "Jeanne", ""),),
    tags=(),
    themes=(),
    live=True,
    **fields,
):
    parent = parent or library()
    slug = fields.pop("slug", None) or slugify(title)[:80]
    page = ReferencePage(title=title, slug=slug, **fields)
    page.contributors = [
        ReferenceContributor(role=role, family=family, given=given, literal=literal)
        for role, family, given, literal in contributors
    ]
    if tags:
        page.tags.add(*tags)
    if themes:
        page.themes.set(themes)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


def make_editor(email="editrice@example.org", publish=True, page=None):
    """A user who may add (and, with ``publish``, publish) references."""
    group = Group.objects.create(name=f"Bibliographie {email}")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    codenames = ["add_page", "change_page"] + (["publish_page"] if publish else [])
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=page or library(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = make_user(email)
    user.groups.add(group)
    return user


def bulk_references(count, parent=None):
    """``count`` live references in a handful of queries per hundred rows:
    ``add_child`` in a loop costs a dozen queries per page."""
    from django.contrib.contenttypes.models import ContentType

    parent = parent or library()
    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(ReferencePage)
    now = timezone.now()
    pages = []
    for number in range(count):
        slug = f"reference-de-charge-{parent.numchild + number}"
        pages.append(
            Page(
                title=f"Référence de charge {number}",
                slug=slug,
                content_type=content_type,
                path=Page._get_path(
                    parent.path, parent.depth + 1, parent.numchild + number + 1
                ),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                first_published_at=now,
                last_published_at=now,
                locale_id=parent.locale_id,
                draft_title=f"Référence de charge {number}",
            )
        )
    created = Page.objects.bulk_create(pages)
    for page in created:
        reference = ReferencePage(
            page_ptr=page, reference_type="book", year=2000 + page.pk % 20
        )
        reference.__dict__.update(
            {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
        )
        reference.citation_key = f"charge{page.pk}"
        reference.save_base(raw=True, force_insert=True)
    ReferenceContributor.objects.bulk_create(
        ReferenceContributor(page_id=page.pk, family=f"Auteur{page.pk}", given="A.")
        for page in created
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    parent.refresh_from_db()
    return len(created)

"""What an import will do, and doing it.

``build_plan`` compares the records of a file with the library: each record
will be created, will update an existing reference, changes nothing, or
duplicates an earlier record of the same file. Matches are found by DOI, then
ISBN, then normalised title and year. ``apply_plan`` carries the plan out in
one transaction.

An import only *adds* information: a field that the file leaves empty keeps
its value, tags are added and never removed, and local fields that BibTeX and
RIS do not carry (thèmes, licence) are left alone.
"""

import datetime
import unicodedata
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from taggit.models import Tag

from .mappings import IMPORTED_FIELDS
from .models import ReferenceContributor, ReferencePage, normalise_isbn

CREATE, UPDATE, UNCHANGED, DUPLICATE = "create", "update", "unchanged", "duplicate"
DATE_FIELDS = {"date", "accessed"}


def normalise_title(title):
    text = unicodedata.normalize("NFKD", title or "").casefold()
    text = "".join(ch if ch.isalnum() else " " for ch in text if ch.isascii())
    return " ".join(text.split())


def match_keys(doi, isbn, title, year):
    """The keys a reference is known by, most reliable first."""
    keys = []
    if doi:
        keys.append(("DOI", doi.lower()))
    if normalise_isbn(isbn):
        keys.append(("ISBN", normalise_isbn(isbn)))
    if title:
        keys.append((_("titre et année"), (normalise_title(title), year)))
    return keys


@dataclass
class PlanRow:
    record: dict
    action: str
    existing: ReferencePage | None = None
    matched_by: str = ""
    changes: list = field(default_factory=list)
    duplicate_of: str = ""


def contributors_of(page):
    return [(c.role, c.family, c.given, c.literal) for c in page.contributors.all()]


def record_contributors(record):
    return [
        (c["role"], c["family"], c["given"], c["literal"])
        for c in record["contributors"]
    ]


def current_value(page, name):
    value = getattr(page, name)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def changes_for(page, record):
    """Names of the fields the record would change on ``page``."""
    changes = []
    for name in ["reference_type", "title"] + IMPORTED_FIELDS:
        value = record.get(name)
        if value not in (None, "") and value != current_value(page, name):
            changes.append(name)
    if record["contributors"] and record_contributors(record) != contributors_of(page):
        changes.append("contributors")
    existing_tags = {tag.name.casefold() for tag in page.tags.all()}
    if any(tag.casefold() not in existing_tags for tag in record["tags"]):
        changes.append("tags")
    return changes


def field_label(name):
    if name == "contributors":
        return _("auteurs")
    if name == "tags":
        return _("mots-clés")
    return str(ReferencePage._meta.get_field(name).verbose_name)


def build_plan(records, library):
    """One ``PlanRow`` per record, in the file's order."""
    known = {}
    for page in (
        ReferencePage.objects.child_of(library)
        .prefetch_related("contributors", "tags")
        .order_by("path")
    ):
        if page.has_unpublished_changes:
            # Compare with the latest draft: that is what an editor would see.
            page = page.get_latest_revision_as_object()
        for key in match_keys(page.doi, page.isbn, page.title, page.year):
            known.setdefault(key[1], page)
    seen = {}
    plan = []
    for record in records:
        keys = match_keys(
            record["doi"], record["isbn"], record["title"], record["year"]
        )
        earlier = next((seen[key] for _label, key in keys if key in seen), None)
        if earlier is not None:
            plan.append(PlanRow(record, DUPLICATE, duplicate_of=earlier["label"]))
            continue
        for _label, key in keys:
            seen[key] = record
        match = next(((label, known[key]) for label, key in keys if key in known), None)
        if match is None:
            plan.append(PlanRow(record, CREATE))
            continue
        label, page = match
        changes = changes_for(page, record)
        plan.append(
            PlanRow(
                record,
                UPDATE if changes else UNCHANGED,
                existing=page,
                matched_by=label,
                changes=[field_label(name) for name in changes],
            )
        )
    return plan


def summary(plan):
    counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0, DUPLICATE: 0}
    for row in plan:
        counts[row.action] += 1
    return counts


def fill(page, record):
    """Copy the record's non-empty values onto ``page`` (adding tags)."""
    for name in ["reference_type", "title"] + IMPORTED_FIELDS:
        value = record.get(name)
        if value in (None, ""):
            continue
        if name in DATE_FIELDS:
            value = datetime.date.fromisoformat(value)
        setattr(page, name, value)
    if record["contributors"]:
        page.contributors = [
            ReferenceContributor(
                role=c["role"],
                family=c["family"],
                given=c["given"],
                literal=c["literal"],
            )
            for c in record["contributors"]
        ]
    existing = {tag.name.casefold() for tag in page.tags.all()}
    new_tags = [tag for tag in record["tags"] if tag.casefold() not in existing]
    if new_tags:
        page.tags.add(*tag_objects(new_tags))


def tag_objects(names):
    """Existing tags are reused whatever their case ("Design" = "design")."""
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first()
        tags.append(tag or Tag.objects.create(name=name))
    return tags


def unique_slug(title, taken):
    base = slugify(title)[:70].strip("-") or "reference"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def save(page, user, can_publish):
    """Publish, or keep as a draft submitted to the library's workflow."""
    revision = page.save_revision(user=user, log_action=True)
    if can_publish:
        revision.publish(user=user)
        return
    workflow = page.get_workflow()
    if workflow is not None and page.current_workflow_state is None:
        workflow.start(page, user)


@transaction.atomic
def apply_plan(plan, library, user):
    """Create and update the references of ``plan``; all or nothing."""
    can_publish = library.permissions_for_user(user).can_publish_subpage()
    slugs = set(library.get_children().values_list("slug", flat=True))
    for row in plan:
        if row.action == CREATE:
            page = ReferencePage(
                live=can_publish, has_unpublished_changes=not can_publish, owner=user
            )
            fill(page, row.record)
            page.citation_key = row.record.get("citation_key", "")
            page.slug = unique_slug(page.title, slugs)
            library.add_child(instance=page)
            save(page, user, can_publish)
        elif row.action == UPDATE:
            page = row.existing
            fill(page, row.record)
            allowed = page.permissions_for_user(user).can_publish()
            save(page, user, can_publish and allowed)
    return summary(plan)

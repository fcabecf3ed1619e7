"""Writing entries without ever losing an edit.

``save_entry`` applies a change only if the writer started from the entry's
current version: one conditional UPDATE (``… WHERE version = base``), atomic
on SQLite and PostgreSQL alike, so that of two members saving from the same
version, the second is refused with ``EditConflict`` — never a silent
overwrite. Each accepted save records a revision; restoring one is a new save.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Entry, EntryRevision
from .text import clean_text, merge3


class EditConflict(Exception):
    """Someone saved the entry since the writer opened it."""

    def __init__(self, current, base_version):
        super().__init__(f"version {base_version} is stale ({current.version})")
        self.current = current
        self.base_version = base_version

    def base_revision(self):
        return self.current.revisions.filter(version=self.base_version).first()

    def proposed_merge(self, mine_title, mine_body):
        """An automatic merge when the two edits touch different lines."""
        base = self.base_revision()
        if base is None:
            return None
        body = merge3(base.body, mine_body, self.current.body)
        if body is None:
            return None
        if base.title != mine_title != self.current.title != base.title:
            return None  # both changed the title, differently
        title = mine_title if mine_title != base.title else self.current.title
        return title, body


def create_entry(carnet, *, user, title, body, **fields):
    """A new entry (version 1) and its first revision."""
    now = timezone.now()
    with transaction.atomic():
        entry = Entry.objects.create(
            carnet=carnet,
            title=title.strip(),
            body=clean_text(body),
            author=user,
            updated_by=user,
            created_at=now,
            updated_at=now,
            **fields,
        )
        EntryRevision.objects.create(
            entry=entry,
            version=1,
            title=entry.title,
            body=entry.body,
            author=user,
            created_at=now,
        )
    return entry


def save_entry(entry, *, user, title, body, base_version, note="", **fields):
    """Save a new version of ``entry`` written from ``base_version``.

    Raises ``EditConflict`` (nothing written) when the entry moved on since.
    ``fields`` are other columns saved with the text (moment, prompt…).
    """
    title, body = title.strip(), clean_text(body)
    now = timezone.now()
    try:
        with transaction.atomic():
            updated = Entry.objects.filter(pk=entry.pk, version=base_version).update(
                title=title,
                body=body,
                version=F("version") + 1,
                updated_at=now,
                updated_by=user,
                **fields,
            )
            if not updated:
                raise EditConflict(_current(entry), base_version)
            EntryRevision.objects.create(
                entry=entry,
                version=base_version + 1,
                title=title,
                body=body,
                author=user,
                note=note,
                created_at=now,
            )
    except IntegrityError as error:
        # A concurrent save took this version number first.
        raise EditConflict(_current(entry), base_version) from error
    entry.refresh_from_db()
    reindex(entry)
    return entry


def reindex(obj):
    """Saves made by ``QuerySet.update`` send no signal: tell the search."""
    from search.registry import key_for
    from search.sync import enqueue

    enqueue([key_for(obj)])


def restore_revision(entry, revision, *, user, base_version):
    """Make an old version current again, as a new version (nothing is lost)."""
    return save_entry(
        entry,
        user=user,
        title=revision.title,
        body=revision.body,
        base_version=base_version,
        note=_("Version %(version)s restaurée") % {"version": revision.version},
    )


def _current(entry):
    return Entry.objects.select_related("updated_by").get(pk=entry.pk)

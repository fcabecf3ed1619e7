"""Keep the index in line with the database, after each commit.

Page publish/unpublish/delete/move and view-restriction changes, and saves and
deletes of every registered model, enqueue an indexing task once the
transaction commits (nothing is indexed for a rolled-back write). Membership
changes need no reindexing: documents carry audience tokens (community, team,
group ids…) and searches filter by the searcher's tokens at query time. An app
whose objects' audience depends on another object (sessions on their édition)
connects its own reindexing in its ``search_adapters.register()``.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import registry


def enqueue(keys):
    """Index ``keys`` once the current transaction commits (dropped with it if
    it rolls back, so the index never shows a write that did not happen)."""
    from .tasks import index_keys_task

    keys = list(keys)
    if keys:
        transaction.on_commit(lambda: index_keys_task.enqueue(keys))


def subtree_keys(page):
    return [
        registry.key_for(p)
        for p in Page.objects.filter(path__startswith=page.path).only("pk")
    ]


def on_page_change(sender, instance, **kwargs):
    enqueue([registry.key_for(instance)])


def on_page_moved(sender, instance, **kwargs):
    enqueue(subtree_keys(instance))


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue(subtree_keys(page))


def on_model_change(sender, instance, **kwargs):
    adapter = registry.adapter_for_key(f"{instance._meta.label_lower}:")
    # Pages are handled by the publish/unpublish signals; historical models
    # (saved by data migrations) are other classes and are ignored.
    if (
        adapter is None
        or isinstance(instance, Page)
        or not isinstance(instance, adapter.model)
    ):
        return
    enqueue([registry.key_for(instance)])


def connect():
    page_published.connect(on_page_change, dispatch_uid="search_page_published")
    page_unpublished.connect(on_page_change, dispatch_uid="search_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    post_delete.connect(on_page_delete, dispatch_uid="search_page_deleted")
    post_save.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_pvr_s"
    )
    post_delete.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid="search_pvr_d"
    )
    post_save.connect(on_model_change, dispatch_uid="search_model_saved")
    post_delete.connect(on_model_change, dispatch_uid="search_model_deleted")


def on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is sender:
        enqueue([registry.key_for(instance)])

"""The editorial set-up of the resource libraries: groups, permissions, workflow.

``ensure_editorial_setup(hub)`` is idempotent; ``seed_demo`` runs it, and a
fresh production site runs it through the same command. It creates:

* *Rédacteurs*: draft and edit resources, submit them for review;
* *Éditeurs*: also publish, lock/unlock, and approve in the workflow;
* the *Relecture* workflow (one group approval task for *Éditeurs*)
  assigned to ``/ressources/`` and everything below it;
* collection permissions on the *Ressources* document collection.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Éditeurs"
WRITERS = "Rédacteurs"
WORKFLOW_NAME = "Relecture"
TASK_NAME = "Relecture par les Éditeurs"
COLLECTION_NAME = "Ressources"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    WRITERS: ["add_page", "change_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_document", "change_document", "choose_document", "delete_document"],
    WRITERS: ["add_document", "change_document", "choose_document"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_collection(name, parent=None, private=False):
    """A child collection of ``parent`` (the root by default), found by name."""
    from wagtail.models import CollectionViewRestriction

    parent = parent or Collection.get_first_root_node()
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(name=name)
    if (
        private
        and not CollectionViewRestriction.objects.filter(collection=collection).exists()
    ):
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=[EDITORS, WRITERS]))
    return collection


def ensure_editorial_setup(hub):
    """Groups, page and collection permissions and the Relecture workflow."""
    access_admin = _permission("wagtailadmin", "access_admin")
    groups = {}
    for name in (EDITORS, WRITERS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        groups[name] = group
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=hub,
                permission=_permission("wagtailcore", codename),
            )

    collection = ensure_collection(COLLECTION_NAME)
    for name, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name],
                collection=collection,
                # Wagtail checks document permissions on wagtaildocs.Document,
                # whatever the custom document model.
                permission=_permission("wagtaildocs", codename),
            )
        GroupCollectionPermission.objects.get_or_create(
            group=groups[name],
            collection=collection,
            permission=_permission("wagtailimages", "choose_image"),
        )

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([groups[EDITORS]])
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=hub, defaults={"workflow": workflow})
    return groups, workflow, collection

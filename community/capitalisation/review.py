"""The review of an édition's bilan: Wagtail's moderation workflow.

A bilan is a page, so it is a draft until published; its organisers (who
may edit the édition's pages) write it and submit it to the *Validation des
bilans* workflow, whose one task is approved by the *Éditeurs* — the group
that already approves the resource libraries (``resources.editorial``).
Approving publishes it: only then is it a page of the édition that the
public may read (the policy shows live pages only). ``ensure_review(page)``
assigns the workflow to each bilan page when it is saved, idempotently, and
lets the *Éditeurs* publish that page (approving publishes as the approver).
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from resources.editorial import EDITORS

WORKFLOW_NAME = "Validation des bilans"
TASK_NAME = "Validation du bilan par les Éditeurs"


def editors():
    return Group.objects.get_or_create(name=EDITORS)[0]


def review_workflow():
    """The workflow (made once), its task approved by the *Éditeurs*."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        return workflow
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.set([editors()])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_review(page):
    if WorkflowPage.objects.filter(page=page).exists():
        return
    WorkflowPage.objects.create(page=page, workflow=review_workflow())
    group = editors()
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )

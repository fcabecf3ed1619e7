from django.core import mail
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission, Workflow

import pytest

from home.tests.utils import make_user
from resources.editorial import EDITORS, WRITERS, ensure_editorial_setup
from resources.models import ResourcesIndexPage, RolePage

from .utils import make_editor, make_role, make_writer

pytestmark = pytest.mark.django_db


class TestGroupsAndPermissions:
    def test_setup_is_idempotent(self):
        from django.contrib.auth.models import Group

        from wagtail.models import GroupPagePermission, WorkflowPage

        hub = ResourcesIndexPage.objects.get()
        counts = (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            Workflow.objects.count(),
            WorkflowPage.objects.count(),
        )
        ensure_editorial_setup(hub)
        assert counts == (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
            Workflow.objects.count(),
            WorkflowPage.objects.count(),
        )

    def test_editors_publish_writers_only_draft(self):
        role = RolePage.objects.get(slug="facilitateur")
        assert role.permissions_for_user(make_editor()).can_publish()
        writer_perms = role.permissions_for_user(make_writer())
        assert writer_perms.can_edit() and not writer_perms.can_publish()
        assert not role.permissions_for_user(make_user("m@example.org")).can_edit()

    def test_editor_opens_the_editor_anonymous_and_members_cannot(self, client):
        role = RolePage.objects.get(slug="facilitateur")
        url = reverse("wagtailadmin_pages:edit", args=[role.pk])
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
        client.force_login(make_user("membre2@example.org"))
        assert client.get(url).status_code in (302, 403)
        client.force_login(make_editor())
        assert client.get(url).status_code == 200

    def test_editors_manage_documents_of_the_resources_collection(self, client):
        client.force_login(make_editor())
        response = client.get(reverse("wagtaildocs:add"))
        assert response.status_code == 200
        assert (
            Collection.objects.get(name="Ressources").name in response.content.decode()
        )

    def test_the_relecture_workflow_covers_the_resources(self):
        role = RolePage.objects.get(slug="facilitateur")
        workflow = role.get_workflow()
        assert workflow.name == "Relecture"
        task = workflow.tasks.get().specific
        assert [group.name for group in task.groups.all()] == [EDITORS]
        assert WRITERS != EDITORS


class TestRelecture:
    def test_submitted_draft_is_published_when_another_editor_approves(
        self, django_capture_on_commit_callbacks
    ):
        author = make_editor("autrice@example.org")
        reviewer = make_editor("relecteur@example.org")
        make_user("admin@example.org", is_superuser=True, is_staff=True)
        role = make_role("Rôle à relire")
        role.mission = "<p>Mission révisée.</p>"
        role.save_revision(user=author)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            state = role.get_workflow().start(role, author)
        assert state.status == state.STATUS_IN_PROGRESS
        # The reviewers are told; superusers are not flooded.
        recipients = {address for message in mail.outbox for address in message.to}
        assert "relecteur@example.org" in recipients
        assert "admin@example.org" not in recipients

        task_state = state.current_task_state
        actions = [
            name for name, *_ in task_state.task.specific.get_actions(role, reviewer)
        ]
        assert "approve" in actions
        assert task_state.task.specific.get_actions(role, make_writer()) == []
        with django_capture_on_commit_callbacks(execute=True):
            task_state.task.specific.on_action(task_state, reviewer, "approve")
        role.refresh_from_db()
        assert role.mission == "<p>Mission révisée.</p>"
        state.refresh_from_db()
        assert state.status == state.STATUS_APPROVED

    def test_rejected_draft_stays_unpublished(self):
        writer = make_writer("r2@example.org")
        reviewer = make_editor("e2@example.org")
        role = make_role("Rôle refusé")
        role.mission = "<p>Brouillon à revoir.</p>"
        role.save_revision(user=writer)
        state = role.get_workflow().start(role, writer)
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "reject")
        role.refresh_from_db()
        assert role.mission == "<p>Une mission.</p>"
        state.refresh_from_db()
        assert state.status == state.STATUS_NEEDS_CHANGES

"""The one scheduler of periodic jobs, and scheduled publishing through it."""

from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import get_page_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from home import scheduler
from home.models import HomePage, PeriodicJobRun
from home.page_forms import PageForm
from home.tests.utils import make_standard_page, make_user

pytestmark = pytest.mark.django_db


def travel_to(moment):
    """Every ``timezone.now()`` (Wagtail's command included) answers ``moment``."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def make_editor(email="editrice@example.org"):
    return make_user(email, is_staff=True, is_superuser=True, display_name="Édith")


def schedule(page, user, go_live_at=None, expire_at=None):
    page.go_live_at = go_live_at
    page.expire_at = expire_at
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def test_publish_scheduled_is_the_first_job_and_runs_every_minute():
    jobs = scheduler.periodic_jobs()
    assert jobs[0].name == "publish_scheduled"
    assert jobs[0].every == timedelta(minutes=1)


def test_a_page_scheduled_a_minute_ahead_goes_live_on_its_own(
    mailoutbox, django_capture_on_commit_callbacks
):
    editor = make_editor()
    start = timezone.now()
    page = make_standard_page(
        HomePage.objects.get(), "Annonce programmée", "annonce-programmee", live=False
    )
    schedule(page, editor, go_live_at=start + timedelta(minutes=1))
    assert not page.live

    scheduler.run_due(start)
    page.refresh_from_db()
    assert not page.live, "published before its time"

    later = start + timedelta(minutes=2)
    with travel_to(later), django_capture_on_commit_callbacks(execute=True):
        scheduler.run_due(later)
    page.refresh_from_db()
    assert page.live
    assert page.live_revision.approved_go_live_at is None
    [mail] = mailoutbox
    assert mail.to == [editor.email]
    assert "« Annonce programmée » est en ligne" in mail.subject
    assert "Bonjour Édith," in mail.body
    assert "http://testserver/annonce-programmee/" in mail.body
    assert f"http://testserver/admin/pages/{page.pk}/edit/" in mail.body


def test_a_scheduled_expiry_unpublishes_and_tells_who_published(
    mailoutbox, django_capture_on_commit_callbacks
):
    editor = make_editor()
    start = timezone.now()
    page = make_standard_page(HomePage.objects.get(), "Offre limitée", live=False)
    schedule(page, editor, expire_at=start + timedelta(minutes=1))
    assert page.live
    later = start + timedelta(minutes=2)
    with travel_to(later), django_capture_on_commit_callbacks(execute=True):
        scheduler.run_due(later)
    page.refresh_from_db()
    assert not page.live and page.expired
    [mail] = mailoutbox
    assert mail.to == [editor.email]
    assert "« Offre limitée » n'est plus en ligne" in mail.subject


def test_run_scheduler_once_runs_what_is_due(mailoutbox):
    editor = make_editor()
    start = timezone.now()
    page = make_standard_page(HomePage.objects.get(), "Par la commande", live=False)
    schedule(page, editor, go_live_at=start + timedelta(seconds=30))
    later = start + timedelta(minutes=1)
    out = StringIO()
    with travel_to(later):
        call_command("run_scheduler", "--once", stdout=out)
    page.refresh_from_db()
    assert page.live
    assert "publish_scheduled : publication programmée : 1 publié(s)" in out.getvalue()


def test_a_job_runs_once_per_period_and_a_failure_does_not_stop_the_others():
    calls = []

    def broken():
        raise RuntimeError("panne")

    jobs = [
        scheduler.PeriodicJob("test_broken", timedelta(minutes=5), broken),
        scheduler.PeriodicJob(
            "test_count", timedelta(minutes=5), lambda: calls.append(1)
        ),
    ]
    now = timezone.now()
    outcomes = scheduler.run_due(now, jobs=jobs)
    assert [o.job.name for o in outcomes] == ["test_broken", "test_count"]
    assert "RuntimeError: panne" in outcomes[0].error
    assert "panne" in PeriodicJobRun.objects.get(name="test_broken").last_error
    assert calls == [1]
    # Another scheduler (or a restart) within the period runs nothing again.
    assert scheduler.run_due(now + timedelta(minutes=4), jobs=jobs) == []
    assert calls == [1]
    assert scheduler.seconds_until_next(now + timedelta(minutes=4), jobs=jobs) == 60
    assert len(scheduler.run_due(now + timedelta(minutes=5), jobs=jobs)) == 2
    assert calls == [1, 1]


def test_registering_a_taken_name_with_another_function_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        scheduler.register_periodic(
            "publish_scheduled", every=timedelta(minutes=1), function=print
        )
    with pytest.raises(ImproperlyConfigured):
        scheduler.register_periodic("x", every=timedelta(0), function=print)


# --- A go-live date in the past, in the admin --------------------------------


def page_form_data(page, **extra):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
            **extra,
        }
    )


def test_the_admin_refuses_a_go_live_date_in_the_past_in_french(client):
    editor = make_editor()
    client.force_login(editor)
    page = make_standard_page(HomePage.objects.get(), "Brouillon daté", live=False)
    past = timezone.localtime() - timedelta(days=1)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        page_form_data(page, go_live_at=past.strftime("%Y-%m-%d %H:%M")),
    )
    assert response.status_code == 200
    assert "La date de publication programmée est déjà passée" in (
        response.content.decode()
    )
    page.refresh_from_db()
    assert not page.live and page.go_live_at is None


def test_a_go_live_date_ahead_schedules_the_page(client):
    editor = make_editor()
    client.force_login(editor)
    page = make_standard_page(HomePage.objects.get(), "Bientôt", "bientot", live=False)
    ahead = timezone.localtime() + timedelta(days=1)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        page_form_data(page, go_live_at=ahead.strftime("%Y-%m-%d %H:%M")),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live and page.go_live_at is not None
    assert page.get_latest_revision().approved_go_live_at is not None


def test_a_page_that_went_live_as_scheduled_can_still_be_edited(client):
    editor = make_editor()
    client.force_login(editor)
    page = make_standard_page(HomePage.objects.get(), "Passée", "passee", live=False)
    go_live = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=2)
    schedule(page, editor, go_live_at=go_live)
    later = go_live + timedelta(minutes=5)
    with travel_to(later):
        scheduler.run_due(later)
        page.refresh_from_db()
        assert page.live
        # Its go-live date, now past, is sent back unchanged with the form.
        response = client.post(
            f"/admin/pages/{page.pk}/edit/",
            page_form_data(
                page,
                title="Passée, corrigée",
                go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
            ),
        )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title == "Passée, corrigée"


def test_every_page_type_of_the_site_uses_the_checking_form():
    project = ("home", "resources", "community")
    for model in get_page_models():
        if model.__module__.startswith(project):
            assert issubclass(model.base_form_class, PageForm), model

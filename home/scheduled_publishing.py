"""Scheduled publishing: Wagtail's ``publish_scheduled`` as a periodic job,
and the editor told when what they scheduled goes live or expires.

The admin's « Programmer » stores go-live and expiry dates on pages and on
snippets with a draft state; nothing happens at those dates unless
``publish_scheduled`` runs. The scheduler (``home.scheduler``) runs this job
every minute. Before running Wagtail's command it notes what is due, so that
afterwards the person who scheduled each change gets an e-mail.
"""

from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.utils import formats, timezone, translation

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import registry as log_registry
from wagtail.models import DraftStateMixin, Page, Revision

from .mail import send_templated_mail


def draft_state_models():
    """Pages and every snippet model with go-live/expiry dates."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


def _scheduler_of(obj, revision):
    """Who scheduled ``revision``: the log of « programmer », else its author."""
    entry = (
        log_registry.get_logs_for_instance(obj)
        .filter(action="wagtail.publish.schedule", revision=revision)
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return entry.user if entry and entry.user else revision.user


def _when(moment):
    with translation.override("fr"):
        return formats.date_format(timezone.localtime(moment), "j F Y à H:i")


def _tell(user, template, obj, moment):
    if user is None or not user.is_active or not user.email:
        return False
    specific = getattr(obj, "specific", obj)
    edit_url = AdminURLFinder(user).get_edit_url(specific) or ""
    url = specific.get_full_url() if isinstance(specific, Page) else ""
    send_templated_mail(
        template,
        [user.email],
        {
            "name": user.get_short_name(),
            "title": str(specific),
            "url": url or "",
            "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + edit_url
            if edit_url
            else "",
            "when": _when(moment),
        },
    )
    return True


def publish_scheduled():
    """Publish what is due, unpublish what expired, tell who scheduled it."""
    now = timezone.now()
    due = list(
        Revision.objects.filter(approved_go_live_at__lt=now)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    due = [(revision, revision.approved_go_live_at) for revision in due]
    expiring = []
    for model in draft_state_models():
        for obj in model.objects.filter(live=True, expire_at__lt=now).select_related(
            "live_revision__user"
        ):
            owner = obj.live_revision.user if obj.live_revision else None
            expiring.append((model, obj.pk, owner, obj.expire_at))

    call_command("publish_scheduled", stdout=StringIO())

    published = 0
    for revision, go_live_at in due:
        obj = revision.content_object  # read now: after Wagtail's command
        if obj is None or not obj.live or obj.live_revision_id != revision.pk:
            continue
        published += 1
        _tell(
            _scheduler_of(obj, revision),
            "home/email/scheduled_published",
            obj,
            go_live_at,
        )
    expired = 0
    for model, pk, owner, expire_at in expiring:
        obj = model.objects.filter(pk=pk).first()
        if obj is None or obj.live:
            continue
        expired += 1
        _tell(owner, "home/email/scheduled_expired", obj, expire_at)
    if published or expired:
        return f"publication programmée : {published} publié(s), {expired} retiré(s)"
    return ""

"""Reports (« signaler ») and the moderation queue of animateurs and
moderators: hidden posts and posts with pending reports, in the spaces they
moderate, each with its reports and the log of decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.members import policy
from home.pagination import paginate

from .. import posting
from ..choices import PostState, ReportStatus
from ..forms import ModerationForm, ReportForm
from ..models import Comment, ModerationDecision, Report, Thread
from ..spaces import space_name, space_url
from .common import comment_or_404, ensure_readable, thread_or_404

QUEUE_PER_PAGE = 20
QUEUE_CANDIDATES = 500


def _target(kind, pk):
    if kind not in ("fils", "messages"):
        raise Http404
    if kind == "messages":
        comment = comment_or_404(pk)
        return comment, comment.discussion
    thread = thread_or_404(pk)
    return thread, thread


def report(request, kind, pk):
    post, thread = _target(kind, pk)
    ensure_readable(request, thread)
    if not request.user.is_authenticated:
        policy.ensure(request.user, thread, "contribute")  # asks to log in
    back = post.get_absolute_url()
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            hidden = posting.report(
                request.user,
                post,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except posting.DiscussionError as error:
            messages.error(request, error.message)
            return redirect(back)
        messages.success(
            request,
            _("Merci : le message est masqué en attendant l'examen d'un modérateur.")
            if hidden
            else _("Merci : votre signalement est transmis aux modérateurs."),
        )
        return redirect(back)
    return render(
        request,
        "discussions/report.html",
        {
            "form": form,
            "post": post,
            "thread": thread,
            "space_name": space_name(thread.space),
            "space_url": space_url(thread.space),
        },
        status=400 if form.errors else 200,
    )


def _queue_items(user):
    pending = Report.objects.filter(status=ReportStatus.PENDING)
    reports = Prefetch(
        "reports",
        queryset=Report.objects.select_related("reporter").order_by("created_at"),
    )
    decisions = Prefetch(
        "decisions",
        queryset=ModerationDecision.objects.select_related("moderator"),
    )
    comments = (
        Comment.objects.filter(
            Q(state=PostState.HIDDEN) | Q(pk__in=pending.values("comment_id"))
        )
        .exclude(state=PostState.REMOVED)
        .select_related(
            "user",
            "discussion__community",
            "discussion__team__community",
            "discussion__challenge",
            "discussion__page",
        )
        .prefetch_related(reports, decisions)
        .order_by("-submit_date")[:QUEUE_CANDIDATES]
    )
    threads = (
        Thread.objects.filter(
            Q(state=PostState.HIDDEN)
            | Q(pk__in=pending.filter(comment=None).values("thread_id"))
        )
        .select_related("author", "community", "team__community", "challenge")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=Report.objects.filter(comment=None)
                .select_related("reporter")
                .order_by("created_at"),
            ),
            Prefetch(
                "decisions",
                queryset=ModerationDecision.objects.filter(comment=None).select_related(
                    "moderator"
                ),
            ),
        )
        .order_by("-created_at")[:QUEUE_CANDIDATES]
    )
    items = []
    for comment in comments:
        if policy.can_moderate(user, comment.discussion):
            items.append(_item(comment, comment.discussion, "messages"))
    for thread in threads:
        if policy.can_moderate(user, thread):
            items.append(_item(thread, thread, "fils"))
    return sorted(items, key=lambda item: item["latest"], reverse=True)


def _item(post, thread, kind):
    reports = list(post.reports.all())
    pending = [r for r in reports if r.status == ReportStatus.PENDING]
    latest = max(
        [r.created_at for r in reports]
        + [getattr(post, "submit_date", None) or post.created_at]
    )
    return {
        "post": post,
        "thread": thread,
        "kind": kind,
        "reports": reports,
        "pending": pending,
        "decisions": list(post.decisions.all()),
        "latest": latest,
        "author": post.user if kind == "messages" else post.author,
        "text": post.comment if kind == "messages" else f"{post.title}\n\n{post.body}",
        "space_name": space_name(thread.space),
    }


def queue(request):
    if not request.user.is_authenticated:
        raise PermissionDenied  # sends to the login page
    items = _queue_items(request.user)
    page = paginate(request, items, QUEUE_PER_PAGE)
    return render(
        request,
        "discussions/moderation_queue.html",
        {"page_obj": page, "items": page.object_list, "form": ModerationForm()},
    )


@require_POST
def decide(request, kind, pk):
    post, thread = _target(kind, pk)
    policy.ensure(request.user, thread, "moderate")
    form = ModerationForm(request.POST)
    back = reverse("discussions:moderation")
    if not form.is_valid():
        messages.error(request, _("Choisissez une décision."))
        return redirect(back)
    try:
        decision = posting.moderate(
            request.user, post, form.cleaned_data["action"], form.cleaned_data["reason"]
        )
    except posting.DiscussionError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request,
        _("Décision enregistrée : %(action)s. L'auteur en est informé.")
        % {"action": decision.get_action_display().lower()},
    )
    return redirect(back)

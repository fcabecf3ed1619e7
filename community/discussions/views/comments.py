"""Comments: reply (at the top or to a comment, with a quote), the permalink
that opens the right page of the thread, edit, delete (a tombstone), the
edit history, reactions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.members import policy

from .. import conf, history, posting
from ..choices import PostState
from ..forms import CommentForm, EditCommentForm
from ..models import Comment
from ..spaces import is_commentable, space_name, space_url
from .common import client_ip, comment_or_404, ensure_readable, refused, thread_or_404
from .threads import _react


@require_POST
def post_comment(request, pk):
    thread = ensure_readable(request, thread_or_404(pk))
    policy.ensure(request.user, thread, "contribute")
    form = CommentForm(request.POST)
    url = thread.get_absolute_url()
    if not form.is_valid():
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(
            request, _("Réponse non publiée : %(errors)s") % {"errors": errors}
        )
        return redirect(url)
    try:
        comment = posting.post_comment(
            request.user,
            thread,
            body=form.cleaned_data["comment"],
            reply_to=form.cleaned_data.get("reply_to"),
            ip=client_ip(request),
        )
    except posting.DiscussionError as error:
        return refused(request, error, url)
    messages.success(request, _("Votre réponse est publiée."))
    return redirect(comment.get_absolute_url())


@require_POST
def comment_page(request, page_id):
    """A top-level comment on a resource page (the page's thread is opened
    by its first comment)."""
    from wagtail.models import Page

    page = get_object_or_404(Page, pk=page_id)
    if not is_commentable(page):
        raise Http404
    policy.ensure(request.user, page, "view")
    policy.ensure(request.user, page, "contribute")
    url = f"{page.url}#commentaires"
    thread = posting.page_thread(page)
    if thread is not None:
        policy.ensure(request.user, thread, "contribute")
    form = CommentForm(request.POST)
    if not form.is_valid():
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(
            request, _("Commentaire non publié : %(errors)s") % {"errors": errors}
        )
        return redirect(url)
    try:
        comment = posting.comment_page(
            request.user,
            page,
            body=form.cleaned_data["comment"],
            ip=client_ip(request),
        )
    except posting.DiscussionError as error:
        return refused(request, error, url)
    messages.success(request, _("Votre commentaire est publié."))
    return redirect(comment.get_absolute_url())


def reply(request, pk):
    """The page to reply to one comment (without JavaScript, and to quote it)."""
    comment = comment_or_404(pk)
    thread = ensure_readable(request, comment.discussion)
    policy.ensure(request.user, thread, "contribute")
    initial = {"reply_to": comment.pk}
    if request.GET.get("citer") == "1" and comment.is_visible:
        quoted = "\n".join(f"> {line}" for line in comment.comment.splitlines())
        initial["comment"] = f"{quoted}\n\n"
    return render(
        request,
        "discussions/reply.html",
        {
            "thread": thread,
            "comment": comment,
            "space_name": space_name(thread.space),
            "space_url": space_url(thread.space),
            "form": CommentForm(initial=initial),
        },
    )


def permalink(request, pk):
    """The thread's page that shows this comment, at its anchor."""
    comment = comment_or_404(pk)
    thread = ensure_readable(request, comment.discussion)
    before = Comment.objects.filter(
        discussion=thread, level=0, pk__lt=comment.thread_id
    ).count()
    page = before // conf.get("DISCUSSIONS_COMMENTS_PER_PAGE") + 1
    query = f"?page={page}"
    if comment.order > conf.get("DISCUSSIONS_REPLIES_SHOWN") + 1:
        query += f"&suite={comment.thread_id}"
    return redirect(f"{thread.reading_url()}{query}#{comment.anchor}")


def edit(request, pk):
    comment = policy.ensure(request.user, comment_or_404(pk), "edit")
    thread = comment.discussion
    form = EditCommentForm(
        request.POST if request.method == "POST" else None,
        initial={"comment": comment.comment},
    )
    if request.method == "POST" and form.is_valid():
        posting.edit_comment(request.user, comment, body=form.cleaned_data["comment"])
        messages.success(
            request,
            _(
                "Message modifié ; la version précédente reste visible dans l'historique."
            ),
        )
        return redirect(comment.get_absolute_url())
    return render(
        request,
        "discussions/comment_form.html",
        {
            "form": form,
            "comment": comment,
            "thread": thread,
            "space_name": space_name(thread.space),
            "space_url": space_url(thread.space),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def delete(request, pk):
    comment = policy.ensure(request.user, comment_or_404(pk), "edit")
    posting.delete_comment(request.user, comment)
    messages.success(
        request, _("Votre message est supprimé ; les réponses qu'il a reçues restent.")
    )
    return redirect(comment.get_absolute_url())


def comment_history(request, pk):
    comment = comment_or_404(pk)
    thread = ensure_readable(request, comment.discussion)
    if comment.state != PostState.VISIBLE and not policy.can_moderate(
        request.user, thread
    ):
        policy.ensure(request.user, comment, "view")
    revisions = list(comment.revisions.select_related("written_by"))
    return history_response(request, thread, comment, revisions)


def history_response(request, thread, post, revisions):
    return render(
        request,
        "discussions/history.html",
        {
            "thread": thread,
            "post": post,
            "is_thread": post is thread,
            "versions": history.versions_of(post, revisions),
            "space_name": space_name(thread.space),
            "space_url": space_url(thread.space),
        },
    )


@require_POST
def react(request, pk):
    comment = comment_or_404(pk)
    thread = ensure_readable(request, comment.discussion)
    return _react(request, thread, comment, comment.get_absolute_url())

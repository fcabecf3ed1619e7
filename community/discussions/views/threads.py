"""Thread lists (per space, and « toutes les discussions »), the thread page,
opening and editing a thread, animating it (lock, pin, archive), reacting
to its opening post, and the @mention suggestions."""

from types import SimpleNamespace

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.members import policy
from community.members.models import User
from home.pagination import paginate

from .. import conf, mentions, posting, reading
from ..choices import ModerationAction
from ..forms import AnimateForm, CommentForm, DiscussionFilterForm, ThreadForm
from ..models import Thread
from ..spaces import THREAD_SPACE_KINDS, space_name, space_url
from .common import client_ip, ensure_readable, refused, space_or_404, thread_or_404


def _listing(request, threads):
    threads = reading.with_reading_state(threads.for_listing(), request.user)
    return paginate(request, threads, conf.get("DISCUSSIONS_THREADS_PER_PAGE"))


def space_threads(request, kind, slug):
    kind, space = space_or_404(request, kind, slug)
    policy.ensure(request.user, space, "view")
    show_archived = request.GET.get("archives") == "1"
    threads = policy.visible_to(Thread.objects.in_space(space), request.user).filter(
        archived=show_archived
    )
    page = _listing(request, threads.order_by("-pinned", "-last_activity_at", "-pk"))
    return render(
        request,
        "discussions/space_threads.html",
        {
            "space": space,
            "space_kind": kind,
            "space_name": space_name(space),
            "space_url": space_url(space),
            "page_obj": page,
            "threads": page.object_list,
            "show_archived": show_archived,
            "query_string": "archives=1" if show_archived else "",
            "can_post": policy.can_contribute(request.user, space),
        },
    )


def _space_choices(user):
    """The spaces with threads that ``user`` may read, for the filter."""
    choices = []
    for kind in THREAD_SPACE_KINDS:
        model = kind.model
        spaces = policy.visible_to(
            model._default_manager.filter(
                pk__in=policy.visible_to(Thread.objects.discussions(), user).values(
                    kind.field
                )
            ),
            user,
        )
        for space in spaces.order_by("pk"):
            choices.append(
                (f"{kind.key}:{space.slug}", f"{kind.label} — {space_name(space)}")
            )
    return choices


def all_discussions(request):
    threads = policy.visible_to(Thread.objects.discussions(), request.user).filter(
        archived=False
    )
    form = DiscussionFilterForm(
        request.GET or None, spaces=_space_choices(request.user)
    )
    if form.is_valid():
        chosen = form.cleaned_data.get("espace")
        if chosen:
            key, _sep, slug = chosen.partition(":")
            kind = next(k for k in THREAD_SPACE_KINDS if k.key == key)
            threads = threads.filter(**{f"{kind.field}__slug": slug})
        if form.cleaned_data.get("theme"):
            threads = threads.filter(themes=form.cleaned_data["theme"])
    page = _listing(request, threads.order_by("-last_activity_at", "-pk"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "discussions/all_discussions.html",
        {
            "form": form,
            "page_obj": page,
            "threads": page.object_list,
            "query_string": query.urlencode(),
        },
    )


def ask(request):
    """« Posez la question à la communauté » from a search: the chosen space's
    new-thread form, its title prefilled with the query."""
    from django.contrib.auth.views import redirect_to_login
    from django.utils.http import urlencode

    from ..asking import postable_spaces, question_title

    question = question_title(request.GET.get("q"))
    back = reverse("search:search") + (
        "?" + urlencode({"q": question}) if question else ""
    )
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    chosen = request.GET.get("espace", "")
    if chosen not in dict(postable_spaces(request.user)):
        messages.error(
            request,
            _("Choisissez un espace où vous pouvez ouvrir un fil de discussion."),
        )
        return redirect(back)
    key, _sep, slug = chosen.partition(":")
    url = reverse("discussions:new_thread", args=[key, slug])
    return redirect(f"{url}?{urlencode({'titre': question})}" if question else url)


def new_thread(request, kind, slug):
    kind, space = space_or_404(request, kind, slug)
    policy.ensure(request.user, space, "contribute")
    initial = {}
    if request.method == "GET" and request.GET.get("titre"):
        from ..asking import question_title

        initial["title"] = question_title(request.GET["titre"])
    form = ThreadForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = posting.create_thread(
                request.user,
                space,
                title=data["title"],
                body=data["body"],
                kind=data["kind"],
                themes=data["themes"],
                ip=client_ip(request),
            )
        except posting.DiscussionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Votre fil de discussion est ouvert."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "discussions/thread_form.html",
        {
            "form": form,
            "space": space,
            "space_kind": kind,
            "space_name": space_name(space),
            "space_url": space_url(space),
        },
        status=400 if form.errors else 200,
    )


def thread_detail(request, pk):
    thread = ensure_readable(request, thread_or_404(pk))
    user = request.user
    fragment = request.GET.get("fragment") == "1"
    if thread.is_page_comments and not fragment:
        # A resource's comments are read on the resource's page.
        if not thread.page.url:  # a page outside every site: nowhere to read
            raise Http404
        query = request.GET.urlencode()
        return redirect(
            f"{thread.reading_url()}{'?' + query if query else ''}#commentaires"
        )
    since = posting.mark_read(user, thread)
    page = reading.top_level_page(request, thread)
    try:
        expanded = int(request.GET.get("suite", 0))
    except ValueError:
        expanded = 0
    nodes, opening_reactions, thread_reported = reading.comment_tree(
        request, thread, page, since, expanded
    )
    new_count, first_new = reading.new_since(thread, user, since)
    context = {
        "thread": thread,
        "space": thread.space,
        "space_kind": thread.space_kind,
        "space_name": space_name(thread.space),
        "space_url": space_url(thread.space),
        "page_obj": page,
        "nodes": nodes,
        "opening_reactions": opening_reactions,
        "thread_reported": thread_reported,
        "new_count": new_count,
        "first_new": first_new,
        "can_reply": policy.can_contribute(user, thread),
        "can_react": (
            user.is_authenticated
            and not thread.archived
            and policy.can_contribute(user, thread.space)
        ),
        "can_edit": policy.can_edit(user, thread),
        "can_moderate": policy.can_moderate(user, thread),
        "max_level": posting.max_level(),
        "comment_form": CommentForm(),
        "animate_form": AnimateForm(),
        # Glossary terms are linked once per page, across all comments.
        "glossary_scope": SimpleNamespace(),
        "fragment_base": (
            reverse("discussions:thread", args=[thread.pk])
            if thread.is_page_comments
            else ""
        ),
    }
    template = (
        "discussions/includes/comment_page.html"
        if fragment
        else "discussions/thread.html"
    )
    return render(request, template, context)


def edit_thread(request, pk):
    thread = policy.ensure(request.user, thread_or_404(pk), "edit")
    initial = {
        "title": thread.title,
        "body": thread.body,
        "themes": thread.themes.all(),
    }
    form = ThreadForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        editing=True,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        posting.edit_thread(
            request.user,
            thread,
            title=data["title"],
            body=data["body"],
            themes=data["themes"],
        )
        messages.success(
            request,
            _(
                "Le fil est modifié ; la version précédente est gardée dans l'historique."
            ),
        )
        return redirect(thread.get_absolute_url())
    return render(
        request,
        "discussions/thread_form.html",
        {
            "form": form,
            "thread": thread,
            "space": thread.space,
            "space_kind": thread.space_kind,
            "space_name": space_name(thread.space),
            "space_url": space_url(thread.space),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def animate(request, pk):
    thread = policy.ensure(request.user, thread_or_404(pk), "moderate")
    form = AnimateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Action inconnue : rien n'a changé."))
        return redirect(thread.get_absolute_url())
    try:
        decision = posting.animate(
            request.user,
            thread,
            form.cleaned_data["action"],
            form.cleaned_data["reason"],
        )
    except posting.DiscussionError as error:
        return refused(request, error, thread.get_absolute_url())
    messages.success(
        request,
        _("C'est fait : %(action)s.")
        % {"action": decision.get_action_display().lower()},
    )
    if decision.action == ModerationAction.ARCHIVE:
        return redirect(
            reverse(
                "discussions:space", args=[thread.space_kind.key, thread.space.slug]
            )
        )
    return redirect(thread.get_absolute_url())


@require_POST
def react_thread(request, pk):
    thread = ensure_readable(request, thread_or_404(pk))
    return _react(request, thread, None, thread.get_absolute_url())


def _react(request, thread, comment, url):
    policy.ensure(request.user, thread, "view")
    space = thread.space
    if not policy.can_contribute(request.user, space) or thread.archived:
        if not request.user.is_authenticated:
            policy.ensure(request.user, thread, "contribute")
        messages.error(request, _("Seuls les membres de l'espace peuvent réagir ici."))
        return redirect(url)
    try:
        on = posting.react(request.user, thread, request.POST.get("kind", ""), comment)
    except posting.DiscussionError as error:
        return refused(request, error, url)
    messages.success(request, _("Réaction ajoutée.") if on else _("Réaction retirée."))
    return redirect(url)


def mention_suggestions(request, pk):
    """Members who may see the thread, matching ``q`` (name), for the
    accessible @mention field: [{"handle", "name"}], at most eight."""
    thread = policy.ensure(request.user, thread_or_404(pk), "view")
    policy.ensure(request.user, thread, "contribute")
    q = " ".join(request.GET.get("q", "").split())[:50]
    if len(q) < 2:
        return JsonResponse({"results": []})
    candidates = (
        User.objects.filter(is_active=True, is_deleted=False)
        .filter(Q(display_name__icontains=q))
        .exclude(pk=request.user.pk)
        .order_by("display_name", "pk")[:30]
    )
    results = []
    for member in candidates:
        if policy.can_view(member, thread):
            results.append(
                {"handle": f"@{mentions.handle_for(member)}", "name": str(member)}
            )
        if len(results) == 8:
            break
    return JsonResponse({"results": results})


def thread_history(request, pk):
    from .comments import history_response

    thread = ensure_readable(request, thread_or_404(pk))
    return history_response(
        request, thread, thread, list(thread.revisions.select_related("written_by"))
    )

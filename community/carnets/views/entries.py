"""One entry: reading it, editing it (with the conflict screen), its sharing,
its history (compare, restore), deleting it."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community.members import policy

from ..editing import EditConflict, restore_revision, save_entry
from ..forms import CommentForm, EntryForm, EntrySharingForm, ShareLinkForm
from ..models import EntryRevision, ShareLink
from ..structure import edition_of, guide_for
from ..text import diff_html, render_markdown
from .comments import comments_for
from .common import PageState, entry_or_404, refuse_departed, with_html


def _prompts(entry):
    guide = guide_for(edition_of(entry.carnet.team))
    return guide.prompt_list if guide else []


def visible_related(entry, user):
    pages = list(
        policy.visible_to(entry.related_pages.all(), user).specific().order_by("title")
    )
    for page in pages:
        page.kind_label = page._meta.verbose_name
    return pages


def entry_detail(request, pk):
    entry = policy.ensure(request.user, entry_or_404(pk))
    state = PageState()
    with_html([entry], state)
    comments = comments_for(entry, request.user)
    for comment in comments:
        comment.body_html = render_markdown(comment.comment)
    can_edit = policy.can_edit(request.user, entry)
    context = {
        "entry": entry,
        "carnet": entry.carnet,
        "team": entry.carnet.team,
        "attachments": list(entry.attachments.all()),
        "related": visible_related(entry, request.user),
        "can_edit": can_edit,
        "can_delete": policy.can_moderate(request.user, entry),
        "can_see_history": policy.can_view(
            request.user, EntryRevision(entry=entry, version=entry.version)
        ),
        "can_see_carnet": policy.can_view(request.user, entry.carnet),
        "comments": comments,
        "comment_form": CommentForm()
        if policy.can_contribute(request.user, entry)
        else None,
    }
    if can_edit:
        from ..forms import AttachmentForm

        context["sharing_form"] = EntrySharingForm(
            initial={"visibility": entry.visibility}
        )
        context["attachment_form"] = AttachmentForm()
        context["links"] = list(
            ShareLink.objects.filter(entry=entry).select_related("created_by")
        )
        context["link_form"] = ShareLinkForm(initial={"entry": entry.pk})
    return render(request, "carnets/entry_detail.html", context)


def entry_edit(request, pk):
    entry = entry_or_404(pk)
    refused = refuse_departed(request, entry)
    if refused:
        return refused
    policy.ensure(request.user, entry, "edit")
    prompts = _prompts(entry)
    if request.method == "POST":
        form = EntryForm(request.POST, prompts=prompts, user=request.user)
        _fix_moment(form, entry)
        if form.is_valid():
            data = form.cleaned_data
            if data["base_version"] is None:
                form.add_error(
                    None,
                    _(
                        "La version de départ manque : rechargez la page. Votre "
                        "texte est gardé dans ce navigateur."
                    ),
                )
            else:
                try:
                    with transaction.atomic():
                        save_entry(
                            entry,
                            user=request.user,
                            title=data["title"],
                            body=data["body"],
                            base_version=data["base_version"],
                            moment=data["moment"],
                            checkpoint=data["checkpoint"],
                            prompt=data["prompt"],
                        )
                        entry.related_pages.set(data["links"])
                except EditConflict as conflict:
                    return conflict_response(request, entry, data, conflict, prompts)
                messages.success(
                    request,
                    _("Modification enregistrée (version %(version)s).")
                    % {"version": entry.version},
                )
                return redirect(entry.get_absolute_url())
    else:
        form = EntryForm(
            initial={
                "title": entry.title,
                "body": entry.body,
                "moment": entry.moment,
                "checkpoint": entry.checkpoint,
                "prompt": entry.prompt_id,
                "links": "\n".join(
                    page.url for page in visible_related(entry, request.user)
                ),
                "base_version": entry.version,
            },
            prompts=prompts,
            user=request.user,
        )
        _fix_moment(form, entry)
    return render(
        request,
        "carnets/entry_form.html",
        {
            "form": form,
            "entry": entry,
            "carnet": entry.carnet,
            "team": entry.carnet.team,
            "draft_key": f"entree-{entry.pk}",
        },
        status=400 if form.errors else 200,
    )


def _fix_moment(form, entry):
    """A collective synthesis stays in its moment (one per moment)."""
    if entry.is_collective:
        for name in ("moment", "checkpoint"):
            form.fields[name].disabled = True
            form.fields[name].initial = getattr(entry, name)


def conflict_response(request, entry, mine, conflict, prompts):
    """The conflict screen (409): what was saved meanwhile beside what I
    wrote, and an editor prefilled with an automatic merge when the two edits
    touch different lines, else with my text. Nothing is saved until I do."""
    current = conflict.current
    merged = conflict.proposed_merge(mine["title"], mine["body"])
    title, body = merged if merged else (mine["title"], mine["body"])
    form = EntryForm(
        initial={
            "title": title,
            "body": body,
            "moment": current.moment,
            "checkpoint": current.checkpoint,
            "prompt": mine.get("prompt").pk
            if mine.get("prompt")
            else current.prompt_id,
            "links": "\n".join(page.url for page in mine.get("links", [])),
            "base_version": current.version,
        },
        prompts=prompts,
        user=request.user,
    )
    _fix_moment(form, current)
    return render(
        request,
        "carnets/entry_form.html",
        {
            "form": form,
            "entry": current,
            "carnet": current.carnet,
            "team": current.carnet.team,
            "draft_key": f"entree-{current.pk}",
            "conflict": {
                "theirs": current,
                "mine_title": mine["title"],
                "mine_body": mine["body"],
                "diff": diff_html(current.body, mine["body"]),
                "merged": merged is not None,
                "new_entry": conflict.base_version == 0,
            },
        },
        status=409,
    )


def entry_sharing(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = entry_or_404(pk)
    refused = refuse_departed(request, entry)
    if refused:
        return refused
    policy.ensure(request.user, entry, "edit")
    form = EntrySharingForm(request.POST)
    if form.is_valid():
        entry.visibility = form.cleaned_data["visibility"]
        entry.save(update_fields=["visibility"])
        messages.success(
            request,
            _("Partage de l'entrée : %(level)s.")
            % {"level": entry.get_visibility_display()},
        )
    else:
        messages.error(request, _("Partage inchangé : choisissez un niveau proposé."))
    return redirect(entry.get_absolute_url())


def entry_delete(request, pk):
    entry = entry_or_404(pk)
    refused = refuse_departed(request, entry)
    if refused:
        return refused
    policy.ensure(request.user, entry, "moderate")
    if request.method == "POST":
        carnet = entry.carnet
        entry.delete()
        messages.success(request, _("L'entrée est supprimée."))
        return redirect(carnet.get_absolute_url())
    return render(
        request,
        "carnets/entry_delete.html",
        {"entry": entry, "carnet": entry.carnet, "team": entry.carnet.team},
    )


def entry_history(request, pk):
    entry = policy.ensure(request.user, entry_or_404(pk))
    policy.ensure(request.user, EntryRevision(entry=entry, version=entry.version))
    revisions = list(entry.revisions.select_related("author"))
    by_version = {r.version: r for r in revisions}
    comparison = None
    old, new = _versions(request, by_version, entry)
    if old and new and old != new:
        comparison = {
            "old": by_version[old],
            "new": by_version[new],
            "diff": diff_html(by_version[old].body, by_version[new].body),
            "title_changed": by_version[old].title != by_version[new].title,
        }
    return render(
        request,
        "carnets/entry_history.html",
        {
            "entry": entry,
            "carnet": entry.carnet,
            "team": entry.carnet.team,
            "revisions": revisions,
            "comparison": comparison,
            "can_restore": policy.can_edit(request.user, entry),
        },
    )


def _versions(request, by_version, entry):
    def number(name, default):
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() and int(value) in by_version else default

    new = number("a", entry.version if entry.version in by_version else None)
    old = number("de", (new - 1) if new and (new - 1) in by_version else None)
    return old, new


def entry_restore(request, pk, version):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = entry_or_404(pk)
    refused = refuse_departed(request, entry)
    if refused:
        return refused
    policy.ensure(request.user, entry, "edit")
    revision = entry.revisions.filter(version=version).first()
    if revision is None:
        raise Http404
    base = request.POST.get("base_version", "")
    try:
        restore_revision(
            entry,
            revision,
            user=request.user,
            base_version=int(base) if base.isdigit() else -1,
        )
    except EditConflict:
        messages.error(
            request,
            _(
                "L'entrée a été modifiée entre-temps : rien n'a été restauré. "
                "Comparez avec la dernière version puis recommencez."
            ),
        )
        return redirect("carnets:entry_history", pk=entry.pk)
    messages.success(
        request,
        _("La version %(old)s est restaurée : c'est maintenant la version %(new)s.")
        % {"old": version, "new": entry.version},
    )
    return redirect(entry.get_absolute_url())

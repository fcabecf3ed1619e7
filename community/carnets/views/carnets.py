"""The carnet of a team: reading it, its settings and sharing, writing a new
entry."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community.members import policy
from home.pagination import paginate

from ..choices import EntryKind, Moment
from ..editing import EditConflict, create_entry
from ..forms import CarnetSettingsForm, NewEntryForm, ShareLinkForm
from ..models import Carnet, ShareLink
from ..notices import collective_entry_created
from ..structure import (
    ENTRIES_PER_PAGE,
    carnet_for,
    commitments,
    edition_of,
    entry_counts,
    event_end,
    guide_for,
    latest_entries,
    moment_order,
    moments,
    summary,
)
from .common import PageState, team_or_404, with_html


def _carnet(request, slug, action="view"):
    carnet = (
        Carnet.objects.select_related("team__community").filter(team__slug=slug).first()
    )
    if carnet is None:
        # Ask before creating: nobody makes a carnet exist by looking for it.
        carnet = Carnet(team=team_or_404(slug))
    policy.ensure(request.user, carnet, action)
    if carnet.pk is None:
        carnet = carnet_for(carnet.team)
    return carnet


def challenges_of(team, user):
    from community.challenges.models import ChallengePage

    return list(
        policy.visible_to(ChallengePage.objects.filter(teams=team), user).only(
            "pk", "title", "url_path", "path", "depth"
        )
    )


def carnet_detail(request, slug):
    """The carnet: each moment with its collective synthesis and its latest
    contributions (``?moment=`` lists all of one moment, a page at a time)."""
    carnet = _carnet(request, slug)
    team = carnet.team
    edition = edition_of(team)
    guide = guide_for(edition)
    visible = policy.visible_to(carnet.entries.all(), request.user)
    counts = entry_counts(visible)
    context = {
        "team": team,
        "carnet": carnet,
        "edition": edition,
        "entry_count": sum(counts.values()),
        "can_write": policy.can_contribute(request.user, carnet),
        "can_edit": policy.can_edit(request.user, carnet),
        "challenges": challenges_of(team, request.user),
    }
    chosen = request.GET.get("moment")
    if chosen in Moment.values:
        return _moment_page(request, context, visible, guide, chosen, counts)
    entries = list(latest_entries(visible.for_page()).select_related("carnet"))
    # Glossary terms are linked on each entry's page, not on this long one.
    with_html(entries, PageState(), glossary=False)
    context["moments"] = summary(moments(entries, guide, event_end(edition)), counts)
    context["commitments"] = commitments(entries)
    return render(request, "carnets/carnet.html", context)


def _moment_page(request, context, visible, guide, chosen, counts):
    """Every entry of one moment the reader may read, a page at a time."""
    edition = context["edition"]
    views = summary(moments([], guide, event_end(edition)), counts)
    moment = next(view for view in views if view.value == chosen)
    page = paginate(
        request,
        moment_order(visible.filter(moment=chosen).for_page()).select_related("carnet"),
        ENTRIES_PER_PAGE,
    )
    entries = with_html(list(page.object_list), PageState(), glossary=False)
    labels = {cp.value: cp.label for cp in moment.checkpoints}
    for entry in entries:
        entry.checkpoint_label = labels.get(entry.checkpoint, "")
    context.update(
        moments=views,
        moment=moment,
        entries=entries,
        page_obj=page,
        query_string=f"moment={chosen}",
    )
    return render(request, "carnets/carnet_moment.html", context)


def carnet_sharing(request, slug):
    """Who reads the carnet, and its secret links (the team's page for it)."""
    carnet = _carnet(request, slug, "edit")
    return render(
        request,
        "carnets/carnet_sharing.html",
        {
            "team": carnet.team,
            "carnet": carnet,
            "settings_form": CarnetSettingsForm(instance=carnet),
            "links": list(
                ShareLink.objects.filter(carnet=carnet, entry=None).select_related(
                    "created_by"
                )
            ),
            "link_form": ShareLinkForm(),
        },
    )


def carnet_settings(request, slug):
    carnet = _carnet(request, slug, "edit")
    if request.method != "POST":
        return redirect("carnets:carnet_sharing", slug=carnet.team.slug)
    form = CarnetSettingsForm(request.POST, instance=carnet)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("Le partage du carnet est enregistré : %(level)s.")
            % {"level": carnet.get_visibility_display()},
        )
    else:
        messages.error(
            request, _("Partage inchangé : choisissez l'un des niveaux proposés.")
        )
    return redirect("carnets:carnet_sharing", slug=carnet.team.slug)


def new_entry(request, slug):
    carnet = _carnet(request, slug, "contribute")
    team = carnet.team
    edition = edition_of(team)
    guide = guide_for(edition)
    prompts = guide.prompt_list if guide else []
    if request.method == "POST":
        form = NewEntryForm(request.POST, prompts=prompts, user=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry = _create(carnet, request.user, data)
            except EditConflict as conflict:
                return _existing_synthesis(request, carnet, form, conflict, prompts)
            messages.success(request, _("Votre entrée est enregistrée."))
            return redirect(entry.get_absolute_url())
    else:
        initial = _initial(request, prompts)
        existing = _existing_collective(carnet, initial)
        if existing is not None:
            messages.info(
                request,
                _(
                    "La synthèse collective de ce moment est commencée : "
                    "complétez-la avec l'équipe."
                ),
            )
            return redirect("carnets:entry_edit", pk=existing.pk)
        form = NewEntryForm(initial=initial, prompts=prompts, user=request.user)
    return render(
        request,
        "carnets/entry_form.html",
        {
            "form": form,
            "team": team,
            "carnet": carnet,
            "is_new": True,
            "draft_key": f"carnet-{carnet.pk}-nouvelle",
        },
        status=400 if form.errors else 200,
    )


def _initial(request, prompts):
    initial = {"moment": Moment.BEFORE, "kind": EntryKind.INDIVIDUAL}
    if request.GET.get("moment") in Moment.values:
        initial["moment"] = request.GET["moment"]
    if request.GET.get("type") in EntryKind.values:
        initial["kind"] = request.GET["type"]
    if request.GET.get("point", "").isdigit():
        initial["checkpoint"] = int(request.GET["point"])
    question = request.GET.get("question", "")
    prompt = next((p for p in prompts if str(p.pk) == question), None)
    if prompt is not None:
        initial["prompt"] = prompt.pk
        initial["moment"] = prompt.moment
    return initial


def _existing_collective(carnet, initial):
    if initial.get("kind") != EntryKind.COLLECTIVE:
        return None
    checkpoint = (
        initial.get("checkpoint") if initial["moment"] == Moment.FOLLOW_UP else None
    )
    return carnet.entries.filter(
        kind=EntryKind.COLLECTIVE, moment=initial["moment"], checkpoint=checkpoint
    ).first()


def _create(carnet, user, data):
    try:
        with transaction.atomic():
            entry = create_entry(
                carnet,
                user=user,
                title=data["title"],
                body=data["body"],
                moment=data["moment"],
                checkpoint=data["checkpoint"],
                kind=data["kind"],
                prompt=data["prompt"],
                visibility=data["visibility"],
            )
            entry.related_pages.set(data["links"])
    except IntegrityError as error:
        # Someone started this moment's collective synthesis meanwhile.
        existing = carnet.entries.select_related("updated_by").get(
            kind=EntryKind.COLLECTIVE,
            moment=data["moment"],
            checkpoint=data["checkpoint"],
        )
        raise EditConflict(existing, 0) from error
    if entry.is_collective:
        collective_entry_created(entry, user)
    return entry


def _existing_synthesis(request, carnet, form, conflict, prompts):
    """Two members started the same synthesis: show theirs beside mine, and
    let me merge into theirs (as an edit of the existing entry)."""
    from .entries import conflict_response

    return conflict_response(
        request, conflict.current, form.cleaned_data, conflict, prompts
    )

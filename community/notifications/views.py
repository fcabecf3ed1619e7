"""The notification centre, preferences, follows and one-click unsubscribe.

Everything here is the member's own (``recipient=request.user``): another
member's notification is a 404. The unsubscribe view alone works without
logging in: its signed token says who and which kind.
"""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from community.members import policy
from community.members.models import User
from home.pagination import paginate

from . import registry
from .choices import Frequency, Level, MemberTimezone
from .digests import local_zone
from .following import set_level, unfollow
from .forms import PreferencesForm
from .models import Follow, KindPreference, Notification, NotificationSettings
from .tokens import ExpiredToken, InvalidToken, read_token

PER_PAGE = 30


def _zone(user):
    zone_name = (
        NotificationSettings.objects.filter(user=user)
        .values_list("timezone", flat=True)
        .first()
    )
    return local_zone(zone_name or MemberTimezone.PARIS)


@login_required
def centre(request):
    notifications = Notification.objects.for_user(request.user).select_related("actor")
    page = paginate(request, notifications, per_page=PER_PAGE)
    zone = _zone(request.user)
    days = [
        (day, list(items))
        for day, items in groupby(
            page.object_list, key=lambda n: n.created_at.astimezone(zone).date()
        )
    ]
    return render(
        request,
        "notifications/centre.html",
        {"page_obj": page, "days": days, "zone": zone},
    )


def _next(request, default):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
def open_notification(request, pk):
    """Mark read and go to the exact place — if it is still there for them."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    target = notification.target if notification.target_type_id else None
    gone = notification.target_type_id and target is None
    if (
        gone
        or not notification.url
        or (
            target is not None
            and not _still_visible(request.user, notification, target)
        )
    ):
        messages.info(request, _("Ce contenu n'est plus disponible."))
        return redirect("notifications:centre")
    return HttpResponseRedirect(notification.url)


def _still_visible(user, notification, target):
    try:
        kind = registry.event_type(notification.event_type)
    except LookupError:
        return False
    if not kind.check_visibility:
        return True
    try:
        return policy.can_view(user, target)
    except LookupError:
        return False


@login_required
@require_POST
def mark_read(request, pk):
    updated = Notification.objects.filter(
        pk=pk, recipient=request.user, read_at__isnull=True
    ).update(read_at=timezone.now())
    if (
        not updated
        and not Notification.objects.filter(pk=pk, recipient=request.user).exists()
    ):
        raise Http404
    messages.success(request, _("Notification marquée comme lue."))
    return redirect(_next(request, "notifications:centre"))


@login_required
@require_POST
def mark_all_read(request):
    count = (
        Notification.objects.for_user(request.user)
        .unread()
        .update(read_at=timezone.now())
    )
    if count:
        messages.success(
            request,
            _("%(count)s notification(s) marquée(s) comme lue(s).") % {"count": count},
        )
    else:
        messages.info(request, _("Aucune notification non lue."))
    return redirect("notifications:centre")


@login_required
def unread_count(request):
    count = Notification.objects.for_user(request.user).unread().count()
    return JsonResponse({"unread": count})


@login_required
def preferences(request):
    user = request.user
    current = dict(
        KindPreference.objects.filter(user=user).values_list("event_type", "frequency")
    )
    settings_row = NotificationSettings.objects.filter(user=user).first()
    initial = {"timezone": settings_row.timezone if settings_row else None}
    if request.method == "POST":
        form = PreferencesForm(request.POST, current=current)
        if form.is_valid():
            with transaction.atomic():
                NotificationSettings.objects.update_or_create(
                    user=user, defaults={"timezone": form.cleaned_data["timezone"]}
                )
                for name, frequency in form.chosen().items():
                    KindPreference.objects.update_or_create(
                        user=user, event_type=name, defaults={"frequency": frequency}
                    )
            messages.success(request, _("Vos préférences sont enregistrées."))
            return redirect("notifications:preferences")
        messages.error(
            request,
            _("Certaines valeurs ne sont pas valides : rien n'a été enregistré."),
        )
    else:
        form = PreferencesForm(
            initial={"timezone": initial["timezone"] or MemberTimezone.PARIS},
            current=current,
        )
    return render(request, "notifications/preferences.html", {"form": form})


@login_required
def following(request):
    """What I follow, with the level of each; gone or hidden items are left out."""
    follows = list(Follow.objects.filter(user=request.user).order_by("-created_at"))
    by_type = {}
    for follow in follows:
        by_type.setdefault(follow.target_type_id, set()).add(follow.target_id)
    objects = {}
    for type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        found = model._default_manager.filter(pk__in=pks)
        try:
            found = policy.visible_to(found, request.user)
        except LookupError:
            continue
        for obj in found:
            objects[(type_id, obj.pk)] = obj
    items = [
        (follow, objects[(follow.target_type_id, follow.target_id)])
        for follow in follows
        if (follow.target_type_id, follow.target_id) in objects
    ]
    return render(
        request,
        "notifications/following.html",
        {"items": items, "levels": Level.choices},
    )


@login_required
@require_POST
def follow(request):
    """Follow (at a level) or stop following one object, from its page."""
    try:
        type_id = int(request.POST.get("type", ""))
        object_id = int(request.POST.get("id", ""))
    except ValueError:
        raise Http404 from None
    try:
        model = ContentType.objects.get_for_id(type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None or not registry.is_followable(model):
        raise Http404
    obj = get_object_or_404(model._default_manager, pk=object_id)
    policy.ensure(request.user, obj)
    level = request.POST.get("level", "")
    if level == "aucun":
        unfollow(request.user, obj)
        messages.success(
            request, _("Vous ne suivez plus « %(name)s ».") % {"name": obj}
        )
    elif level in Level.values:
        set_level(request.user, obj, level)
        messages.success(
            request,
            _("« %(name)s » : %(level)s.") % {"name": obj, "level": Level(level).label},
        )
    else:
        messages.error(request, _("Niveau de suivi inconnu : rien n'a changé."))
    default = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else "/"
    if hasattr(obj, "url") and not hasattr(obj, "get_absolute_url"):
        default = obj.url
    return redirect(_next(request, default))


def _apply_unsubscribe(user, kind):
    """Stop e-mails of ``kind`` (an event type, or a whole digest)."""
    if kind.startswith("digest:"):
        period = kind.split(":", 1)[1]
        names = []
        current = dict(
            KindPreference.objects.filter(user=user).values_list(
                "event_type", "frequency"
            )
        )
        for event_type in registry.event_types():
            if current.get(event_type.name, event_type.frequency) == period:
                names.append(event_type.name)
    else:
        names = [registry.event_type(kind).name]
    for name in names:
        KindPreference.objects.update_or_create(
            user=user, event_type=name, defaults={"frequency": Frequency.NEVER}
        )
    return _kind_label(kind)


def _kind_label(kind):
    if kind == f"digest:{Frequency.DAILY}":
        return _("le résumé quotidien")
    if kind == f"digest:{Frequency.WEEKLY}":
        return _("le résumé hebdomadaire")
    return f"« {registry.event_type(kind).label} »"


@csrf_exempt  # the signed token authenticates the request (RFC 8058 one-click)
def unsubscribe(request, token):
    error = None
    user = kind = None
    try:
        user_id, kind = read_token(token)
        user = User.objects.filter(pk=user_id, is_deleted=False).first()
        if user is None:
            raise InvalidToken
        if not kind.startswith("digest:"):
            registry.event_type(kind)
        elif kind.split(":", 1)[1] not in (Frequency.DAILY, Frequency.WEEKLY):
            raise InvalidToken
    except ExpiredToken:
        error = _(
            "Ce lien de désabonnement a expiré. Connectez-vous pour régler vos "
            "courriels dans vos préférences de notification."
        )
    except (InvalidToken, LookupError):
        error = _(
            "Ce lien de désabonnement n'est pas valide (il a peut-être été coupé "
            "ou modifié). Connectez-vous pour régler vos courriels dans vos "
            "préférences de notification."
        )
    if error:
        return render(
            request, "notifications/unsubscribe.html", {"error": error}, status=400
        )
    if request.method == "POST":
        label = _apply_unsubscribe(user, kind)
        return render(
            request, "notifications/unsubscribe.html", {"done": True, "label": label}
        )
    return render(
        request, "notifications/unsubscribe.html", {"label": _kind_label(kind)}
    )

"""« Mon programme »: a member's registrations, and their private calendar link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..ical import session_path
from ..models import CalendarFeed, Registration


@login_required
def my_programme(request):
    registrations = list(
        Registration.objects.active()
        .filter(user=request.user)
        .select_related("session__venue", "session__edition")
        .order_by("session__start")
    )
    edition_urls = {}
    now = timezone.now()
    for registration in registrations:
        registration.session_url = session_path(registration.session, edition_urls)
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(
        request,
        "events/my_programme.html",
        {
            "upcoming": [r for r in registrations if r.session.end > now],
            "past": [r for r in registrations if r.session.end <= now],
            "feed": feed,
        },
    )


@login_required
@require_POST
def calendar_link(request):
    """Create, renew (revoking the old address) or delete the private link."""
    feed = CalendarFeed.objects.filter(user=request.user).first()
    if request.POST.get("action") == "delete":
        if feed:
            feed.delete()
        messages.success(request, _("Votre lien d'agenda privé est supprimé."))
    elif feed:
        feed.regenerate()
        messages.success(
            request,
            _("Nouveau lien d'agenda : l'ancienne adresse ne fonctionne plus."),
        )
    else:
        CalendarFeed.objects.create(user=request.user)
        messages.success(request, _("Votre lien d'agenda privé est prêt."))
    return redirect("events:my_programme")

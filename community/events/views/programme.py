"""An édition's overview, its programme per site, a session and registering to it.

These are served by ``EditionPage``'s routes; every permission question goes
to the policy.
"""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from community.members import policy
from home.pagination import paginate

from .. import registrations
from ..choices import RegistrationStatus
from ..models import Registration, Session

# A site's programme may hold hundreds of sessions: pages of them, each page
# grouped by day (a day may run over two pages).
SESSIONS_PER_PAGE = 25


def edition_overview(request, edition):
    # Apps above this one (the défis…) add their sections through
    # ``home.sections``: the template's ``{% page_sections "events.edition" %}``.
    sites = edition.site_list()
    return edition.render(
        request,
        context_overrides={
            "sites": sites,
            "milestones": edition.milestones.all(),
            "calls": edition.calls.live().public(),
        },
    )


def _my_registrations(user, sessions):
    if not user.is_authenticated:
        return {}
    return dict(
        Registration.objects.active()
        .filter(user=user, session__in=[s.pk for s in sessions])
        .values_list("session_id", "status")
    )


def programme(request, edition, venue_slug):
    sites = edition.site_list()
    site = next((s for s in sites if s.venue.slug == venue_slug), None)
    if site is None:
        raise Http404
    venue = site.venue
    page = paginate(
        request,
        Session.objects.for_edition(edition)
        .at(venue)
        .with_counts()
        .order_by("start", "pk"),
        SESSIONS_PER_PAGE,
    )
    sessions = list(page)
    mine = _my_registrations(request.user, sessions)
    for session in sessions:
        # One venue and one édition for the whole list: no query per row.
        session.venue = venue
        session.edition = edition
        session.my_status = mine.get(session.pk)
    days = [
        (day, list(items))
        for day, items in groupby(sessions, key=lambda s: s.local_start.date())
    ]
    return edition.render(
        request,
        template="events/programme.html",
        context_overrides={
            "sites": sites,
            "site": site,
            "venue": venue,
            "days": days,
            "sessions_page": page,
            "session_count": page.paginator.count,
        },
    )


def _session(edition, session_id):
    session = get_object_or_404(
        Session.objects.with_counts().select_related("venue"),
        pk=session_id,
        edition=edition,
    )
    session.edition = edition
    return session


def session_detail(request, edition, session_id):
    session = policy.ensure(request.user, _session(edition, session_id), "view")
    registration = None
    waiting_position = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.active()
            .filter(session=session, user=request.user)
            .first()
        )
        if registration and registration.status == RegistrationStatus.WAITING:
            waiting_position = (
                session.registrations.waiting()
                .filter(requested_at__lte=registration.requested_at)
                .count()
            )
    return edition.render(
        request,
        template="events/session.html",
        context_overrides={
            "session": session,
            "registration": registration,
            "waiting_position": waiting_position,
            "can_register": policy.can_contribute(request.user, session),
            "now": timezone.now(),
        },
    )


def _registration_action(request, edition, session_id, action):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(edition.route_url("session", session_id))
    session = _session(edition, session_id)
    policy.ensure(request.user, session, "view")
    try:
        if action == "register":
            if not policy.can_contribute(request.user, session):
                raise registrations.RegistrationError(
                    _("Les inscriptions à cette session sont fermées.")
                )
            registration = registrations.register(
                session.pk,
                request.user,
                join_waiting_list=request.POST.get("liste_attente") == "1",
            )
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(request, _("Vous êtes inscrit·e à cette session."))
            else:
                messages.success(
                    request,
                    _(
                        "Vous êtes sur la liste d'attente : vous serez inscrit·e et "
                        "prévenu·e par courriel si une place se libère."
                    ),
                )
        else:
            registrations.cancel(session.pk, request.user)
            messages.success(request, _("Votre inscription est annulée."))
    except registrations.RegistrationError as error:
        messages.error(request, str(error))
    return redirect(edition.route_url("session", session.pk))


def register(request, edition, session_id):
    return _registration_action(request, edition, session_id, "register")


def cancel(request, edition, session_id):
    return _registration_action(request, edition, session_id, "cancel")

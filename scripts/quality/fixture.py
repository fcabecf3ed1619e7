"""What the load script needs in the database, and its checks afterwards.

Runs inside Django (``manage.py shell``, see ``load.django_call``): simulated
members with a session cookie each, a learning team per member (its
description is the load's *searchable* write), a future édition whose
sessions take registrations (the demo's programmes are in the past), and a
thread of the national e-communauté where they reply. Every
object made here is named « charge » and reset before each scenario, so the
script can run again on the same database.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from community.discussions import posting
from community.discussions.models import Comment, Thread
from community.events.choices import RegistrationStatus, SessionKind
from community.events.models import (
    EditionPage,
    EventIndexPage,
    Registration,
    Session,
    Venue,
)
from community.members.models import (
    Community,
    LearningTeam,
    Membership,
    Profile,
    TeamMembership,
    User,
)
from home.demo import get_or_create_child, sync_relations
from search import registry, service
from search.models import SearchEntry

EDITION_SLUG = "universite-charge"
SESSIONS = 8
# One small session, so that members compete for its last places (the
# registration lock must keep the confirmed count within the capacity).
SMALL_CAPACITY = 5
THREAD_TITLE = "Fil de charge : vos retours sur l'université"


def members(count):
    """``count`` members (with a logged-in session each) and their teams."""
    national = Community.objects.get(slug="innovation-publique")
    out = []
    for n in range(count):
        email = f"charge-{n:03d}@example.org"
        user, _ = User.objects.get_or_create(
            email=email,
            defaults={
                "username": email,
                "display_name": f"Charge {n}",
                # A month old: past the discussions' trust age.
                "date_joined": timezone.now() - timedelta(days=30),
            },
        )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Profile.objects.get_or_create(user=user)
        Membership.objects.get_or_create(user=user, community=national)
        team, _ = LearningTeam.objects.get_or_create(
            slug=f"equipe-charge-{n:03d}",
            defaults={
                "name": f"Équipe de charge {n:03d}",
                "community": national,
                "year": date.today().year,
            },
        )
        TeamMembership.objects.get_or_create(team=team, user=user)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        out.append({"id": user.pk, "session": session.session_key, "team": team.slug})
    return out


def edition(users):
    """A published édition next year, with sessions open to registration."""
    year = date.today().year + 1
    page, _ = get_or_create_child(
        EventIndexPage.objects.get(),
        EditionPage,
        EDITION_SLUG,
        title=f"Université de charge {year}",
        year=year,
        intro="<p>Édition fictive des mesures de charge (scripts/load).</p>",
    )
    venue = Venue.objects.get(slug="rennes")
    first_day = date(year, 7, 6)
    sync_relations(
        page,
        children={
            "sites": [
                {
                    "venue": venue,
                    "start_date": first_day,
                    "end_date": first_day + timedelta(days=2),
                    "place": "",
                }
            ]
        },
    )
    sessions = []
    for n in range(SESSIONS):
        start = timezone.make_aware(
            datetime.combine(first_day + timedelta(days=n % 3), time(9 + n, 0)),
            venue.tzinfo,
        )
        session, _ = Session.objects.update_or_create(
            edition=page,
            venue=venue,
            title=f"Atelier de charge {n + 1}",
            defaults={
                "start": start,
                "end": start + timedelta(hours=1),
                "kind": SessionKind.WORKSHOP,
                "capacity": SMALL_CAPACITY if n == 0 else users,
                "waiting_list": n == 0,
            },
        )
        sessions.append({"id": session.pk, "url": session.get_absolute_url()})
    return sessions


def thread():
    """The thread of the national e-communauté where the members reply."""
    national = Community.objects.get(slug="innovation-publique")
    found = Thread.objects.filter(community=national, title=THREAD_TITLE).first()
    if found is None:
        author = User.objects.get(email="charge-000@example.org")
        found = posting.create_thread(
            author,
            national,
            title=THREAD_TITLE,
            body="Qu'avez-vous retenu des ateliers ? Répondez ici.",
            limited=False,
        )
    return {"id": found.pk, "url": found.get_absolute_url()}


def setup(count):
    """Members, teams, sessions and a thread; the search index is rebuilt
    afterwards."""
    with transaction.atomic():
        made = members(count)
        sessions = edition(count)
        discussion = thread()
    return {"members": made, "sessions": sessions, "thread": discussion}


def reset():
    """Back to a known state before a scenario: no registrations, no extra
    memberships, empty team descriptions (indexed at once)."""
    users = User.objects.filter(email__startswith="charge-")
    Registration.objects.filter(user__in=users).delete()
    Membership.objects.filter(user__in=users).exclude(
        community__slug="innovation-publique"
    ).delete()
    teams = LearningTeam.objects.filter(slug__startswith="equipe-charge-")
    teams.update(description="")
    service.index_keys([registry.key_for(team) for team in teams])
    replies = Comment.objects.filter(discussion__title=THREAD_TITLE)
    SearchEntry.objects.filter(
        key__in=[registry.key_for(c) for c in replies.only("pk")]
    ).delete()
    replies.delete()
    Thread.objects.filter(title=THREAD_TITLE).update(comment_count=0)
    return True


def check(expected):
    """The acknowledged writes that the database or the index lost."""
    lost = []
    for user_id, job in expected["profiles"].items():
        if Profile.objects.get(user_id=user_id).job_title != job:
            lost.append(f"profil {user_id}")
    for user_id, slug in expected["joins"]:
        if not Membership.objects.filter(
            user_id=user_id, community__slug=slug
        ).exists():
            lost.append(f"adhésion {user_id} {slug}")
    for user_id, session_id, active in expected["registrations"]:
        found = (
            Registration.objects.filter(user_id=user_id, session_id=session_id)
            .exclude(status=RegistrationStatus.CANCELLED)
            .exists()
        )
        if found != active:
            lost.append(f"inscription {user_id} {session_id}")
    cluster = (
        service.elasticsearch_backend() if service.elasticsearch_enabled() else None
    )
    for slug, text in expected["teams"].items():
        team = LearningTeam.objects.get(slug=slug)
        if team.description != text:
            lost.append(f"équipe {slug} (base)")
            continue
        key = registry.key_for(team)
        entry = SearchEntry.objects.filter(key=key).first()
        if entry is None or text not in entry.body:
            lost.append(f"équipe {slug} (index de la base)")
        if cluster is not None and text not in cluster_body(cluster, key):
            lost.append(f"équipe {slug} (index Elasticsearch)")
    replies = Comment.objects.filter(discussion__title=THREAD_TITLE)
    for user_id, token in expected["replies"]:
        if not replies.filter(user_id=user_id, comment__contains=token).exists():
            lost.append(f"réponse {token}")
    if replies.count() < len(expected["replies"]):
        lost.append("moins de réponses en base que de réponses confirmées")
    for session in Session.objects.filter(edition__slug=EDITION_SLUG):
        if session.capacity and (
            session.registrations.confirmed().count() > session.capacity
        ):
            lost.append(f"session {session.pk} au-delà de sa capacité")
    return lost


def cluster_body(cluster, key):
    from search.backends.elasticsearch import alias_name

    found = cluster.es.options(ignore_status=404).get(index=alias_name(), id=key)
    return found.get("_source", {}).get("body", "") if found.get("found") else ""


def backlog():
    """Index work not done yet: queued tasks and writes waiting for the cluster."""
    from django_tasks_db.models import DBTaskResult

    from search.models import PendingIndexOperation

    return {
        "tasks": DBTaskResult.objects.ready().count(),
        "pending": PendingIndexOperation.objects.count(),
    }

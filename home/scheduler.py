"""The one scheduler of the site's periodic jobs.

Apps register their jobs in their ``ready()``::

    register_periodic("publish_scheduled", every=timedelta(minutes=1), function=f)

and ``manage.py run_scheduler`` runs the jobs that are due, in a loop (beside
the web server under ``make run``; as its own process in production), or once
with ``--once``. A job is a function without arguments; what it returns (a
short sentence, or nothing) is printed when it is not empty.

When each job last ran is kept in the database (``PeriodicJobRun``): a
restarted scheduler does not run a job before its time, and a run is claimed
by a conditional update, so that two schedulers started by mistake never run
the same job twice in one period.
"""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    function: Callable[[], object]


@dataclass
class JobOutcome:
    job: PeriodicJob
    result: object = None
    error: str = ""


_jobs: dict[str, PeriodicJob] = {}


def register_periodic(name, every, function):
    """Run ``function()`` every ``every`` (a ``timedelta``) from the scheduler.

    Registering the same function under the same name again changes nothing
    (``ready()`` may run twice in tests); another function under a taken name
    is a programming error.
    """
    if not isinstance(every, timedelta) or every <= timedelta(0):
        raise ImproperlyConfigured(f"{name} : « every » doit être une durée positive.")
    known = _jobs.get(name)
    if known is not None and known.function is not function:
        raise ImproperlyConfigured(f"Une tâche périodique s'appelle déjà « {name} ».")
    _jobs[name] = PeriodicJob(name, every, function)
    return function


def periodic_jobs():
    """The registered jobs, in registration order."""
    return list(_jobs.values())


def _claim(job, now):
    """Record that ``job`` runs at ``now`` if it is due; whether it is."""
    from .models import PeriodicJobRun

    PeriodicJobRun.objects.get_or_create(name=job.name)
    due = Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - job.every)
    return (
        PeriodicJobRun.objects.filter(due, name=job.name).update(last_run_at=now) == 1
    )


def run_due(now=None, jobs=None):
    """Run every job that is due at ``now``; return their ``JobOutcome``s.

    A job that fails is logged and recorded with its error; the others still
    run, and it is tried again at its next period.
    """
    from .models import PeriodicJobRun

    now = now or timezone.now()
    outcomes = []
    for job in periodic_jobs() if jobs is None else jobs:
        if not _claim(job, now):
            continue
        outcome = JobOutcome(job)
        try:
            outcome.result = job.function()
        except Exception:
            logger.exception("La tâche périodique %s a échoué", job.name)
            outcome.error = traceback.format_exc(limit=5)
            PeriodicJobRun.objects.filter(name=job.name).update(
                last_error=outcome.error
            )
        else:
            PeriodicJobRun.objects.filter(name=job.name).update(
                last_success_at=timezone.now(), last_error=""
            )
        outcomes.append(outcome)
    return outcomes


def seconds_until_next(now=None, jobs=None):
    """How long until the next job is due (0 if one is due now)."""
    from .models import PeriodicJobRun

    now = now or timezone.now()
    jobs = periodic_jobs() if jobs is None else jobs
    if not jobs:
        return None
    last = dict(
        PeriodicJobRun.objects.filter(name__in=[j.name for j in jobs]).values_list(
            "name", "last_run_at"
        )
    )
    waits = [
        (last[job.name] + job.every - now).total_seconds()
        if last.get(job.name)
        else 0.0
        for job in jobs
    ]
    return max(0.0, min(waits))

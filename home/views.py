"""Site-wide error views that Django's own handlers do not cover."""

from django.shortcuts import render

from . import cache

#: How long a client is asked to wait when the shared cache is down.
RETRY_AFTER_SECONDS = 120


def rate_limited(request):
    """allauth's refusal page (``config.urls.handler429``): too many attempts
    (429), or, when the shared cache that counts them is down, the
    attempt refused until it is back (503: sign-up and login fail closed)."""
    if cache.unavailable():
        response = render(request, "429.html", {"unavailable": True}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "429.html", {"unavailable": False}, status=429)

"""The footer's language switch (the pages themselves are Wagtail's)."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def choose_language(request, code):
    """The footer's language switch, a plain link.

    Django's ``set_language`` wants a POST with a CSRF token, so a switch in
    the footer of every page made every anonymous page set a ``csrftoken``
    cookie and a shared front cache could keep none of them. A link changes
    only this visitor's interface language (a preference cookie, nothing on
    the server); ``set_language`` stays available, CSRF-protected.
    """
    languages = {language for language, _name in settings.LANGUAGES}
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if code in languages:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response

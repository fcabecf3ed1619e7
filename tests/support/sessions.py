"""Log a browser or a test client in without typing a password.

The journeys type real passwords where logging in is the point; elsewhere a
session made by Django's test client is copied into the browser.
"""

from django.conf import settings
from django.test import Client


def logged_in_client(user):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user, backend=settings.AUTHENTICATION_BACKENDS[0])
    return client


def browser_context(browser, live_site, user=None, **options):
    """A new browser context, logged in as ``user`` (None: anonymous)."""
    context = browser.new_context(locale="fr-FR", **options)
    if user is not None:
        session = logged_in_client(user).cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session,
                    "url": live_site.url,
                }
            ]
        )
    return context

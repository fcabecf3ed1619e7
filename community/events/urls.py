"""Member-facing URLs of the events app beside the ``/evenements/`` pages
(included before Wagtail's page serving in config/urls.py). Édition and call
pages serve their own sub-URLs (programme, sessions, proposals, committee)."""

from django.urls import path

from .views import account, calendars

app_name = "events"

urlpatterns = [
    path("evenements/mon-programme/", account.my_programme, name="my_programme"),
    path("evenements/mon-programme.ics", calendars.my_calendar, name="my_calendar"),
    path(
        "evenements/mon-programme/lien-agenda/",
        account.calendar_link,
        name="calendar_link",
    ),
    path(
        "evenements/agenda/<str:token>.ics",
        calendars.token_calendar,
        name="token_calendar",
    ),
]

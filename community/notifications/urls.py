from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.centre, name="centre"),
    path("<int:pk>/ouvrir/", views.open_notification, name="open"),
    path("<int:pk>/lue/", views.mark_read, name="mark_read"),
    path("tout-marquer-lu/", views.mark_all_read, name="mark_all_read"),
    path("non-lues/", views.unread_count, name="unread_count"),
    path("preferences/", views.preferences, name="preferences"),
    path("suivis/", views.following, name="following"),
    path("suivre/", views.follow, name="follow"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

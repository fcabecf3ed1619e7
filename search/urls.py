from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="search"),
    path("api/", views.search_api, name="api"),
    path("suggestions/", views.suggestions, name="suggestions"),
]

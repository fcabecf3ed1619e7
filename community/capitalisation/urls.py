from django.urls import path

from . import views

app_name = "capitalisation"

urlpatterns = [
    path("evaluations/", views.my_evaluations, name="evaluations"),
    path(
        "evaluations/resultats/<int:pk>/",
        views.edition_results,
        name="results",
    ),
    path(
        "evaluations/resultats/<int:pk>/evaluations.csv",
        views.edition_results_csv,
        name="results_csv",
    ),
    path("evaluations/<str:scope>/<int:pk>/", views.evaluate, name="evaluate"),
    path("defis/<int:pk>/livret/", views.booklet_page, name="booklet"),
    path(
        "defis/<int:pk>/livret/temps-forts/",
        views.booklet_highlights,
        name="booklet_highlights",
    ),
    path(
        "defis/<int:pk>/etapes/trello/",
        views.steps_trello_import,
        name="steps_trello",
    ),
    path("defis/<int:pk>/livret.pdf", views.booklet_pdf, name="booklet_pdf"),
]

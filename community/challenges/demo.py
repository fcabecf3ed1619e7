"""Demo content of the défis app: the /defis/ section."""

from django.db import transaction

from home.demo import get_or_create_child, home_page

from .models import ChallengeIndexPage


@transaction.atomic
def seed(log):
    get_or_create_child(
        home_page(),
        ChallengeIndexPage,
        "defis",
        title="Défis",
        show_in_menus=True,
        intro="<p>Les questions « Comment … ? » apportées par les collectivités, "
        "travaillées par les équipes apprenantes pendant l'université et suivies "
        "après.</p>",
    )
    log("défis : rubrique")

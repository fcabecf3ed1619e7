"""Demo content of the members app: the /communaute/ section."""

from django.db import transaction

from home.demo import get_or_create_child, home_page

from .models import CommunityIndexPage


@transaction.atomic
def seed(log):
    get_or_create_child(
        home_page(),
        CommunityIndexPage,
        "communaute",
        title="Communauté",
        show_in_menus=True,
        intro="<p>Les e-communautés nationale et locales, leurs membres et les "
        "équipes apprenantes.</p>",
    )
    log("communauté : rubrique")

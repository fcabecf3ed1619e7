"""Demo content of the events app: the /evenements/ section."""

from django.db import transaction

from home.demo import get_or_create_child, home_page

from .models import EventIndexPage


@transaction.atomic
def seed(log):
    get_or_create_child(
        home_page(),
        EventIndexPage,
        "evenements",
        title="Événements",
        show_in_menus=True,
        intro="<p>Les éditions de l'université de l'innovation publique "
        "territoriale, leurs sites, leurs programmes et les appels à "
        "contributions.</p>",
    )
    log("événements : rubrique")

"""The pages the accessibility suite audits.

Every Wagtail page type is audited automatically on its first live page of
the demo (a new page type is covered as soon as its demo content exists).
``VIEWS`` lists the other pages (Django views, allauth forms, search, errors):
a capability that adds a non-page view adds its path here, or a function
``() -> path`` when the path depends on the demo data.
"""

from django.urls import reverse

from wagtail.models import Page, get_page_models

from community.events.choices import SessionKind
from tests.support import demo_paths


def page_type_labels():
    return sorted(model._meta.label for model in get_page_models() if model is not Page)


def first_page_of(label):
    from django.apps import apps

    model = apps.get_model(label)
    page = model.objects.live().public().filter(depth__gt=1).first()
    return page.url if page else None


def _first(model_path, attr="get_absolute_url"):
    def path():
        from django.apps import apps

        obj = apps.get_model(model_path).objects.order_by("pk").first()
        return getattr(obj, attr)() if obj else None

    return path


def _member_profile():
    from community.members.models import Profile

    profile = Profile.objects.exclude(job_title="").order_by("pk").first()
    return reverse("members:member", args=[profile.user_id])


VIEWS = {
    "connexion": "/comptes/login/",
    "inscription": "/comptes/signup/",
    "mot de passe oublié": "/comptes/password/reset/",
    "recherche": "/recherche/?q=innovation",
    "recherche sans résultat": "/recherche/?q=zzzzzz",
    "page introuvable (404)": "/cette-page-n-existe-pas/",
    "tableau de bord": "/communaute/tableau-de-bord/",
    "annuaire des membres": "/communaute/membres/",
    "mon profil": "/comptes/profil/",
    "mes données": "/comptes/mes-donnees/",
    "mes notifications": "/communaute/notifications/",
    "préférences de courriel": "/communaute/notifications/preferences/",
    "ce que je suis": "/communaute/notifications/suivis/",
    "adresses électroniques": "/comptes/email/",
    "e-communauté publique": "/communaute/e-communautes/innovation-publique/",
    "e-communauté restreinte": "/communaute/e-communautes/rennes/",
    "équipe apprenante": "/communaute/equipes/equipe-mobilites-rennes-2018/",
    "créer une équipe apprenante": "/communaute/e-communautes/rennes/equipes/nouvelle/",
    "créer une équipe : choix de l'e-communauté": "/communaute/equipes/nouvelle/",
    "fiche membre": _member_profile,
    "programme d'un site": demo_paths.programme(),
    "session (mini-conférence)": demo_paths.session_route(
        "session", SessionKind.MINI_CONFERENCE
    ),
    "mon programme": "/evenements/mon-programme/",
    "proposer une contribution": demo_paths.call_route("propose"),
    "comité de sélection": demo_paths.call_route("committee"),
    "relecture d'une proposition (comité)": demo_paths.proposal_review(),
    "avancement d'un défi (porteur)": demo_paths.challenge_route("progress"),
    "carnet d'apprentissage": demo_paths.carnet_route(),
    "carnet : les entrées d'un moment": lambda: (
        demo_paths.carnet_route()() + "?moment=during"
    ),
    "carnet : écrire une entrée": demo_paths.carnet_route("new_entry"),
    "carnet : partage et liens secrets": demo_paths.carnet_route("carnet_sharing"),
    "carnet : une entrée": demo_paths.entry_route(),
    "carnet : modifier une entrée": demo_paths.entry_route("entry_edit"),
    "carnet : historique des versions": demo_paths.entry_route("entry_history"),
    "carnet : lien secret": demo_paths.secret_link(),
    "toutes les discussions": "/communaute/discussions/",
    "fils d'une e-communauté": "/communaute/discussions/communaute/innovation-publique/",
    "fil de discussion": demo_paths.thread_route("thread"),
    "historique d'un message": demo_paths.comment_route("comment_history"),
    "ouvrir un fil": "/communaute/discussions/communaute/rennes/nouveau/",
    "signaler un message": demo_paths.report_route(),
    "file de modération": "/communaute/discussions/moderation/",
    "commentaires d'une ressource": demo_paths.commented_resource(),
    "recherche : posez la question à la communauté": (
        "/recherche/?q=financer+un+tiers-lieu+rural"
    ),
    "ouvrir un fil depuis la recherche": (
        "/communaute/discussions/communaute/rennes/nouveau/"
        "?titre=Comment+financer+un+tiers-lieu+rural+%3F"
    ),
}


def resolve(target):
    return target() if callable(target) else target

"""Demo content of the discussions: lively threads in the national and Rennes
e-communautés, in a team and on two défis of Rennes 2018, with replies at
every depth, reactions, mentions, an edited comment with its history and a
reported comment hidden and waiting in the moderation queue.

Written for the project from the seeds' themes (immersion, usagers,
prototypes, parangonnage…), by the fictitious demo members of the members
app; nobody from the seed documents. Running it twice changes nothing: a
thread is written only if its title is not there yet.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from community.members.models import Community, LearningTeam, User

from . import events, posting
from .choices import ThreadKind
from .mentions import handle_for
from .models import Comment, Thread


@dataclass
class Reply:
    author: str  # local part of a demo member's e-mail
    body: str
    replies: list = field(default_factory=list)
    reactions: dict = field(default_factory=dict)  # member -> kind
    edited: str = ""  # a second version of the body
    reported_by: tuple = ()  # members who report it (three hide it)


@dataclass
class DemoThread:
    space: tuple  # ("communaute" | "equipe" | "defi", slug)
    author: str
    title: str
    body: str
    themes: tuple = ()
    kind: str = ThreadKind.DISCUSSION
    days_ago: int = 10
    pinned: bool = False
    replies: list = field(default_factory=list)
    reactions: dict = field(default_factory=dict)


THREADS = [
    DemoThread(
        ("communaute", "innovation-publique"),
        "lea",
        "Quelle mini-immersion pour un premier défi ?",
        "Nous préparons notre premier défi sur l'accueil en mairie. Quelle forme "
        "de **mini-immersion** avez-vous testée : observation au guichet, "
        "entretiens avec les usagers, journée « vis ma vie » ?\n\n"
        "Je cherche surtout ce qui tient en une demi-journée.",
        themes=("qualite-action-publique",),
        days_ago=12,
        pinned=True,
        reactions={"karim": "thumbs_up", "thomas": "thumbs_up"},
        replies=[
            Reply(
                "sophie",
                "À Rennes nous avons passé deux heures au guichet, puis une heure à "
                "reformuler ce que nous avions vu. La reformulation compte autant "
                "que l'observation.",
                reactions={"lea": "thumbs_up", "camille": "thumbs_up"},
                replies=[
                    Reply(
                        "karim",
                        "Même expérience à Strasbourg. Vous aviez une grille "
                        "d'observation ?",
                        replies=[
                            Reply(
                                "sophie",
                                "Une grille très simple : ce que la personne vient "
                                "chercher, ce qu'elle attend, ce qui la bloque. "
                                "Je la partage dans la bibliothèque de méthodes.",
                                reactions={"karim": "thumbs_up"},
                            ),
                            Reply(
                                "thomas",
                                "Pour la recherche, noter aussi les *contournements* "
                                "qu'inventent les agents : ce sont souvent les "
                                "meilleurs indices.",
                            ),
                        ],
                    ),
                ],
            ),
            Reply(
                "nadia",
                "En facilitation, je demande toujours aux équipes de revenir avec "
                "une citation d'usager et une photo (sans visage). Cela ancre le "
                "cadrage du prototype.",
                edited="En facilitation, je demande toujours aux équipes de revenir "
                "avec **une citation d'usager** et une photo d'un lieu (jamais de "
                "visage). Cela ancre le cadrage du prototype.",
            ),
            Reply(
                "marc",
                "@{lea} à Fort-de-France nous avons fait l'immersion avec des jeunes "
                "du quartier comme guides : à refaire !",
                reactions={"lea": "thumbs_up", "nadia": "thumbs_up"},
            ),
        ],
    ),
    DemoThread(
        ("communaute", "innovation-publique"),
        "karim",
        "Faut-il un laboratoire d'innovation dans chaque collectivité ?",
        "Débat ouvert après la table ronde de l'université : un laboratoire "
        "dédié, ou une compétence diffusée dans tous les services ? "
        "Positionnez-vous et argumentez.",
        themes=("reformes-institutionnelles", "qualite-action-publique"),
        kind=ThreadKind.DEBATE,
        days_ago=6,
        reactions={"thomas": "for", "lea": "against", "camille": "neutral"},
        replies=[
            Reply(
                "thomas",
                "Pour : sans lieu ni équipe identifiés, l'innovation reste "
                "l'affaire de quelques personnes motivées et disparaît avec elles.",
                reactions={"karim": "for", "marc": "for"},
                replies=[
                    Reply(
                        "lea",
                        "Contre : un laboratoire isolé devient vite une vitrine. "
                        "Mieux vaut former les agents de chaque service.",
                        reactions={"camille": "neutral"},
                    ),
                ],
            ),
            Reply(
                "camille",
                "Les deux se complètent : un petit noyau qui outille, et des "
                "relais formés dans les directions. Le parangonnage entre "
                "collectivités aide à choisir.",
            ),
        ],
    ),
    DemoThread(
        ("communaute", "rennes"),
        "camille",
        "Covoiturage entre sites : retours du prototype",
        "L'équipe « mobilités partagées » a testé pendant deux semaines le "
        "prototype de covoiturage entre les sites du Département. Voici les "
        "premiers retours ; vos questions sont bienvenues.",
        themes=("transitions-ecologiques",),
        days_ago=4,
        replies=[
            Reply(
                "yannick",
                "Vingt-trois trajets partagés, dont neuf entre Rennes et Vitré. "
                "Le frein principal : les horaires de réunion fixés trop tard.",
                reactions={"camille": "thumbs_up", "ines": "thumbs_up"},
                replies=[
                    Reply(
                        "ines",
                        "@{yannick} peut-on caler les réunions inter-sites sur les "
                        "horaires du covoiturage ?",
                    ),
                ],
            ),
            Reply(
                "sophie",
                "Offre de formation pas chère, cliquez ici, places limitées !!!",
                reported_by=("camille", "yannick", "ines"),
            ),
        ],
    ),
    DemoThread(
        ("equipe", "equipe-mobilites-rennes-2018"),
        "yannick",
        "Préparer l'exposition de vendredi",
        "Qui apporte quoi ? Je propose : la carte des trajets, trois témoignages "
        "d'agents, et une maquette de l'application.",
        days_ago=2,
        replies=[
            Reply("camille", "Je m'occupe des témoignages."),
            Reply(
                "sophie",
                "Je fais la maquette, et je prévois des post-it pour les "
                "rétroactions du public.",
                reactions={"yannick": "thumbs_up"},
            ),
        ],
    ),
    DemoThread(
        ("defi", "2018-rennes-defi-3"),
        "camille",
        "Quelles données de déplacement pouvons-nous utiliser ?",
        "Pour comprendre les trajets entre sites, nous avons besoin de données. "
        "Lesquelles sont disponibles sans exposer de données personnelles ?",
        themes=("transitions-numeriques",),
        days_ago=9,
        replies=[
            Reply(
                "sophie",
                "Les réservations de salles donnent les réunions inter-sites, "
                "agrégées par semaine : aucune donnée nominative.",
                replies=[
                    Reply(
                        "yannick",
                        "Et les notes de frais kilométriques, agrégées par trajet.",
                        reactions={"camille": "thumbs_up"},
                    ),
                ],
            ),
        ],
    ),
    DemoThread(
        ("defi", "2018-rennes-defi-7"),
        "ines",
        "Accueil numérique : quels usagers n'avons-nous pas encore rencontrés ?",
        "Nos entretiens ont surtout touché des personnes à l'aise avec le "
        "numérique. Comment aller vers celles qui ne viennent plus à l'accueil ?",
        themes=("cohesion-urbaine-sociale", "transitions-numeriques"),
        days_ago=7,
        replies=[
            Reply(
                "camille",
                "Passer par les associations de quartier et les médiathèques : "
                "elles voient ces personnes chaque semaine.",
                reactions={"ines": "thumbs_up"},
            ),
        ],
    ),
]

SPACE_MODELS = {"communaute": Community, "equipe": LearningTeam}


def _space(kind, slug):
    if kind == "defi":
        from community.challenges.models import ChallengePage

        return ChallengePage.objects.filter(slug=slug).first()
    return SPACE_MODELS[kind].objects.filter(slug=slug).first()


def _member(local_part):
    return User.objects.get(email=f"{local_part}@demo.example.org")


def _with_mentions(text):
    """``@{camille}`` in the demo text becomes Camille's @mention."""
    import re

    return re.sub(r"@\{(\w+)\}", lambda m: f"@{handle_for(_member(m.group(1)))}", text)


def _post(thread, reply, when, parent=None):
    author = _member(reply.author)
    comment = posting.post_comment(
        author,
        thread,
        body=_with_mentions(reply.body),
        reply_to=parent.pk if parent else None,
        limited=False,
    )
    Comment.objects.filter(pk=comment.pk).update(submit_date=when)
    comment.submit_date = when
    if reply.edited:
        posting.edit_comment(author, comment, body=_with_mentions(reply.edited))
        Comment.objects.filter(pk=comment.pk).update(
            edited_at=when + timedelta(hours=2)
        )
        comment.revisions.update(written_at=when)
    for member, kind in reply.reactions.items():
        posting.react(_member(member), thread, kind, comment)
    for member in reply.reported_by:
        posting.report(_member(member), comment, reason="spam")
    last = when
    for index, child in enumerate(reply.replies):
        last = _post(thread, child, when + timedelta(hours=3 * (index + 1)), comment)
    return last


@dataclass
class DemoPageComments:
    """Comments on a resource page (found by its type and title)."""

    page_model: str  # app_label.ModelName
    page_title: str
    replies: list = field(default_factory=list)
    days_ago: int = 6


PAGE_COMMENTS = [
    DemoPageComments(
        "resources.GlossaryTermPage",
        "Parangonnage",
        [
            Reply(
                "karim",
                "À Strasbourg, nous avons comparé nos **délais d'instruction** avec "
                "deux villes voisines : le plus utile a été la visite sur place, pas "
                "le tableau de chiffres.",
                reactions={"sophie": "thumbs_up", "lea": "thumbs_up"},
                replies=[
                    Reply(
                        "sophie",
                        "Même constat : @{karim} avez-vous une grille de visite "
                        "à partager ?",
                        replies=[
                            Reply(
                                "karim",
                                "Je la dépose dans notre e-communauté cette semaine.",
                            )
                        ],
                    )
                ],
            ),
            Reply(
                "yannick",
                "Attention à ne pas confondre parangonnage et classement : on "
                "cherche des idées, pas une note.",
                edited="Attention à ne pas confondre parangonnage et classement : "
                "on cherche des pratiques à adapter, pas une note.",
            ),
        ],
    ),
    DemoPageComments(
        "resources.MethodPage",
        "Mini-immersion",
        [
            Reply(
                "nadia",
                "Testée à La Réunion avec des jeunes en service civique : une "
                "demi-journée suffit si la question d'observation est précise.",
                reactions={"camille": "thumbs_up"},
                replies=[
                    Reply(
                        "camille",
                        "Nous ajoutons dix minutes de débriefing à chaud, juste "
                        "après l'observation : les impressions s'envolent vite.",
                    )
                ],
            ),
        ],
        days_ago=3,
    ),
]


@transaction.atomic
def seed(log):
    with events.quiet():
        written = _seed()
        commented = _seed_page_comments()
    log(
        f"discussions : {written} fils écrits ({len(THREADS)} dans la démo), "
        f"{commented} ressources commentées"
    )
    if apps.is_installed("community.notifications"):
        log(f"discussions : {_notifications()} notifications de démonstration")


def _seed_page_comments():
    written = 0
    for demo in PAGE_COMMENTS:
        model = apps.get_model(demo.page_model)
        page = model.objects.live().filter(title=demo.page_title).first()
        if page is None or Thread.objects.filter(page_id=page.pk).exists():
            continue
        thread = posting.page_thread(page, create=True)
        started = timezone.now() - timedelta(days=demo.days_ago)
        last = started
        for index, reply in enumerate(demo.replies):
            last = max(
                last, _post(thread, reply, started + timedelta(hours=5 * (index + 1)))
            )
        Thread.objects.filter(pk=thread.pk).update(
            created_at=started, last_activity_at=last
        )
        written += 1
    return written


def _notifications():
    """The latest replies of each demo thread, told to whom they answer and to
    the thread's followers (its author follows it), without any e-mail; once."""
    from community.notifications.choices import Level
    from community.notifications.following import follow_of, set_level
    from community.notifications.models import Notification
    from community.notifications.publishing import deliver

    if Notification.objects.filter(event_type__startswith="discussions.").exists():
        return 0
    created = 0
    for thread in Thread.objects.filter(title__in=[t.title for t in THREADS]):
        if follow_of(thread.author, thread) is None:
            set_level(thread.author, thread, Level.WATCHING)
        latest = Comment.objects.filter(discussion=thread).order_by("-submit_date")[:2]
        for comment in reversed(list(latest)):
            parent = (
                Comment.objects.filter(pk=comment.parent_id).first()
                if comment.parent_id != comment.pk
                else None
            )
            notes = deliver(
                events.REPLY,
                comment.user,
                comment,
                [parent.user if parent is not None else thread.author],
                {
                    "thread": thread,
                    "comment": comment,
                    "url": comment.get_absolute_url(),
                },
                mail=False,
            )
            Notification.objects.filter(pk__in=[n.pk for n in notes]).update(
                created_at=comment.submit_date
            )
            created += len(notes)
    return created


def _seed():
    from home.models import Theme

    written = 0
    for demo in THREADS:
        space = _space(*demo.space)
        if space is None or Thread.objects.filter(title=demo.title).exists():
            continue
        started = timezone.now() - timedelta(days=demo.days_ago)
        thread = posting.create_thread(
            _member(demo.author),
            space,
            title=demo.title,
            body=_with_mentions(demo.body),
            kind=demo.kind,
            themes=list(Theme.objects.filter(slug__in=demo.themes)),
            limited=False,
        )
        last = started
        for index, reply in enumerate(demo.replies):
            last = max(
                last, _post(thread, reply, started + timedelta(hours=5 * (index + 1)))
            )
        for member, kind in demo.reactions.items():
            posting.react(_member(member), thread, kind)
        Thread.objects.filter(pk=thread.pk).update(
            created_at=started, last_activity_at=last, pinned=demo.pinned
        )
        written += 1
    return written

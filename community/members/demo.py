"""Demo content of the members app: the /communaute/ section, the national and
local e-communautés, fictitious members and three équipes apprenantes.

Members are invented (no one from the seed documents): e-mail addresses use
the reserved ``example.org`` domain. They cannot log in (unusable passwords),
except under the development settings, whose ``DEMO_MEMBER_PASSWORD`` gives
each of them that password and a verified address so that a newcomer can try
the site as a member (the README's « Premiers pas » lists them).
"""

from django.conf import settings
from django.db import transaction

from home.demo import get_or_create_child, home_page
from home.models import Theme

from .choices import CommunityAccess, CommunityKind, MembershipRole, TeamRole, Territory
from .models import (
    Community,
    CommunityIndexPage,
    LearningTeam,
    Membership,
    Profile,
    TeamMembership,
    User,
)

NATIONAL = (
    "innovation-publique",
    "E-communauté nationale de l'innovation publique",
    "La communauté de toutes celles et ceux qui ont participé à une université de "
    "l'innovation publique territoriale, ou qui veulent s'y préparer.",
)

LOCAL = [
    (Territory.CLUNY, "Cluny", CommunityAccess.PUBLIC),
    (Territory.RENNES, "Rennes", CommunityAccess.RESTRICTED),
    (Territory.STRASBOURG, "Strasbourg", CommunityAccess.PUBLIC),
    (Territory.AIX, "Aix-en-Provence", CommunityAccess.PUBLIC),
    (Territory.REUNION, "La Réunion", CommunityAccess.RESTRICTED),
    (Territory.MARTINIQUE, "Martinique", CommunityAccess.PUBLIC),
]

# (e-mail local part, display name, fonction, organisation, territoire, thèmes)
MEMBERS = [
    (
        "camille",
        "Camille D.",
        "Cheffe de projet innovation",
        "Département d'Ille-et-Vilaine",
        Territory.RENNES,
        ["qualite-action-publique", "democratie-citoyennete"],
    ),
    (
        "yannick",
        "Yannick L.",
        "Chargé de mission transition écologique",
        "Rennes Métropole",
        Territory.RENNES,
        ["transitions-ecologiques"],
    ),
    (
        "sophie",
        "Sophie M.",
        "Designer de service public",
        "Région Bretagne",
        Territory.RENNES,
        ["qualite-action-publique", "transitions-numeriques"],
    ),
    (
        "karim",
        "Karim B.",
        "Directeur général adjoint des services",
        "Ville de Strasbourg",
        Territory.STRASBOURG,
        ["reformes-institutionnelles"],
    ),
    (
        "lea",
        "Léa P.",
        "Animatrice de tiers-lieu",
        "Communauté de communes du Clunisois",
        Territory.CLUNY,
        ["cohesion-urbaine-sociale"],
    ),
    (
        "thomas",
        "Thomas R.",
        "Chercheur en sciences de gestion",
        "Université partenaire",
        Territory.AIX,
        ["qualite-action-publique"],
    ),
    (
        "nadia",
        "Nadia V.",
        "Facilitatrice",
        "CNFPT",
        Territory.REUNION,
        ["democratie-citoyennete", "sante-publique"],
    ),
    (
        "marc",
        "Marc E.",
        "Responsable du service jeunesse",
        "Ville de Fort-de-France",
        Territory.MARTINIQUE,
        ["democratie-citoyennete"],
    ),
    (
        "ines",
        "Inès T.",
        "Chargée de la participation citoyenne",
        "Rennes Métropole",
        Territory.RENNES,
        ["democratie-citoyennete"],
    ),
]

# (slug, name, community slug, year, description, [(member, role)])
TEAMS = [
    (
        "equipe-mobilites-rennes-2018",
        "Équipe « mobilités partagées »",
        "rennes",
        2018,
        "Une équipe apprenante sur les déplacements des agents entre sites.",
        [
            ("camille", TeamRole.PARTICIPANT),
            ("yannick", TeamRole.PARTICIPANT),
            ("sophie", TeamRole.FACILITATEUR),
        ],
    ),
    (
        "equipe-accueil-usagers-rennes-2018",
        "Équipe « accueil des usagers »",
        "rennes",
        2018,
        "Repenser l'accueil physique et numérique d'un espace social commun.",
        [("ines", TeamRole.PARTICIPANT), ("camille", TeamRole.FACILITATEUR)],
    ),
    (
        "equipe-jeunesse-martinique-2018",
        "Équipe « paroles de jeunes »",
        "martinique",
        2018,
        "Associer les jeunes à la décision publique locale.",
        [("marc", TeamRole.PARTICIPANT), ("nadia", TeamRole.FACILITATEUR)],
    ),
]


def community_slug(name):
    from django.utils.text import slugify

    return slugify(name)


def ensure_member(local_part, display_name, job_title, organisation, territory, themes):
    user, created = User.objects.get_or_create(
        email=f"{local_part}@demo.example.org",
        defaults={"username": f"demo-{local_part}", "display_name": display_name},
    )
    password = getattr(settings, "DEMO_MEMBER_PASSWORD", None)
    if password and (created or not user.has_usable_password()):
        from allauth.account.models import EmailAddress

        user.set_password(password)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    elif created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    profile, _ = Profile.objects.update_or_create(
        user=user,
        defaults={
            "job_title": job_title,
            "organisation": organisation,
            "territory": territory,
        },
    )
    wanted = set(Theme.objects.filter(slug__in=themes).values_list("pk", flat=True))
    if set(profile.interests.values_list("pk", flat=True)) != wanted:
        profile.interests.set(wanted)
    return user


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
    slug, name, description = NATIONAL
    communities = {
        "national": Community.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": CommunityKind.NATIONAL,
                "description": description,
                "access": CommunityAccess.PUBLIC,
            },
        )[0]
    }
    for territory, place, access in LOCAL:
        communities[community_slug(place)] = Community.objects.update_or_create(
            slug=community_slug(place),
            defaults={
                "name": f"E-communauté de {place}"
                if place[0] not in "AÉEIOU"
                else f"E-communauté d'{place}",
                "kind": CommunityKind.LOCAL,
                "territory": territory,
                "access": access,
                "description": f"Les participantes et participants du site de {place}, "
                "avant, pendant et après l'université.",
            },
        )[0]
    members = {row[0]: ensure_member(*row) for row in MEMBERS}
    for local_part, user in members.items():
        Membership.objects.get_or_create(user=user, community=communities["national"])
        territory = user.profile.territory
        local = next(c for c in communities.values() if c.territory == territory)
        role = (
            MembershipRole.ANIMATEUR
            if local_part in {"camille", "nadia", "lea"}
            else MembershipRole.MEMBER
        )
        Membership.objects.get_or_create(
            user=user, community=local, defaults={"role": role}
        )
    for slug, name, community_key, year, description, team_members in TEAMS:
        team, _ = LearningTeam.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "community": communities[community_key],
                "year": year,
                "description": description,
            },
        )
        for local_part, role in team_members:
            Membership.objects.get_or_create(
                user=members[local_part], community=team.community
            )
            TeamMembership.objects.get_or_create(
                team=team, user=members[local_part], defaults={"role": role}
            )
    log(
        f"communauté : {len(communities)} e-communautés, "
        f"{len(members)} membres fictifs, {len(TEAMS)} équipes"
    )

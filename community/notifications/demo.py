"""Demo settings of the notifications: each demo member follows their local
e-communauté (*suivi*) and the national one (*normal*); Nadia lives at La
Réunion (her daily digest leaves at 8 h there); Karim is told that his
request was accepted. The discussions' demo adds the notifications of their
replies. Running it twice changes nothing."""

from community.members import notices
from community.members.choices import CommunityKind
from community.members.models import Membership, User

from .choices import Level, MemberTimezone
from .models import Follow, Notification, NotificationSettings
from .publishing import deliver

DEMO_DOMAIN = "@demo.example.org"
TIMEZONES = {"nadia": MemberTimezone.REUNION}


def seed(log):
    from django.contrib.contenttypes.models import ContentType

    members = list(User.objects.filter(email__endswith=DEMO_DOMAIN))
    follows = 0
    for membership in Membership.objects.filter(user__in=members).select_related(
        "community"
    ):
        level = (
            Level.NORMAL
            if membership.community.kind == CommunityKind.NATIONAL
            else Level.WATCHING
        )
        _, created = Follow.objects.get_or_create(
            user_id=membership.user_id,
            target_type=ContentType.objects.get_for_model(membership.community),
            target_id=membership.community_id,
            defaults={"level": level},
        )
        follows += created
    for user in members:
        local_part = user.email.split("@")[0]
        NotificationSettings.objects.get_or_create(
            user=user,
            defaults={"timezone": TIMEZONES.get(local_part, MemberTimezone.PARIS)},
        )
    karim = next((u for u in members if u.email.startswith("karim@")), None)
    if (
        karim
        and not Notification.objects.filter(
            recipient=karim, event_type=notices.REQUEST_DECIDED
        ).exists()
    ):
        local = (
            Membership.objects.filter(user=karim)
            .exclude(community__kind=CommunityKind.NATIONAL)
            .select_related("community")
            .first()
        )
        if local is not None:
            deliver(
                notices.REQUEST_DECIDED,
                None,
                local.community,
                [karim],
                {"community": local.community, "approved": True},
                mail=False,
            )
    log(f"notifications : {follows} suivis ajoutés")

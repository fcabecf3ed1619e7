"""The défi a learning team works on, chosen when the team is created.

Registered into the members app's team links (members cannot import this
app): the creation form offers the live défis the member may see, the team
page lists the team's défis, and « Former une équipe sur ce défi » on a défi's
page preselects it (``?defi=<id>``). The team page lists its défis through a
page section (``sections.py``).

The link stays where it is declared, ``ChallengePage.teams``. A défi's teams
are not part of its fiche's revisions' history as editors write it: a team
formed on the site joins the live page and, when the défi has a draft or a
scheduled revision waiting, that revision too, so that publishing it later
does not drop the team.
"""

from django.core.exceptions import ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from community.members import policy
from community.members import team_links as members_team_links

from .models import ChallengePage


def _visible_challenges(user):
    return policy.visible_to(ChallengePage.objects.live(), user).select_related(
        "edition"
    )


def _label(challenge):
    parts = []
    if challenge.edition_id:
        parts.append(str(challenge.edition.year))
    parts.append(str(challenge.label))
    parts.append(challenge.short_name or Truncator(challenge.title).chars(80))
    return " · ".join(parts)


class ChallengeTeamLink(members_team_links.TeamLink):
    key = "defi"
    label = _("Défi")
    help_text = _(
        "Le défi sur lequel l'équipe travaille (facultatif) ; ses membres pourront "
        "en renseigner les étapes et l'exposition."
    )
    empty_label = _("Pas de défi pour le moment")

    def choices(self, user, community):
        challenges = _visible_challenges(user).order_by(
            "-edition__year", "number", "title"
        )
        return [(str(c.pk), _label(c)) for c in challenges]

    def _challenge(self, value):
        return ChallengePage.objects.select_related("edition").filter(pk=value).first()

    def suggested(self, value):
        challenge = self._challenge(value)
        if challenge is not None and challenge.edition_id:
            return {"year": challenge.edition.year}
        return {}

    def validate(self, value, cleaned_data):
        challenge = self._challenge(value)
        year = cleaned_data.get("year")
        if (
            challenge is not None
            and challenge.edition_id
            and year
            and challenge.edition.year != year
        ):
            raise ValidationError(
                _(
                    "Ce défi appartient à l'édition %(defi_year)s : choisissez "
                    "l'année %(defi_year)s pour l'équipe, ou un autre défi."
                ),
                params={"defi_year": challenge.edition.year},
            )

    def attach(self, team, value, user):
        challenge = ChallengePage.objects.select_for_update().filter(pk=value).first()
        # The form offered only what the user may see; check again at write time.
        if challenge is None or not policy.can_view(user, challenge):
            raise ValidationError(_("Ce défi n'est pas disponible."))
        ChallengePage.teams.through.objects.get_or_create(
            challengepage=challenge, learningteam=team
        )
        pending = challenge.revisions.all()
        if challenge.live_revision_id:
            pending = pending.filter(pk__gt=challenge.live_revision_id)
        for revision in pending:
            teams = revision.content.get("teams") or []
            if team.pk not in teams:
                revision.content["teams"] = [*teams, team.pk]
                revision.save(update_fields=["content"])


def register():
    members_team_links.register(ChallengeTeamLink)

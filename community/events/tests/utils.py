"""Small builders for the events tests."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils import timezone

from community.events.choices import Gender, ProposalKind, SessionKind, TimeZoneName
from community.events.models import (
    CallForContributionsPage,
    EditionPage,
    EditionSite,
    EventIndexPage,
    Proposal,
    ProposalSpeaker,
    Rencontre,
    Session,
    Venue,
)

PARIS = ZoneInfo("Europe/Paris")


def make_venue(slug="test-site", tz=TimeZoneName.PARIS, name=None):
    venue, _ = Venue.objects.get_or_create(
        slug=slug, defaults={"name": name or slug.title(), "timezone": tz}
    )
    return venue


def make_edition(slug="edition-test", year=None, venues=(), start=None, days=3):
    """A live édition whose sites run from ``start`` for ``days`` days."""
    start = start or (timezone.localdate() + timedelta(days=30))
    edition = EditionPage(title=f"Édition {slug}", slug=slug, year=year or start.year)
    EventIndexPage.objects.get().add_child(instance=edition)
    for venue in venues or [make_venue()]:
        EditionSite.objects.create(
            edition=edition,
            venue=venue,
            start_date=start,
            end_date=start + timedelta(days=days - 1),
        )
    edition.save_revision().publish()
    edition.refresh_from_db()
    return edition


def make_session(edition, venue=None, start=None, hours=1, capacity=None, **fields):
    venue = venue or edition.sites.first().venue
    if start is None:
        day = edition.sites.get(venue=venue).start_date
        start = datetime(day.year, day.month, day.day, 10, 0, tzinfo=venue.tzinfo)
    fields.setdefault("title", "Mini-conférence de test")
    fields.setdefault("kind", SessionKind.MINI_CONFERENCE)
    return Session.objects.create(
        edition=edition,
        venue=venue,
        start=start,
        end=start + timedelta(hours=hours),
        capacity=capacity,
        **fields,
    )


def make_call(slug="appel-test", deadline=None, committee=None, **fields):
    deadline = deadline or timezone.now() + timedelta(days=10)
    call = CallForContributionsPage(
        title="Appel de test",
        slug=slug,
        theme_title="Innovation & action publique locale",
        deadline=deadline,
        committee_group=committee,
        **fields,
    )
    EventIndexPage.objects.get().add_child(instance=call)
    call.save_revision().publish()
    call.refresh_from_db()
    Rencontre.objects.create(
        call=call, track="Innover dans nos organisations", title="Convaincre l'autre"
    )
    return call


def make_committee(call, *users):
    group = Group.objects.create(name=f"Comité {call.slug}")
    call.committee_group = group
    call.save_revision().publish()
    call.refresh_from_db()
    for user in users:
        user.groups.add(group)
    return group


def lines(n):
    return "\n".join(f"Ligne {i} de la description." for i in range(1, n + 1))


def proposal_post(
    call, action="submit", lines_count=12, genders=("femme", "homme"), **over
):
    """The POST data of the proposal form, complete and valid by default."""
    rencontre = call.rencontres.first()
    data = {
        "action": action,
        "kind": ProposalKind.WORKSHOP,
        "title": "Un laboratoire fait par les agents",
        "organisation": "Ville test",
        "rencontre": rencontre.pk if rencontre else "",
        "context": "Contexte.",
        "actors": "Acteurs.",
        "innovation": "Caractère innovant.",
        "debate_topics": "Sujets de débat.",
        "description": lines(lines_count),
        "bibliography": "",
        "speakers-TOTAL_FORMS": str(len(genders)),
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "2",
        "speakers-MAX_NUM_FORMS": "2",
    }
    for i, gender in enumerate(genders):
        data.update(
            {
                f"speakers-{i}-name": f"Intervenant·e {i}",
                f"speakers-{i}-gender": gender,
                f"speakers-{i}-function": "Fonction",
                f"speakers-{i}-organisation": "Organisme",
                f"speakers-{i}-email": f"intervenant{i}@example.org",
            }
        )
    data.update(over)
    return data


def make_proposal(call, author, status="received", genders=(Gender.WOMAN, Gender.MAN)):
    proposal = Proposal.objects.create(
        call=call,
        author=author,
        kind=ProposalKind.WORKSHOP,
        title="Proposition de test",
        rencontre=call.rencontres.first(),
        description=lines(12),
        status=status,
        submitted_at=None if status == "draft" else timezone.now(),
    )
    for position, gender in enumerate(genders, start=1):
        ProposalSpeaker.objects.create(
            proposal=proposal,
            position=position,
            name=f"Intervenant {position}",
            gender=gender,
            function="Fonction",
            organisation="Organisme",
            email=f"i{position}@example.org",
        )
    return proposal


def day(offset=0):
    return date.today() + timedelta(days=offset)

"""The members' pages render the sections apps above register on them
(home/sections.py): the community page, the team page, the dashboard."""

import pytest

from community.members.choices import CommunityAccess
from community.members.models import Community, LearningTeam
from community.members.tests.utils import (
    add_member,
    make_community,
    make_team,
    make_user,
)

pytestmark = pytest.mark.django_db

BODY = "<p>Contenu de la section : {{ label }}</p>"


def seen_objects(page_section, target, expected_type):
    """Register a section on ``target`` that records the object it is given."""
    seen = []

    def context(request, obj):
        assert isinstance(obj, expected_type)
        seen.append(obj)
        return {"label": f"pour {obj}"}

    page_section(target, BODY, context=context, key="essai")
    return seen


def test_community_page_shows_registered_sections(client, page_section):
    community = make_community(CommunityAccess.PUBLIC, name="Communauté publique")
    seen = seen_objects(page_section, "members.community", Community)
    page_section(
        "members.community", "<p>jamais</p>", key="cachee", context=lambda r, o: None
    )
    html = client.get(community.get_absolute_url()).content.decode()
    assert seen == [community]
    assert 'aria-labelledby="section-members-community-essai"' in html
    assert "Contenu de la section : pour Communauté publique" in html
    assert "jamais" not in html


def test_community_sections_only_for_those_who_may_view_it(client, page_section):
    community = make_community(CommunityAccess.RESTRICTED, name="Communauté fermée")
    member = make_user("membre")
    add_member(community, member)
    seen = seen_objects(page_section, "members.community", Community)

    client.force_login(make_user("dehors"))
    html = client.get(community.get_absolute_url()).content.decode()
    assert "Contenu de la section" not in html
    assert seen == []

    client.force_login(member)
    html = client.get(community.get_absolute_url()).content.decode()
    assert "Contenu de la section : pour Communauté fermée" in html


def test_team_page_shows_registered_sections(client, page_section):
    community = make_community(CommunityAccess.PUBLIC, name="Communauté publique")
    member = make_user("membre")
    add_member(community, member)
    team = make_team(community, members=[(member, None)])
    seen = seen_objects(page_section, "members.team", LearningTeam)
    client.force_login(member)
    html = client.get(team.get_absolute_url()).content.decode()
    assert seen == [team]
    assert 'aria-labelledby="section-members-team-essai"' in html
    assert f"Contenu de la section : pour {team}" in html


def test_dashboard_shows_registered_sections(client, page_section):
    member = make_user("membre")
    seen = seen_objects(page_section, "members.dashboard", type(member))
    client.force_login(member)
    html = client.get("/communaute/tableau-de-bord/").content.decode()
    assert seen == [member]
    assert 'aria-labelledby="section-members-dashboard-essai"' in html
    assert f"Contenu de la section : pour {member}" in html

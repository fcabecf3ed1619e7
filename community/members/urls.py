"""Member-facing URLs: under /communaute/ beside the Wagtail section page, and
under /comptes/ beside allauth's (included before them in config/urls.py)."""

from django.urls import include, path

from .views import account, communities, dashboard, profiles, teams

app_name = "members"

community_patterns = [
    path("tableau-de-bord/", dashboard.dashboard, name="dashboard"),
    path("membres/", profiles.directory, name="directory"),
    path("membres/<int:pk>/", profiles.member_detail, name="member"),
    path("e-communautes/<slug:slug>/", communities.community_detail, name="community"),
    path("e-communautes/<slug:slug>/rejoindre/", communities.join, name="join"),
    path("e-communautes/<slug:slug>/quitter/", communities.leave, name="leave"),
    path("e-communautes/<slug:slug>/inviter/", communities.invite, name="invite"),
    path(
        "e-communautes/<slug:slug>/demandes/<int:request_id>/",
        communities.decide,
        name="decide",
    ),
    path(
        "e-communautes/<slug:slug>/membres/<int:user_id>/retirer/",
        communities.remove,
        name="remove",
    ),
    path(
        "e-communautes/<slug:slug>/membres/<int:user_id>/role/",
        communities.set_role,
        name="set_role",
    ),
    path("invitations/<str:token>/", communities.invitation, name="invitation"),
    path(
        "e-communautes/<slug:slug>/equipes/nouvelle/",
        teams.team_create,
        name="team_create",
    ),
    path("equipes/nouvelle/", teams.team_start, name="team_start"),
    path("equipes/<slug:slug>/", teams.team_detail, name="team"),
    path("equipes/<slug:slug>/rejoindre/", teams.team_join, name="team_join"),
    path(
        "equipes/<slug:slug>/demandes/<int:request_id>/",
        teams.team_decide,
        name="team_decide",
    ),
    path(
        "equipes/<slug:slug>/demandes/<int:request_id>/annuler/",
        teams.team_cancel_request,
        name="team_cancel_request",
    ),
    path(
        "equipes/<slug:slug>/membres/<int:user_id>/role/",
        teams.team_set_role,
        name="team_set_role",
    ),
    path("equipes/<slug:slug>/reglages/", teams.team_settings, name="team_settings"),
    path("equipes/<slug:slug>/modifier/", teams.team_edit, name="team_edit"),
    path("equipes/<slug:slug>/ajouter/", teams.team_add_member, name="team_add"),
    path("equipes/<slug:slug>/quitter/", teams.team_leave, name="team_leave"),
]

account_patterns = [
    path("profil/", profiles.edit_profile, name="edit_profile"),
    path("mes-donnees/", account.my_data, name="my_data"),
    path("supprimer/", account.delete_account, name="delete_account"),
]

urlpatterns = [
    path("communaute/", include(community_patterns)),
    path("comptes/", include(account_patterns)),
]

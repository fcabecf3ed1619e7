"""The carnets' URLs: a team's carnet under its team, entries and the
organisers' overview under /communaute/carnets/, the facilitator's carnet
under its défi's id, secret links under /carnet-partage/."""

from django.urls import include, path

from .views import (
    attachments,
    carnets,
    comments,
    entries,
    exports,
    facilitators,
    links,
    overview,
    trello,
)

app_name = "carnets"

team_patterns = [
    path("", carnets.carnet_detail, name="carnet"),
    path("partage/", carnets.carnet_sharing, name="carnet_sharing"),
    path("reglages/", carnets.carnet_settings, name="carnet_settings"),
    path("ecrire/", carnets.new_entry, name="new_entry"),
    path("liens/", links.link_create, name="link_create"),
    path("export.pdf", exports.export_pdf, name="export_pdf"),
    path("export.zip", exports.export_zip, name="export_zip"),
    path("trello/", trello.trello_import, name="trello_import"),
]

entry_patterns = [
    path("", entries.entry_detail, name="entry"),
    path("modifier/", entries.entry_edit, name="entry_edit"),
    path("partage/", entries.entry_sharing, name="entry_sharing"),
    path("supprimer/", entries.entry_delete, name="entry_delete"),
    path("versions/", entries.entry_history, name="entry_history"),
    path(
        "versions/<int:version>/restaurer/",
        entries.entry_restore,
        name="entry_restore",
    ),
    path("retours/", comments.comment_add, name="comment_add"),
    path(
        "retours/<int:comment>/supprimer/",
        comments.comment_remove,
        name="comment_remove",
    ),
    path("pieces/", attachments.attachment_add, name="attachment_add"),
    path("pieces/<int:attachment>/", attachments.attachment_view, name="attachment"),
    path(
        "pieces/<int:attachment>/supprimer/",
        attachments.attachment_delete,
        name="attachment_delete",
    ),
]

urlpatterns = [
    path("communaute/equipes/<slug:slug>/carnet/", include(team_patterns)),
    path("communaute/carnets/entrees/<int:pk>/", include(entry_patterns)),
    path(
        "communaute/carnets/liens/<int:pk>/revoquer/",
        links.link_revoke,
        name="link_revoke",
    ),
    path(
        "communaute/carnets/editions/<int:edition>/",
        overview.edition_overview,
        name="overview",
    ),
    path(
        "communaute/carnets/editions/<int:edition>/relancer/",
        overview.edition_nudge,
        name="nudge",
    ),
    path(
        "communaute/defis/<int:challenge>/carnet-du-facilitateur/",
        facilitators.facilitator_carnet,
        name="facilitator",
    ),
    path(
        "communaute/defis/<int:challenge>/carnet-du-facilitateur/partage/",
        facilitators.facilitator_sharing,
        name="facilitator_sharing",
    ),
    path("carnet-partage/<str:token>/", links.shared, name="shared"),
    path(
        "carnet-partage/<str:token>/pieces/<int:attachment>/",
        links.shared_attachment,
        name="shared_attachment",
    ),
]

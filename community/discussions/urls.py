"""The discussions' URLs, under /communaute/discussions/."""

from django.urls import path

from .feeds import SpaceThreadsFeed
from .views import comments, moderation, threads

app_name = "discussions"

urlpatterns = [
    path("", threads.all_discussions, name="all"),
    path("poser/", threads.ask, name="ask"),
    path("moderation/", moderation.queue, name="moderation"),
    path(
        "moderation/<str:kind>/<int:pk>/",
        moderation.decide,
        name="decide",
    ),
    path("fils/<int:pk>/", threads.thread_detail, name="thread"),
    path("fils/<int:pk>/modifier/", threads.edit_thread, name="edit_thread"),
    path("fils/<int:pk>/historique/", threads.thread_history, name="thread_history"),
    path("fils/<int:pk>/repondre/", comments.post_comment, name="post_comment"),
    path("fils/<int:pk>/reagir/", threads.react_thread, name="react_thread"),
    path("fils/<int:pk>/animer/", threads.animate, name="animate"),
    path("fils/<int:pk>/mentions/", threads.mention_suggestions, name="mentions"),
    path(
        "ressources/<int:page_id>/commenter/",
        comments.comment_page,
        name="comment_page",
    ),
    path("messages/<int:pk>/", comments.permalink, name="comment"),
    path("messages/<int:pk>/repondre/", comments.reply, name="reply"),
    path("messages/<int:pk>/modifier/", comments.edit, name="edit_comment"),
    path("messages/<int:pk>/supprimer/", comments.delete, name="delete_comment"),
    path(
        "messages/<int:pk>/historique/",
        comments.comment_history,
        name="comment_history",
    ),
    path("messages/<int:pk>/reagir/", comments.react, name="react_comment"),
    path("<str:kind>/<int:pk>/signaler/", moderation.report, name="report"),
    path("<str:kind>/<slug:slug>/", threads.space_threads, name="space"),
    path("<str:kind>/<slug:slug>/nouveau/", threads.new_thread, name="new_thread"),
    path("<str:kind>/<slug:slug>/flux/", SpaceThreadsFeed(), name="feed"),
]

"""What the discussions give to the site search: threads (title and opening
post) and comments (found by their words, linked to their anchor in the
thread, or on the resource page they comment). Both are found by exactly who
may read the thread's space (or the commented page): the audience comes from
the policy."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.members import policy
from search import documents as docs
from search import registry, text
from search.registry import SearchAdapter

from .choices import PostState
from .models import Comment, Thread


def _facets(thread):
    space = thread.space
    if thread.page_id:
        return {}
    if thread.community_id:
        return {"site": space.territory, "communities": [space.pk]}
    if thread.team_id:
        return {
            "site": space.community.territory,
            "communities": [space.community_id],
            "year": space.year,
        }
    return {
        "site": space.venue.slug if getattr(space, "venue_id", None) else "",
        "year": space.edition.year if getattr(space, "edition_id", None) else None,
    }


class ThreadAdapter(SearchAdapter):
    model = Thread
    type = "fil-de-discussion"
    type_label = gettext_lazy("Fil de discussion")

    def queryset(self):
        # A resource's comments thread has no text of its own: its comments
        # are indexed, not it.
        return (
            Thread.objects.discussions()
            .filter(state=PostState.VISIBLE)
            .select_related("community", "team__community", "challenge")
        )

    def document(self, obj):
        if obj.state != PostState.VISIBLE or obj.page_id:
            return None
        audience = policy.audience(obj)
        if not audience:
            return None
        facets = _facets(obj)
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=obj.title,
            url=obj.get_absolute_url(),
            body=text.document_text(text.html_passages(obj.body_html)),
            date=obj.last_activity_at,
            themes=[theme.slug for theme in obj.themes.all()],
            site=facets.get("site") or "",
            year=facets.get("year") or obj.created_at.year,
            communities=facets.get("communities", []),
            audience=audience,
        )


class CommentAdapter(SearchAdapter):
    model = Comment
    type = "message-de-discussion"
    type_label = gettext_lazy("Message de discussion")

    def queryset(self):
        return Comment.objects.filter(
            state=PostState.VISIBLE, discussion__state=PostState.VISIBLE
        ).select_related(
            "discussion__community",
            "discussion__team__community",
            "discussion__challenge",
            "discussion__page",
        )

    def document(self, obj):
        thread = obj.discussion
        if obj.state != PostState.VISIBLE or thread.state != PostState.VISIBLE:
            return None
        audience = policy.audience(obj)
        if not audience:
            return None
        facets = _facets(thread)
        if thread.page_id:
            title = _("Commentaire sur « %(page)s »") % {"page": thread.page.title}
        else:
            title = _("Réponse dans « %(thread)s »") % {"thread": thread.title}
        return docs.SearchDocument(
            key=self.key(obj),
            type=self.type,
            type_label=str(self.type_label),
            title=title,
            url=obj.get_absolute_url(),
            body=text.document_text(text.html_passages(obj.body_html)),
            date=obj.submit_date,
            themes=[theme.slug for theme in thread.themes.all()],
            site=facets.get("site") or "",
            year=facets.get("year") or obj.submit_date.year,
            communities=facets.get("communities", []),
            audience=audience,
        )


def _enqueue_threads(threads):
    from search.registry import key_for
    from search.sync import enqueue

    threads = list(threads)
    keys = [key_for(thread) for thread in threads]
    keys += [
        key_for(comment)
        for comment in Comment.objects.filter(discussion__in=threads).only("pk")
    ]
    enqueue(keys)


def reindex_comments_of(sender, instance, created=False, **kwargs):
    """A thread's title and state are part of its comments' documents."""
    if not created:
        _enqueue_threads([instance])


def reindex_threads_of_space(sender, instance, **kwargs):
    """A space's access or privacy decides its threads' audience."""
    from wagtail.models import Page

    specific = getattr(instance, "specific", instance)
    threads = getattr(specific, "threads", None)
    if threads is not None and hasattr(threads, "all"):
        _enqueue_threads(threads.all().only("pk"))
    if isinstance(instance, Page):
        _enqueue_threads(Thread.objects.filter(page_id=instance.pk).only("pk"))


def reindex_comments_under_restriction(sender, instance, **kwargs):
    """A view restriction added to or removed from a branch changes the
    audience of the comments of every page under it."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:
        _enqueue_threads(
            Thread.objects.filter(page__path__startswith=page.path).only("pk")
        )


def register():
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_published, page_unpublished

    from community.members.models import Community

    registry.register(ThreadAdapter)
    registry.register(CommentAdapter)
    post_save.connect(
        reindex_comments_of, sender=Thread, dispatch_uid="search_thread_comments"
    )
    post_save.connect(
        reindex_threads_of_space,
        sender=Community,
        dispatch_uid="search_community_threads",
    )
    page_published.connect(
        reindex_threads_of_space, dispatch_uid="search_challenge_threads_published"
    )
    page_unpublished.connect(
        reindex_threads_of_space, dispatch_uid="search_challenge_threads_unpublished"
    )
    for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            reindex_comments_under_restriction,
            sender=PageViewRestriction,
            dispatch_uid=f"search_page_comments_restriction_{uid}",
        )

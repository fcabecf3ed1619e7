"""What a thread page shows, in a constant number of queries whatever the
thread's length: one page of top-level comments, each with its first replies
in django-comments-xtd's order (``thread_id``, ``order``), the reactions of
everything shown, what is new since the reader's last visit."""

from dataclasses import dataclass, field

from django.db.models import Count, Min, OuterRef, Q, Subquery

from home.pagination import paginate

from . import conf
from .choices import STANCES, ReactionKind, ThreadKind
from .models import Comment, Reaction, Report, ThreadVisit


@dataclass
class ReactionSummary:
    kind: str
    label: str
    count: int = 0
    names: list = field(default_factory=list)
    mine: bool = False


@dataclass
class Node:
    comment: Comment
    children: list = field(default_factory=list)
    reactions: list = field(default_factory=list)
    is_new: bool = False
    reported: bool = False
    hidden_replies: int = 0


def reaction_kinds(thread):
    if thread.kind == ThreadKind.DEBATE:
        return [ReactionKind.THUMBS_UP, *STANCES]
    return [ReactionKind.THUMBS_UP]


def _summaries(thread, reactions, user_id):
    """{kind: ReactionSummary} for each reaction kind of the thread."""
    summaries = {
        kind: ReactionSummary(kind.value, kind.label) for kind in reaction_kinds(thread)
    }
    for reaction in reactions:
        summary = summaries.get(reaction.kind)
        if summary is None:
            continue
        summary.count += 1
        summary.names.append(str(reaction.user))
        summary.mine = summary.mine or reaction.user_id == user_id
    return list(summaries.values())


def top_level_page(request, thread):
    top = Comment.objects.filter(discussion=thread, level=0).order_by("pk").only("pk")
    return paginate(request, top, conf.get("DISCUSSIONS_COMMENTS_PER_PAGE"))


def comment_tree(request, thread, page, since=None, expanded=None):
    """The nodes of ``page`` (top-level comments) with their first replies
    (all replies of the top-level comment ``expanded``)."""
    user = request.user
    # The page's top-level comments as a subquery: one query for the tree.
    roots = page.object_list.values("pk")
    shown = conf.get("DISCUSSIONS_REPLIES_SHOWN") + 1
    comments = list(
        Comment.objects.filter(discussion=thread, thread_id__in=roots)
        .filter(Q(order__lte=shown) | Q(thread_id=expanded or 0))
        .select_related("user", "replied_to__user")
        .order_by("thread_id", "order")
    )
    ids = [comment.pk for comment in comments]
    reactions = {}
    for reaction in (
        Reaction.objects.filter(Q(comment_id__in=ids) | Q(thread=thread, comment=None))
        .select_related("user")
        .order_by("created_at", "pk")
    ):
        reactions.setdefault(reaction.comment_id, []).append(reaction)
    reported = set()
    if user.is_authenticated:
        reported = set(
            Report.objects.filter(reporter=user)
            .filter(Q(comment_id__in=ids) | Q(thread=thread, comment=None))
            .values_list("comment_id", flat=True)
        )
    nodes, by_id = [], {}
    for comment in comments:
        node = Node(
            comment,
            reactions=_summaries(thread, reactions.get(comment.pk, []), user.pk),
            is_new=bool(
                since and comment.submit_date > since and comment.user_id != user.pk
            ),
            reported=comment.pk in reported,
        )
        by_id[comment.pk] = node
        parent = by_id.get(comment.parent_id) if comment.level else None
        (parent.children if parent else nodes).append(node)
    for node in nodes:
        node.hidden_replies = max(0, node.comment.nested_count - count_replies(node))
    opening = _summaries(thread, reactions.get(None, []), user.pk)
    return nodes, opening, None in reported


def count_replies(node):
    return sum(1 + count_replies(child) for child in node.children)


def new_since(thread, user, since):
    """How many comments arrived since ``since`` (not the reader's), and the
    first of them."""
    if since is None or not user.is_authenticated:
        return 0, None
    found = (
        Comment.objects.filter(discussion=thread, submit_date__gt=since)
        .exclude(user=user)
        .aggregate(count=Count("pk"), first=Min("pk"))
    )
    return found["count"], found["first"]


def with_reading_state(threads, user):
    """Threads annotated with ``last_seen`` (the reader's last visit) and
    ``new_count`` (comments since then, not theirs), in the same query."""
    if not user.is_authenticated:
        return threads
    visits = ThreadVisit.objects.filter(thread=OuterRef("pk"), user=user)
    new = (
        Comment.objects.filter(
            discussion=OuterRef("pk"), submit_date__gt=OuterRef("last_seen")
        )
        .exclude(user=user)
        .order_by()
        .values("discussion")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return threads.annotate(
        last_seen=Subquery(visits.values("last_seen_at")[:1])
    ).annotate(new_count=Subquery(new[:1]))

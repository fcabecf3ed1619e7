"""Every write of the discussions, each in one transaction, each refusing bad
input with a French message (``DiscussionError``). Views check the policy
first (``policy.ensure``); these functions check what depends on the data
(a reply to a comment of another thread, a locked thread, a second report…).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from community.members import policy
from home.markup import clean_text, render_markdown

from . import conf, events, mentions, ratelimits
from .choices import (
    STANCES,
    ModerationAction,
    PostState,
    ReactionKind,
    ReportStatus,
    ThreadKind,
)
from .models import (
    Comment,
    Mention,
    ModerationDecision,
    Reaction,
    Report,
    Revision,
    Thread,
    ThreadVisit,
)
from .spaces import is_commentable, kind_of


class DiscussionError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


def max_level():
    return settings.COMMENTS_XTD_MAX_THREAD_LEVEL


def _render(text, thread):
    members = mentions.resolve(text, thread)
    return mentions.link_mentions(render_markdown(text), members), members


def _record_mentions(post, thread, members, actor, field):
    """Mention rows for ``members`` not yet mentioned in ``post``; they are
    told (the ones already mentioned were told before)."""
    lookup = {field: post} if field == "comment" else {"thread": post, "comment": None}
    already = set(Mention.objects.filter(**lookup).values_list("user_id", flat=True))
    new = [user for pk, user in members.items() if pk not in already]
    Mention.objects.bulk_create([Mention(user=user, **lookup) for user in new])
    events.members_mentioned(post, thread, new, actor)


def _text(value, empty_message):
    """``value`` cleaned as the forms clean it; refused if nothing is left."""
    value = clean_text(value)
    if not value:
        raise DiscussionError(empty_message)
    return value


def _check_rate(user, space, text, ip):
    try:
        ratelimits.check(user, space, text, ip)
    except ratelimits.RateLimited as error:
        raise DiscussionError(error.message) from error


# --- threads -------------------------------------------------------------------


@transaction.atomic
def create_thread(
    user,
    space,
    *,
    title,
    body,
    kind=ThreadKind.DISCUSSION,
    themes=(),
    ip=None,
    limited=True,
):
    if not policy.can_contribute(user, space):
        raise DiscussionError(
            _("Seuls les membres de cet espace peuvent y ouvrir un fil de discussion.")
        )
    title = _text(title, _("Donnez un titre au fil."))
    body = _text(body, _("Le message d'ouverture est vide."))
    if limited:
        _check_rate(user, space, f"{title}\n{body}", ip)
    now = timezone.now()
    thread = Thread(
        title=title,
        body=body,
        kind=kind,
        author=user,
        created_at=now,
        last_activity_at=now,
        **{kind_of(space).field: space},
    )
    thread.body_html, members = _render(body, thread)
    thread.save()
    thread.themes.set(themes)
    _record_mentions(thread, thread, members, user, "thread")
    events.thread_started(thread)
    return thread


@transaction.atomic
def edit_thread(user, thread, *, title, body, themes=None):
    title = _text(title, _("Donnez un titre au fil."))
    body = _text(body, _("Le message d'ouverture est vide."))
    if title == thread.title and body == thread.body:
        if themes is not None:
            thread.themes.set(themes)
        return thread
    Revision.objects.create(
        thread=thread,
        title=thread.title,
        body=thread.body,
        body_html=thread.body_html,
        written_by=thread.edited_by or thread.author,
        written_at=thread.edited_at or thread.created_at,
    )
    thread.title = title
    thread.body = body
    thread.body_html, members = _render(body, thread)
    thread.edited_at = timezone.now()
    thread.edited_by = user
    thread.save()
    if themes is not None:
        thread.themes.set(themes)
    _record_mentions(thread, thread, members, user, "thread")
    return thread


# --- comments ------------------------------------------------------------------


def page_thread(page, create=False):
    """The thread holding the comments of the resource ``page`` (None until
    the first comment, unless ``create``)."""
    thread = Thread.objects.filter(page_id=page.pk).first()
    if thread is not None or not create:
        return thread
    now = timezone.now()
    try:
        with transaction.atomic():
            return Thread.objects.create(
                page_id=page.pk,
                kind=ThreadKind.COMMENTS,
                title=page.title[:200],
                body="",
                created_at=now,
                last_activity_at=now,
            )
    except IntegrityError:  # two first comments at once: the other one won
        return Thread.objects.get(page_id=page.pk)


@transaction.atomic
def comment_page(user, page, *, body, ip=None, limited=True):
    """A top-level comment on a resource page (replies go through
    ``post_comment`` on the page's thread)."""
    if not is_commentable(page):
        raise DiscussionError(_("Cette page ne se commente pas."))
    if not policy.can_contribute(user, page):
        raise DiscussionError(_("Connectez-vous pour commenter cette ressource."))
    _text(body, _("Le message est vide : écrivez quelque chose avant de publier."))
    thread = page_thread(page, create=True)
    return post_comment(user, thread, body=body, ip=ip, limited=limited)


@transaction.atomic
def post_comment(user, thread, *, body, reply_to=None, ip=None, limited=True):
    """A comment in ``thread``, at the top or in reply to the comment whose
    id is ``reply_to``; a reply to a comment at the deepest level attaches
    beside it (under the same parent) and names the comment it answers."""
    body = _text(
        body, _("Le message est vide : écrivez quelque chose avant de publier.")
    )
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if not thread.is_open:
        if thread.locked:
            raise DiscussionError(
                _("Ce fil est verrouillé : on ne peut plus y répondre. %(reason)s")
                % {"reason": thread.lock_reason}
            )
        raise DiscussionError(_("Ce fil est archivé : on ne peut plus y répondre."))
    parent = replied_to = None
    if reply_to:
        replied_to = Comment.objects.filter(pk=reply_to).first()
        if replied_to is None or replied_to.discussion_id != thread.pk:
            raise DiscussionError(
                _(
                    "Le message auquel vous répondez n'appartient pas à ce fil : "
                    "votre réponse n'a pas été publiée."
                )
            )
        if replied_to.state == PostState.REMOVED:
            raise DiscussionError(
                _("Ce message a été supprimé : on ne peut plus y répondre.")
            )
        parent = replied_to
        if parent.level >= max_level():
            parent = Comment.objects.get(pk=parent.parent_id)
    if limited:
        _check_rate(user, thread.space, body, ip)
    now = timezone.now()
    comment = Comment(
        content_type=ContentType.objects.get_for_model(Thread),
        object_pk=str(thread.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name="",
        user_email="",
        comment=body,
        submit_date=now,
        discussion=thread,
        parent_id=parent.pk if parent else 0,
        replied_to=replied_to if replied_to is not parent else None,
    )
    comment.body_html, members = _render(body, thread)
    comment.save()
    Thread.objects.filter(pk=thread.pk).update(
        comment_count=F("comment_count") + 1, last_activity_at=now
    )
    _record_mentions(comment, thread, members, user, "comment")
    author = replied_to.user if replied_to else thread.author
    events.comment_posted(comment, author)
    return comment


@transaction.atomic
def edit_comment(user, comment, *, body):
    body = _text(
        body, _("Le message est vide. Pour le retirer, utilisez « Supprimer ».")
    )
    if body == comment.comment:
        return comment
    Revision.objects.create(
        comment=comment,
        body=comment.comment,
        body_html=comment.body_html,
        written_by=comment.edited_by or comment.user,
        written_at=comment.edited_at or comment.submit_date,
    )
    comment.comment = body
    comment.body_html, members = _render(body, comment.discussion)
    comment.edited_at = timezone.now()
    comment.edited_by = user
    comment.save()
    _record_mentions(comment, comment.discussion, members, user, "comment")
    return comment


@transaction.atomic
def delete_comment(user, comment):
    """The author deletes: a tombstone keeps the thread's shape (replies stay);
    the text goes, previous versions too."""
    comment.state = PostState.REMOVED
    comment.is_removed = True
    comment.comment = ""
    comment.body_html = ""
    comment.save()
    comment.revisions.all().delete()
    comment.mentions.all().delete()
    return comment


# --- reactions -----------------------------------------------------------------


@transaction.atomic
def react(user, thread, kind, comment=None):
    """Toggle ``user``'s reaction ``kind`` on the opening post or a comment;
    a stance replaces the member's other stance. Returns True if it is on."""
    if kind not in ReactionKind.values:
        raise DiscussionError(_("Cette réaction n'existe pas."))
    if kind in STANCES and thread.kind != ThreadKind.DEBATE:
        raise DiscussionError(
            _("On ne prend position (pour, neutre, contre) que dans un débat.")
        )
    target = {"comment": comment} if comment else {"thread": thread, "comment": None}
    post = comment or thread
    if post.state != PostState.VISIBLE:
        raise DiscussionError(_("On ne réagit pas à un message masqué ou supprimé."))
    existing = Reaction.objects.filter(user=user, kind=kind, **target)
    if existing.exists():
        existing.delete()
        return False
    if kind in STANCES:
        Reaction.objects.filter(user=user, kind__in=STANCES, **target).delete()
    try:
        with transaction.atomic():
            Reaction.objects.create(
                user=user,
                kind=kind,
                thread=None if comment else thread,
                comment=comment,
            )
    except IntegrityError:  # the same click twice at once: already there
        pass
    return True


# --- reading -------------------------------------------------------------------


def mark_read(user, thread, when=None):
    """Record that ``user`` read ``thread`` now; return the previous visit's
    time (None on a first visit)."""
    if not user.is_authenticated:
        return None
    when = when or timezone.now()
    visit = ThreadVisit.objects.filter(thread=thread, user=user).first()
    if visit is None:
        try:
            with transaction.atomic():
                ThreadVisit.objects.create(thread=thread, user=user, last_seen_at=when)
        except IntegrityError:
            pass
        return None
    previous = visit.last_seen_at
    ThreadVisit.objects.filter(pk=visit.pk).update(last_seen_at=when)
    return previous


# --- moderation ----------------------------------------------------------------


@transaction.atomic
def report(user, post, *, reason, details=""):
    """A member reports a post; after the set number of distinct pending
    reports it is hidden until a moderator decides, and its author is told."""
    field = "comment" if isinstance(post, Comment) else "thread"
    author = post.user if field == "comment" else post.author
    if author is not None and author.pk == user.pk:
        raise DiscussionError(_("Vous ne pouvez pas signaler votre propre message."))
    if post.state == PostState.REMOVED:
        raise DiscussionError(_("Ce message a déjà été supprimé."))
    lookup = {field: post}
    if field == "thread":
        lookup["comment"] = None
    if Report.objects.filter(reporter=user, **lookup).exists():
        raise DiscussionError(
            _("Vous avez déjà signalé ce message ; les modérateurs vont l'examiner.")
        )
    try:
        with transaction.atomic():
            Report.objects.create(
                reporter=user, reason=reason, details=details, **lookup
            )
    except IntegrityError as error:
        raise DiscussionError(
            _("Vous avez déjà signalé ce message ; les modérateurs vont l'examiner.")
        ) from error
    pending = Report.objects.filter(status=ReportStatus.PENDING, **lookup).count()
    if (
        pending >= conf.get("DISCUSSIONS_REPORTS_TO_HIDE")
        and post.state == PostState.VISIBLE
    ):
        _set_state(post, PostState.HIDDEN)
        decision = ModerationDecision.objects.create(
            action=ModerationAction.HIDE,
            reason=_(
                "Masqué automatiquement après %(count)d signalements, en attente "
                "de l'examen d'un modérateur."
            )
            % {"count": pending},
            **{field: post},
        )
        events.moderation_decided(decision, author)
        return True
    return False


def _set_state(post, state):
    post.state = state
    if isinstance(post, Comment):
        post.is_public = state != PostState.HIDDEN
        post.is_removed = state == PostState.REMOVED
    post.save()


REASON_REQUIRED = {
    ModerationAction.HIDE,
    ModerationAction.DELETE,
    ModerationAction.WARN,
}


@transaction.atomic
def moderate(moderator, post, action, reason=""):
    """A moderator's decision on a post (approve, hide, delete, warn), logged
    with who and why; pending reports are settled; the author is told."""
    reason = (reason or "").strip()
    if action in REASON_REQUIRED and not reason:
        raise DiscussionError(
            _("Indiquez le motif de la décision : l'auteur le recevra.")
        )
    field = "comment" if isinstance(post, Comment) else "thread"
    author = post.user if field == "comment" else post.author
    reports = Report.objects.filter(status=ReportStatus.PENDING, **{field: post})
    if field == "thread":
        reports = reports.filter(comment=None)
    if action == ModerationAction.APPROVE:
        _set_state(post, PostState.VISIBLE)
        reports.update(status=ReportStatus.DISMISSED)
    elif action == ModerationAction.HIDE:
        _set_state(post, PostState.HIDDEN)
        reports.update(status=ReportStatus.UPHELD)
    elif action == ModerationAction.DELETE:
        _set_state(post, PostState.REMOVED)
        reports.update(status=ReportStatus.UPHELD)
    elif action == ModerationAction.WARN:
        reports.update(status=ReportStatus.UPHELD)
    else:
        raise DiscussionError(_("Cette décision n'existe pas."))
    decision = ModerationDecision.objects.create(
        moderator=moderator, action=action, reason=reason, **{field: post}
    )
    events.moderation_decided(decision, author)
    return decision


THREAD_ACTIONS = {
    ModerationAction.LOCK: ("locked", True),
    ModerationAction.UNLOCK: ("locked", False),
    ModerationAction.PIN: ("pinned", True),
    ModerationAction.UNPIN: ("pinned", False),
    ModerationAction.ARCHIVE: ("archived", True),
    ModerationAction.UNARCHIVE: ("archived", False),
}


@transaction.atomic
def animate(moderator, thread, action, reason=""):
    """Lock (with the reason shown in the thread), pin or archive a thread."""
    if action not in THREAD_ACTIONS:
        raise DiscussionError(_("Cette action n'existe pas."))
    reason = (reason or "").strip()
    if action == ModerationAction.LOCK and not reason:
        raise DiscussionError(
            _("Indiquez pourquoi le fil est verrouillé : ce sera affiché dans le fil.")
        )
    field, value = THREAD_ACTIONS[action]
    setattr(thread, field, value)
    if action == ModerationAction.LOCK:
        thread.lock_reason = reason[:300]
    elif action == ModerationAction.UNLOCK:
        thread.lock_reason = ""
    thread.save(update_fields=[field, "lock_reason"])
    return ModerationDecision.objects.create(
        moderator=moderator, thread=thread, action=action, reason=reason
    )

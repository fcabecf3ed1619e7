"""Fils de discussion, and when each member last read each of them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import PostState, ThreadKind
from ..spaces import SPACE_KINDS, kind_of, space_name

TITLE_MAX_LENGTH = 200
BODY_MAX_LENGTH = 10_000


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Threads ``user`` may read (the policy's answer, see ``rules.py``)."""
        from community.members import policy

        return policy.visible_to(self, user)

    def in_space(self, space):
        return self.filter(**{kind_of(space).field: space})

    def by_activity(self):
        return self.order_by("-last_activity_at", "-pk")

    def discussions(self):
        """Threads opened by members (not the comments of a resource page)."""
        return self.filter(page__isnull=True)

    def for_listing(self):
        return self.select_related(
            "author", "community", "team", "challenge"
        ).prefetch_related("themes")


class Thread(models.Model):
    """A fil de discussion: a title and an opening post in one space, answered
    by threaded comments."""

    title = models.CharField(_("titre"), max_length=TITLE_MAX_LENGTH)
    body = models.TextField(
        _("message d'ouverture"),
        help_text=_(
            "Mise en forme simple : **gras**, *italique*, [lien](https://…), "
            "listes, > citation. Mentionnez un membre avec @."
        ),
    )
    body_html = models.TextField(editable=False, default="")
    kind = models.CharField(
        _("type de fil"),
        max_length=12,
        choices=ThreadKind.choices,
        default=ThreadKind.DISCUSSION,
        help_text=_("Un débat propose de se positionner : pour, neutre ou contre."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="threads",
        verbose_name=_("auteur"),
    )
    community = models.ForeignKey(
        "members.Community",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("e-communauté"),
    )
    team = models.ForeignKey(
        "members.LearningTeam",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("équipe apprenante"),
    )
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("défi"),
    )
    # The comments of a resource page (glossary term, méthodologie, référence
    # bibliographique) live in one thread of kind COMMENTS attached to the
    # page, opened by the first comment: no title of its own, no opening
    # post. ``related_name="+"``: the resources app, below this one, knows
    # nothing of its comments.
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("ressource commentée"),
    )
    themes = models.ManyToManyField(
        "home.Theme", blank=True, related_name="+", verbose_name=_("thèmes")
    )
    state = models.CharField(
        _("état"), max_length=10, choices=PostState.choices, default=PostState.VISIBLE
    )
    pinned = models.BooleanField(_("épinglé"), default=False)
    locked = models.BooleanField(_("verrouillé"), default=False)
    lock_reason = models.CharField(
        _("raison du verrouillage"), max_length=300, blank=True
    )
    archived = models.BooleanField(_("archivé"), default=False)
    created_at = models.DateTimeField(_("ouvert le"), default=timezone.now)
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(
        _("dernière activité"), default=timezone.now, db_index=True
    )
    comment_count = models.PositiveIntegerField(_("réponses"), default=0)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("fil de discussion")
        verbose_name_plural = _("fils de discussion")
        permissions = [
            ("moderate_discussions", _("Modérer les discussions de tous les espaces"))
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        community__isnull=False,
                        team__isnull=True,
                        challenge__isnull=True,
                        page__isnull=True,
                    )
                    | Q(
                        community__isnull=True,
                        team__isnull=False,
                        challenge__isnull=True,
                        page__isnull=True,
                    )
                    | Q(
                        community__isnull=True,
                        team__isnull=True,
                        challenge__isnull=False,
                        page__isnull=True,
                    )
                    | Q(
                        community__isnull=True,
                        team__isnull=True,
                        challenge__isnull=True,
                        page__isnull=False,
                    )
                ),
                name="thread_in_exactly_one_space",
            ),
            models.UniqueConstraint(
                fields=["page"],
                condition=Q(page__isnull=False),
                name="one_comment_thread_per_page",
            ),
        ]
        indexes = [
            models.Index(fields=["community", "-last_activity_at"]),
            models.Index(fields=["team", "-last_activity_at"]),
            models.Index(fields=["challenge", "-last_activity_at"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The thread's page; for a resource page's comments, the page itself
        at its comments."""
        if self.page_id:
            return f"{self.reading_url()}#commentaires"
        return reverse("discussions:thread", args=[self.pk])

    def reading_url(self):
        """Where the comments are read (without anchor): the thread page, or
        the commented resource page."""
        if self.page_id:
            return self.page.url or reverse("discussions:thread", args=[self.pk])
        return reverse("discussions:thread", args=[self.pk])

    @property
    def is_page_comments(self):
        return bool(self.page_id)

    @property
    def space(self):
        for kind in SPACE_KINDS:
            if getattr(self, f"{kind.field}_id"):
                return getattr(self, kind.field)
        return None

    @property
    def space_kind(self):
        for kind in SPACE_KINDS:
            if getattr(self, f"{kind.field}_id"):
                return kind
        return None

    @property
    def space_name(self):
        return space_name(self.space)

    @property
    def is_visible(self):
        return self.state == PostState.VISIBLE

    @property
    def is_open(self):
        """New replies are accepted."""
        return self.is_visible and not self.locked and not self.archived


class ThreadVisit(models.Model):
    """When a member last read a thread: what came after is « nouveau » for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="visits")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    last_seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="one_visit_per_thread"
            )
        ]
        verbose_name = _("lecture d'un fil")

    def __str__(self):
        return f"{self.user} — {self.thread}"

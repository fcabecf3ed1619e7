"""Evaluations, booklets (and their chosen highlights) and bilans.

**Anonymity by construction.** An evaluation is stored in two unrelated rows:
the *answer* (``EvaluationAnswer``: the marks and the words, with a random
UUID key and the day only, no member) and the *receipt*
(``EvaluationReceipt``: who answered what, for « one answer per person » and
« mes données », without the content). Nothing links one to the other: no
foreign key, no shared sequence (the answer's key is random), no time finer
than the day. Results only ever read answers, grouped, and show a group only
from ``EVALUATION_MIN_ANSWERS`` answers on.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.dates import as_datetime
from home.page_forms import PageForm

from .choices import ComeBack, Scope


class EvaluationForm(models.Model):
    """The questions of an édition's evaluations, edited by its organisers.

    The same four questions are asked after each session, each défi
    workshop and the whole édition; organisers reword them per édition."""

    edition = models.OneToOneField(
        "events.EditionPage",
        on_delete=models.CASCADE,
        related_name="evaluation_form",
        verbose_name=_("édition"),
    )
    is_open = models.BooleanField(
        _("évaluations ouvertes"),
        default=True,
        help_text=_(
            "Décochez pour ne plus envoyer d'invitations ni recevoir de réponses."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        default=_(
            "Quelques questions, deux minutes : vos réponses sont anonymes et nous "
            "aident à préparer la prochaine édition."
        ),
    )
    satisfaction_question = models.CharField(
        _("question de satisfaction (de 1 à 5)"),
        max_length=200,
        default=_("Dans l'ensemble, quelle est votre satisfaction ?"),
    )
    learned_question = models.CharField(
        _("question « ce que j'ai appris »"),
        max_length=200,
        default=_("Qu'avez-vous appris ?"),
    )
    improve_question = models.CharField(
        _("question « à améliorer »"),
        max_length=200,
        default=_("Que faudrait-il améliorer ?"),
    )
    come_back_question = models.CharField(
        _("question « reviendriez-vous ? »"),
        max_length=200,
        default=_("Reviendriez-vous ?"),
    )

    panels = [
        FieldPanel("edition"),
        FieldPanel("is_open"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("satisfaction_question"),
                FieldPanel("learned_question"),
                FieldPanel("improve_question"),
                FieldPanel("come_back_question"),
            ],
            heading=_("Les questions"),
        ),
    ]

    class Meta:
        verbose_name = _("questionnaire d'évaluation")
        verbose_name_plural = _("questionnaires d'évaluation")

    def __str__(self):
        return str(_("Évaluations — %(edition)s") % {"edition": self.edition.title})

    @classmethod
    def for_edition(cls, edition):
        """The édition's questionnaire, created with the default questions."""
        form, _created = cls.objects.get_or_create(edition=edition)
        return form


class EvaluationAnswer(models.Model):
    """One anonymous answer: no member, a random key, the day only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    form = models.ForeignKey(
        EvaluationForm, on_delete=models.CASCADE, related_name="answers"
    )
    scope = models.CharField(_("portée"), max_length=10, choices=Scope.choices)
    session = models.ForeignKey(
        "events.Session",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",  # sessions do not list their answers
    )
    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Copied from the session or the défi at answer time, for the results
    # per site and per parcours (the session's type).
    venue = models.ForeignKey(
        "events.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    track = models.CharField(_("parcours"), max_length=20, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction"))
    learned = models.TextField(_("ce que j'ai appris"), max_length=2000, blank=True)
    improve = models.TextField(_("à améliorer"), max_length=2000, blank=True)
    come_back = models.CharField(
        _("reviendrait"), max_length=10, choices=ComeBack.choices
    )
    answered_on = models.DateField(_("jour"), default=timezone.localdate)

    class Meta:
        verbose_name = _("réponse à une évaluation")
        verbose_name_plural = _("réponses aux évaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__gte=1, satisfaction__lte=5),
                name="evaluation_satisfaction_1_to_5",
            ),
            models.CheckConstraint(
                condition=(
                    Q(scope=Scope.SESSION, session__isnull=False, challenge=None)
                    | Q(scope=Scope.CHALLENGE, challenge__isnull=False, session=None)
                    | Q(scope=Scope.EDITION, session=None, challenge=None)
                ),
                name="evaluation_answer_names_its_subject",
            ),
        ]

    def __str__(self):
        return str(_("Réponse anonyme"))


class EvaluationReceipt(models.Model):
    """That a member answered an evaluation (never what they answered)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="evaluation_receipts",
    )
    form = models.ForeignKey(
        EvaluationForm, on_delete=models.CASCADE, related_name="receipts"
    )
    # « session:12 », « defi:34 » or « edition:5 » (see evaluations.Subject).
    subject = models.CharField(max_length=40)
    subject_title = models.CharField(_("évaluation"), max_length=300)
    answered_on = models.DateField(_("répondu le"), default=timezone.localdate)

    class Meta:
        verbose_name = _("participation à une évaluation")
        verbose_name_plural = _("participations aux évaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "subject"], name="one_evaluation_per_person"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.subject_title}"


class InvitationRun(models.Model):
    """The invitations to one evaluation were sent (once per subject)."""

    form = models.ForeignKey(
        EvaluationForm, on_delete=models.CASCADE, related_name="invitation_runs"
    )
    subject = models.CharField(max_length=40, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("envoi d'invitations")

    def __str__(self):
        return f"{self.subject} ({self.sent_at:%Y-%m-%d})"


class CachedPdf(models.Model):
    """A PDF kept while its content — its *fingerprint*, see ``pdf.py`` —
    does not change."""

    fingerprint = models.CharField(max_length=64)
    pdf = models.BinaryField(editable=False)
    generated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class Booklet(CachedPdf):
    """A défi's livret de capitalisation in PDF. Only public content is ever
    in it."""

    challenge = models.OneToOneField(
        "challenges.ChallengePage", on_delete=models.CASCADE, related_name="booklet"
    )

    class Meta:
        verbose_name = _("livret de capitalisation")
        verbose_name_plural = _("livrets de capitalisation")

    def __str__(self):
        return str(self.challenge)


class Highlight(models.Model):
    """A public message a défi's porteur chose for the highlights of its
    booklet (instead of its thread's most reacted-to messages)."""

    challenge = models.ForeignKey(
        "challenges.ChallengePage",
        on_delete=models.CASCADE,
        related_name="+",  # the défi's page lists none: the booklet does
    )
    comment = models.ForeignKey(
        "discussions.Comment", on_delete=models.CASCADE, related_name="+"
    )
    chosen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("temps fort choisi")
        verbose_name_plural = _("temps forts choisis")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "comment"], name="one_highlight_per_comment"
            )
        ]

    def __str__(self):
        return f"{self.challenge} — {self.comment_id}"


class ImportedStepCard(models.Model):
    """A Trello card brought into one of a défi's étapes: the text it added
    to the étape's summary, found again by the card's id (``trello_steps``)."""

    challenge = models.ForeignKey(
        "challenges.ChallengePage", on_delete=models.CASCADE, related_name="+"
    )
    card_id = models.CharField(max_length=64)
    step = models.PositiveSmallIntegerField()
    text = models.TextField()
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("carte Trello d'une étape")
        verbose_name_plural = _("cartes Trello des étapes")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "card_id"], name="one_step_card_per_card"
            )
        ]

    def __str__(self):
        return f"{self.challenge} — {self.card_id}"


class BilanPage(RoutablePageMixin, Page):
    """The bilan of an édition: its organisers write the foreword and the
    conclusion; the rest — each défi's summary, the programme as held, the
    evaluation charts, the figures — is read from the site, public content
    only (``bilan.py``). A page of the édition, so that Wagtail's drafts,
    revisions and review workflow (``review.py``) decide when it is online."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    foreword = RichTextField(
        _("avant-propos"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Ce que cette édition a voulu faire, en quelques paragraphes."),
    )
    conclusion = RichTextField(
        _("conclusion"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Ce que l'on en retient, et la suite."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("foreword"),
        FieldPanel("conclusion"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("foreword"),
        index.SearchField("conclusion"),
    ]
    # The édition accepts it through ``apps.py`` (events knows nothing of
    # capitalisation).
    parent_page_types = ["events.EditionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("bilan d'édition")
        verbose_name_plural = _("bilans d'édition")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        from .review import ensure_review

        ensure_review(self)

    def search_facets(self):
        """Facets for the site search (``search.registry.PageAdapter``): the
        year and the date of its édition."""
        edition = self.get_parent().specific
        return {
            "type": "bilan",
            "type_label": str(_("Bilan d'édition")),
            "year": edition.year,
            "date": as_datetime(edition.reference_date),
        }

    def get_context(self, request, *args, **kwargs):
        from . import bilan

        context = super().get_context(request, *args, **kwargs)
        context.update(bilan.page_context(self))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from .views import bilan_pdf

        return bilan_pdf(request, self)


class BilanPdf(CachedPdf):
    """A bilan's PDF (public content only)."""

    bilan = models.OneToOneField(
        BilanPage, on_delete=models.CASCADE, related_name="printed"
    )

    class Meta:
        verbose_name = _("bilan en PDF")
        verbose_name_plural = _("bilans en PDF")

    def __str__(self):
        return str(self.bilan)

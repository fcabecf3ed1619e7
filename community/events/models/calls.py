"""Calls for contributions (seed 000): the call page with its rencontres, the
members' proposals with their two speakers, and the committee's selection."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.page_forms import PageForm

from ..choices import Gender, ProposalKind, ProposalStatus


class CallForContributionsPage(RoutablePageMixin, Page):
    """An appel à contributions: theme, rencontres, deadline; members propose,
    the selection committee chooses."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    theme_title = models.CharField(
        _("thème de l'appel"),
        max_length=255,
        help_text=_("Par exemple « Innovation & action publique locale »."),
    )
    event_label = models.CharField(
        _("événement"),
        max_length=255,
        blank=True,
        help_text=_(
            "Dates et lieu de l'événement, par exemple « 4 & 5 décembre 2013, Lyon »."
        ),
    )
    edition = models.ForeignKey(
        "events.EditionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
        verbose_name=_("édition"),
        help_text=_(
            "L'édition de l'université à laquelle l'appel se rattache, s'il y en a une."
        ),
    )
    intro = RichTextField(_("chapeau"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("texte de l'appel"),
        help_text=_(
            "Le texte de l'appel, les attentes du public, les critères de sélection."
        ),
    )
    themes = ParentalManyToManyField(
        "home.Theme", blank=True, related_name="+", verbose_name=_("thèmes")
    )
    opens_at = models.DateTimeField(
        _("ouverture"),
        null=True,
        blank=True,
        help_text=_("Vide : l'appel est ouvert dès sa publication."),
    )
    deadline = models.DateTimeField(
        _("date limite"),
        help_text=_(
            "Heure de Paris. Après cette date, plus aucune proposition ne "
            "peut être enregistrée ni envoyée."
        ),
    )
    min_lines = models.PositiveSmallIntegerField(
        _("lignes de description, au moins"), default=10
    )
    max_lines = models.PositiveSmallIntegerField(
        _("lignes de description, au plus"), default=30
    )
    committee_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",  # a group may sit on several committees; no reverse needed
        verbose_name=_("comité de sélection"),
        help_text=_(
            "Le groupe dont les membres examinent les propositions, les commentent "
            "et décident. Gérez ses membres dans Paramètres › Groupes."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("theme_title"),
                FieldPanel("event_label"),
                FieldPanel("edition"),
                FieldPanel("themes"),
            ],
            heading=_("L'appel"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("rencontres", label=_("Rencontres (par parcours)")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("deadline")]),
                FieldRowPanel([FieldPanel("min_lines"), FieldPanel("max_lines")]),
                FieldPanel("committee_group"),
            ],
            heading=_("Calendrier et sélection"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("theme_title"),
        index.SearchField("intro"),
        index.SearchField("body"),
        # What the page shows besides: the event, thèmes, édition, rencontres.
        index.SearchField("event_label"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("edition", [index.SearchField("title")]),
        index.RelatedFields(
            "rencontres",
            [
                index.SearchField("track"),
                index.SearchField("title"),
                index.SearchField("description"),
            ],
        ),
        index.FilterField("deadline"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("appel à contributions")
        verbose_name_plural = _("appels à contributions")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.opens_at and self.deadline and self.deadline <= self.opens_at:
            raise ValidationError(
                {"deadline": _("La date limite doit suivre l'ouverture.")}
            )
        if self.min_lines and self.max_lines and self.max_lines < self.min_lines:
            raise ValidationError(
                {
                    "max_lines": _(
                        "Le maximum de lignes ne peut pas être inférieur au minimum."
                    )
                }
            )

    def search_facets(self):
        """Facets for the site search (``search.registry.PageAdapter``): a
        call is dated by its opening (else its deadline)."""
        day = self.opens_at or self.deadline
        return {"date": day, "year": day.year} if day else {}

    @property
    def is_open(self):
        now = timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and now < self.deadline

    @property
    def has_opened(self):
        return self.opens_at is None or self.opens_at <= timezone.now()

    def tracks(self):
        """Rencontres grouped by track: ``[(track, [rencontre, …]), …]``."""
        groups = []
        for rencontre in self.rencontres.all():
            if not groups or groups[-1][0] != rencontre.track:
                groups.append((rencontre.track, []))
            groups[-1][1].append(rencontre)
        return groups

    # --- Routes ---------------------------------------------------------------

    @path("", name="call")
    def call(self, request):
        from ..views.proposals import call_page

        return call_page(request, self)

    @path("proposer/", name="propose")
    def propose(self, request):
        from ..views.proposals import proposal_form

        return proposal_form(request, self)

    @path("propositions/<int:proposal_id>/", name="proposal")
    def proposal(self, request, proposal_id):
        from ..views.proposals import proposal_form

        return proposal_form(request, self, proposal_id)

    @path("comite/", name="committee")
    def committee(self, request):
        from ..views.committee import committee_list

        return committee_list(request, self)

    @path("comite/export-csv/", name="committee_csv")
    def committee_csv(self, request):
        from ..views.committee import committee_csv

        return committee_csv(request, self)

    @path("comite/<int:proposal_id>/", name="review")
    def review(self, request, proposal_id):
        from ..views.committee import review

        return review(request, self, proposal_id)

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)


class Rencontre(Orderable):
    """A rencontre (session theme) of a call, inside one of its tracks."""

    call = ParentalKey(
        CallForContributionsPage, on_delete=models.CASCADE, related_name="rencontres"
    )
    track = models.CharField(
        _("parcours"),
        max_length=150,
        help_text=_(
            "Le grand axe qui regroupe les rencontres, par exemple "
            "« Innover dans nos organisations »."
        ),
    )
    title = models.CharField(_("rencontre"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("track"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("rencontre")

    def __str__(self):
        return self.title


class ProposalQuerySet(models.QuerySet):
    def submitted(self):
        return self.exclude(status=ProposalStatus.DRAFT)


class Proposal(models.Model):
    """A member's proposal to a call: an intervention in a rencontre or a cas pratique."""

    call = models.ForeignKey(
        CallForContributionsPage,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("appel"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("déposée par"),
    )
    kind = models.CharField(
        _("type de proposition"),
        max_length=20,
        choices=ProposalKind.choices,
        default=ProposalKind.WORKSHOP,
    )
    title = models.CharField(_("titre"), max_length=200)
    organisation = models.CharField(
        _("collectivité ou organisme"),
        max_length=200,
        blank=True,
        help_text=_("L'organisme qui porte l'expérience ou le projet."),
    )
    rencontre = models.ForeignKey(
        Rencontre,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        verbose_name=_("référence de la rencontre"),
    )
    context = models.TextField(_("contexte"), blank=True)
    actors = models.TextField(
        _("acteurs en présence"),
        blank=True,
        help_text=_("Les partenaires le cas échéant."),
    )
    innovation = models.TextField(_("caractère innovant"), blank=True)
    debate_topics = models.TextField(_("sujets de débat avec la salle"), blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "De 10 à 30 lignes : un texte attractif, dynamique et clair. Une ligne "
            "est une ligne non vide : allez à la ligne entre vos idées, les lignes "
            "vides ne comptent pas."
        ),
    )
    bibliography = models.TextField(
        _("proposition de bibliographie"),
        blank=True,
        help_text=_("Facultatif : une référence par ligne."),
    )
    status = models.CharField(
        _("état"),
        max_length=12,
        choices=ProposalStatus.choices,
        default=ProposalStatus.DRAFT,
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décision le"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-updated_at"]
        verbose_name = _("proposition")
        verbose_name_plural = _("propositions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.call.route_url("proposal", self.pk)

    @property
    def is_draft(self):
        return self.status == ProposalStatus.DRAFT

    def review_url(self):
        return self.call.route_url("review", self.pk)


class ProposalSpeaker(models.Model):
    """One of the proposal's two speakers (a woman and a man: the call's parity rule)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="speakers"
    )
    position = models.PositiveSmallIntegerField(_("intervenant n°"))
    name = models.CharField(_("nom et prénom"), max_length=150, blank=True)
    gender = models.CharField(
        _("genre"),
        max_length=10,
        choices=Gender.choices,
        blank=True,
        help_text=_(
            "Demandé pour respecter la parité en tribune : une femme et un homme."
        ),
    )
    function = models.CharField(_("fonction"), max_length=150, blank=True)
    organisation = models.CharField(_("organisme"), max_length=200, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    phone = models.CharField(_("téléphone professionnel"), max_length=30, blank=True)
    mobile = models.CharField(_("portable"), max_length=30, blank=True)
    email = models.EmailField(_("courriel"), blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("intervenant")
        verbose_name_plural = _("intervenants")
        constraints = [
            # Exactly two places: a third speaker cannot even be stored.
            models.CheckConstraint(
                condition=Q(position__in=[1, 2]), name="speaker_position_1_or_2"
            ),
            models.UniqueConstraint(
                fields=["proposal", "position"], name="one_speaker_per_position"
            ),
        ]

    def __str__(self):
        return self.name or f"{_('Intervenant')} {self.position}"


class ProposalComment(models.Model):
    """A committee member's comment on a proposal; never shown to its author."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("commentaire"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("commentaire du comité")
        verbose_name_plural = _("commentaires du comité")

    def __str__(self):
        return f"{self.author} — {self.proposal}"


class ProposalStatusChange(models.Model):
    """A dated step of a proposal through the selection workflow."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(max_length=12, choices=ProposalStatus.choices)
    to_status = models.CharField(max_length=12, choices=ProposalStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("changement d'état d'une proposition")

    def __str__(self):
        return f"{self.proposal}: {self.from_status} → {self.to_status}"

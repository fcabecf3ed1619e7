"""Défis as pages: the ``/defis/`` index with its filters, and one page per défi
holding its *fiche défi* (the editorial part, with revisions and workflow)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.dates import as_datetime
from home.mixins import IndexPageMixin
from home.page_forms import PageForm
from home.pagination import paginate

from ..choices import ChallengeRole, ChallengeStatus, CollectivityKind

FICHE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ChallengeQuerySet(PageQuerySet):
    """Défis with what their cards show, in one query plus one for themes."""

    def for_listing(self):
        return (
            self.select_related("edition", "venue")
            .prefetch_related("themes")
            .order_by("-edition__year", "venue__sort_order", "number", "title")
        )


ChallengeManager = PageManager.from_queryset(ChallengeQuerySet)


class ChallengeIndexPage(IndexPageMixin, Page):
    """The ``/defis/`` section listing the défis of every édition, with filters."""

    per_page = 24

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["challenges.ChallengePage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des défis")

    def get_context(self, request, *args, **kwargs):
        from ..forms import ChallengeFilterForm

        context = Page.get_context(self, request, *args, **kwargs)
        visible = ChallengePage.objects.child_of(self).live().public()
        form = ChallengeFilterForm(request.GET, challenges=visible, user=request.user)
        challenges = form.filter(visible.for_listing())
        context["filter_form"] = form
        context["is_filtered"] = form.is_filtered()
        context["children"] = paginate(request, challenges, self.per_page)
        context["query_string"] = form.query_string()
        return context


class ChallengePage(RoutablePageMixin, Page):
    """A défi: a « Comment … ? » question brought by a collectivité, its fiche,
    its status, and what the équipe apprenante made of it."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    number = models.PositiveSmallIntegerField(
        _("numéro"),
        null=True,
        blank=True,
        help_text=_("Le numéro du défi dans son édition (« Défi 3 »)."),
    )
    question = models.TextField(
        _("question"),
        help_text=_(
            "La question « Comment … ? » telle que la collectivité l'a formulée ; "
            "le titre de la page peut en être une forme courte."
        ),
    )
    short_name = models.CharField(
        _("nom court"),
        max_length=120,
        blank=True,
        help_text=_(
            "Un nom court qui aide à s'y retrouver, par exemple « La Glacière »."
        ),
    )
    collectivity = models.CharField(
        _("collectivité"),
        max_length=200,
        help_text=_("Qui apporte le défi, par exemple « Ville de Rennes »."),
    )
    collectivity_kind = models.CharField(
        _("type de collectivité"),
        max_length=20,
        choices=CollectivityKind.choices,
        default=CollectivityKind.COMMUNE,
    )
    territory = RichTextField(
        _("territoire"),
        features=FICHE_FEATURES,
        blank=True,
        help_text=_(
            "Le territoire où s'inscrit le défi : taille, population, contexte."
        ),
    )
    stakes = RichTextField(_("enjeux"), features=FICHE_FEATURES, blank=True)
    stakeholders = RichTextField(
        _("parties prenantes et usagers"), features=FICHE_FEATURES, blank=True
    )
    obstacles = RichTextField(_("obstacles"), features=FICHE_FEATURES, blank=True)
    levers = RichTextField(_("leviers"), features=FICHE_FEATURES, blank=True)
    themes = ParentalManyToManyField(
        "home.Theme",
        blank=True,
        related_name="challenges",
        verbose_name=_("thèmes (grandes mutations)"),
    )
    edition = models.ForeignKey(
        "events.EditionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenges",
        verbose_name=_("édition"),
    )
    venue = models.ForeignKey(
        "events.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenges",
        verbose_name=_("site"),
        help_text=_("Le site de l'université où le défi est travaillé."),
    )
    teams = ParentalManyToManyField(
        "members.LearningTeam",
        blank=True,
        related_name="challenges",
        verbose_name=_("équipes apprenantes"),
        help_text=_("Leurs membres peuvent remplir les étapes et l'exposition."),
    )
    more_info_url = models.URLField(
        _("plus d'information"),
        blank=True,
        help_text=_("Une page extérieure qui présente le défi, s'il y en a une."),
    )
    # The lifecycle is not edited with the fiche: it moves only along the
    # allowed transitions (lifecycle.py) and is kept when a revision is
    # published (see with_content_json).
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=ChallengeStatus.choices,
        default=ChallengeStatus.PROPOSED,
        editable=False,
    )
    status_changed_on = models.DateField(
        _("statut depuis le"), null=True, blank=True, editable=False
    )

    objects = ChallengeManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("question"),
                FieldPanel("number"),
                FieldPanel("short_name"),
                FieldPanel("collectivity"),
                FieldPanel("collectivity_kind"),
                FieldPanel("edition"),
                FieldPanel("venue"),
                FieldPanel("themes"),
            ],
            heading=_("Le défi"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("territory"),
                FieldPanel("stakes"),
                FieldPanel("stakeholders"),
                FieldPanel("obstacles"),
                FieldPanel("levers"),
            ],
            heading=_("La fiche défi"),
        ),
        InlinePanel("people", label=_("Porteurs et facilitateurs")),
        FieldPanel("teams"),
        InlinePanel("related_resources", label=_("Ressources liées")),
        FieldPanel("more_info_url"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("short_name"),
        index.SearchField("collectivity"),
        index.SearchField("territory"),
        index.SearchField("stakes"),
        index.SearchField("stakeholders"),
        index.SearchField("obstacles"),
        index.SearchField("levers"),
        index.FilterField("status"),
        index.FilterField("collectivity_kind"),
        index.FilterField("edition"),
        index.FilterField("venue"),
        # What the page shows besides: thèmes, édition, site, porteurs.
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("edition", [index.SearchField("title")]),
        index.RelatedFields("venue", [index.SearchField("name")]),
        index.RelatedFields(
            "people",
            [index.SearchField("label"), index.SearchField("organisation")],
        ),
        # What became of it: étapes, exposition, status notes, news.
        index.RelatedFields("step_summaries", [index.SearchField("summary")]),
        index.RelatedFields(
            "exposition",
            [
                index.SearchField("prototype"),
                index.SearchField("feedback"),
                index.SearchField("next_actions"),
            ],
        ),
        index.RelatedFields("status_changes", [index.SearchField("note")]),
        index.RelatedFields(
            "news", [index.SearchField("title"), index.SearchField("body")]
        ),
    ]
    parent_page_types = ["challenges.ChallengeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("défi")
        verbose_name_plural = _("défis")

    def with_content_json(self, content):
        """Publishing or reverting a revision keeps the current status: the
        lifecycle lives outside the fiche's revisions."""
        obj = super().with_content_json(content)
        obj.status = self.status
        obj.status_changed_on = self.status_changed_on
        return obj

    def get_context(self, request, *args, **kwargs):
        from community.events.choices import ChallengeStep
        from community.members import policy

        from ..forms import NewsForm, StatusChangeForm
        from ..lifecycle import allowed_next
        from .progress import ChallengeExposition

        context = super().get_context(request, *args, **kwargs)
        summaries = dict(self.step_summaries.values_list("step", "summary"))
        context["steps"] = [
            (step, summaries.get(step.value, "")) for step in ChallengeStep
        ]
        context["exposition"] = self._read_related_at_once(ChallengeExposition)
        context["news"] = list(self.news.select_related("author"))
        context["history"] = list(self.status_changes.all())
        # Related pages, teams and the édition are named only to those the
        # policy lets see them (a page behind a login, a group or a password,
        # an édition restricted to logged-in members stay out of sight).
        context["related"] = policy.visible_list(
            request.user,
            [item.page for item in self.related_resources.select_related("page")],
        )
        context["edition"] = policy.visible_one(request.user, self.edition)
        # Only the teams one may know exist: a team of a secret community
        # working on a public défi stays out of sight.
        context["teams"] = policy.known_to(self.teams.all(), request.user)
        context["can_contribute"] = policy.can_contribute(request.user, self)
        can_moderate = policy.can_moderate(request.user, self)
        if can_moderate and allowed_next(self.status):
            context["status_form"] = StatusChangeForm(challenge=self)
        if context["can_contribute"]:
            context["news_form"] = NewsForm()
        return context

    def search_facets(self):
        """Facets for the site search (``search.registry.PageAdapter``)."""
        return {
            "type": "defi",
            "type_label": str(_("Défi")),
            "site": self.venue.territory if self.venue_id else "",
            "year": self.edition.year if self.edition_id else None,
            # Sorted by date, a défi of 2017 comes with 2017.
            **(
                {"date": as_datetime(self.edition.reference_date)}
                if self.edition_id
                else {}
            ),
        }

    def label(self):
        """« Défi 3 » when numbered."""
        return _("Défi %(n)s") % {"n": self.number} if self.number else _("Défi")

    def _read_related_at_once(self, exposition_model):
        """The édition, the site and the exposition in one query (three
        otherwise); the exposition, or ``None``. A preview keeps its own
        édition and site."""
        row = (
            type(self)
            .objects.filter(pk=self.pk)
            .select_related("edition", "venue", "exposition")
            .only("pk", "edition", "venue", "exposition")
            .first()
            if self.pk
            else None
        )
        if row is None:
            return exposition_model.objects.filter(challenge=self).first()
        if row.edition_id == self.edition_id:
            self.edition = row.edition
        if row.venue_id == self.venue_id:
            self.venue = row.venue
        try:
            return row.exposition
        except exposition_model.DoesNotExist:
            return None

    def _people(self):
        # Holders and facilitators come from one read of the people.
        people = getattr(self, "_people_read", None)
        if people is None:
            people = self._people_read = list(self.people.all())
        return people

    def holders(self):
        return [p for p in self._people() if p.role == ChallengeRole.HOLDER]

    def facilitators(self):
        return [p for p in self._people() if p.role == ChallengeRole.FACILITATOR]

    # --- Routes: the team's progress, the status, follow-up news ----------------

    @path("avancement/", name="progress")
    def progress(self, request):
        from ..views import progress

        return progress(request, self)

    @path("statut/", name="status")
    def change_status(self, request):
        from ..views import change_status

        return change_status(request, self)

    @path("nouvelles/", name="news")
    def add_news(self, request):
        from ..views import add_news

        return add_news(request, self)

    def route_url(self, name):
        return self.url + self.reverse_subpage(name)


class ChallengePerson(Orderable):
    """A porteur or facilitateur of a défi: a member, or a role in an organisation."""

    challenge = ParentalKey(
        ChallengePage, on_delete=models.CASCADE, related_name="people"
    )
    role = models.CharField(_("rôle"), max_length=15, choices=ChallengeRole.choices)
    member = models.ForeignKey(
        "members.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenge_roles",
        verbose_name=_("membre"),
        help_text=_("S'il a un compte : il pourra alors faire avancer le défi."),
    )
    label = models.CharField(
        _("fonction"),
        max_length=200,
        blank=True,
        help_text=_(
            "Sans compte, décrivez la personne par sa fonction "
            "(« DGS », « cheffe de projet ») plutôt que par son nom."
        ),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    panels = [
        FieldPanel("role"),
        FieldPanel("member"),
        FieldPanel("label"),
        FieldPanel("organisation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("porteur ou facilitateur")

    def __str__(self):
        who = str(self.member) if self.member_id else self.label
        return ", ".join(part for part in (who, self.organisation) if part)


class ChallengeRelatedResource(Orderable):
    """A resource page (rôle, méthode, glossaire, document) useful for the défi."""

    challenge = ParentalKey(
        ChallengePage, on_delete=models.CASCADE, related_name="related_resources"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",  # resources do not list the défis that cite them
        verbose_name=_("ressource"),
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource liée")

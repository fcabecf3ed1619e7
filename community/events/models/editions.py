"""Éditions: the ``/evenements/`` section, each édition with its sites, dates and
preparation timeline. Sessions (the programme) hang from an édition."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.dates import as_datetime
from home.mixins import IndexPageMixin
from home.page_forms import PageForm

from ..choices import EditionKind


class EventIndexPage(IndexPageMixin, Page):
    """The ``/evenements/`` section: éditions, programmes, calls."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "events.EditionPage",
        "events.CallForContributionsPage",
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des événements")

    def child_pages(self, request):
        # Éditions and calls have their own sections (get_context); the
        # paginated cards list the section's other pages.
        from .calls import CallForContributionsPage

        return (
            self.get_children()
            .live()
            .public()
            .not_type((EditionPage, CallForContributionsPage))
            .specific()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = EditionPage.objects.child_of(self).live().public()
        context["editions"] = editions.order_by("-year", "title")
        from .calls import CallForContributionsPage

        context["calls"] = (
            CallForContributionsPage.objects.child_of(self)
            .live()
            .public()
            .order_by("-deadline")
        )
        return context


class EditionPage(RoutablePageMixin, Page):
    """An édition of the université (or a one-day event): theme, sites, dates,
    preparation timeline and programme."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    kind = models.CharField(
        _("type d'événement"),
        max_length=20,
        choices=EditionKind.choices,
        default=EditionKind.UNIVERSITY,
    )
    year = models.PositiveSmallIntegerField(_("année"))
    ordinal = models.PositiveSmallIntegerField(
        _("numéro de l'édition"),
        null=True,
        blank=True,
        help_text=_("Par exemple 3 pour la 3ᵉ édition ; vide pour une journée isolée."),
    )
    theme_title = models.CharField(
        _("thématique"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Expérience usagers : espérance démocratique ? »"),
    )
    intro = RichTextField(
        _("présentation"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Les intentions de l'édition, en quelques lignes."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))
    themes = ParentalManyToManyField(
        "home.Theme", blank=True, related_name="+", verbose_name=_("thèmes")
    )
    teams = ParentalManyToManyField(
        "members.LearningTeam",
        blank=True,
        related_name="editions",
        verbose_name=_("équipes apprenantes"),
        help_text=_("Les équipes apprenantes formées pendant cette édition."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("year"),
                FieldPanel("ordinal"),
                FieldPanel("theme_title"),
                FieldPanel("themes"),
            ],
            heading=_("Édition"),
        ),
        FieldPanel("intro"),
        InlinePanel("sites", label=_("Sites et dates"), min_num=1),
        InlinePanel("milestones", label=_("Préparation : les temps forts")),
        FieldPanel("body"),
        FieldPanel("teams"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("theme_title"),
        index.SearchField("intro"),
        index.SearchField("body"),
        # What the page shows besides: thèmes, sites and places, the timeline.
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields(
            "sites",
            [
                index.RelatedFields("venue", [index.SearchField("name")]),
                index.SearchField("place"),
            ],
        ),
        index.RelatedFields(
            "milestones",
            [
                index.SearchField("date_label"),
                index.SearchField("title"),
                index.SearchField("description"),
            ],
        ),
        index.FilterField("year"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")

    def __str__(self):
        return self.title

    def search_facets(self):
        """Facets for the site search (``search.registry.PageAdapter``); its
        date is the édition's, not the day the page was last published."""
        return {
            "type": "edition",
            "type_label": str(_("Édition")),
            "year": self.year,
            "date": as_datetime(self.reference_date),
        }

    # --- The sites and dates ------------------------------------------------

    def site_list(self):
        """The édition's sites with their venues, in editorial order."""
        return list(self.sites.select_related("venue").order_by("sort_order"))

    def site_for(self, venue):
        return self.sites.filter(venue=venue).first()

    @property
    def start_date(self):
        dates = [s.start_date for s in self.site_list() if s.start_date]
        return min(dates) if dates else None

    @property
    def end_date(self):
        dates = [s.end_date for s in self.site_list() if s.end_date]
        return max(dates) if dates else None

    @property
    def reference_date(self):
        """The day the édition is dated by: its first day, or, when its sites
        have no dates yet, 1 July of its year (the université d'été meets in
        July). Content of the édition (défis, its page) is dated by it."""
        return self.start_date or date(self.year, 7, 1)

    @property
    def last_date(self):
        return self.end_date or self.reference_date

    # --- Routes: overview, programme per site, sessions, iCal ------------------

    @path("", name="overview")
    def overview(self, request):
        from ..views.programme import edition_overview

        return edition_overview(request, self)

    @path("programme/<slug:venue_slug>/", name="programme")
    def programme(self, request, venue_slug):
        from ..views.programme import programme

        return programme(request, self, venue_slug)

    # Wagtail serves paths made of slugs ending with "/": no ".ics" suffix here.
    @path("ical/", name="programme_ics")
    def programme_ics(self, request):
        from ..views.calendars import edition_calendar

        return edition_calendar(request, self)

    @path("programme/<slug:venue_slug>/ical/", name="venue_programme_ics")
    def venue_programme_ics(self, request, venue_slug):
        from ..views.calendars import edition_calendar

        return edition_calendar(request, self, venue_slug)

    @path("sessions/<int:session_id>/", name="session")
    def session(self, request, session_id):
        from ..views.programme import session_detail

        return session_detail(request, self, session_id)

    @path("sessions/<int:session_id>/inscription/", name="register")
    def register(self, request, session_id):
        from ..views.programme import register

        return register(request, self, session_id)

    @path("sessions/<int:session_id>/desinscription/", name="cancel")
    def cancel(self, request, session_id):
        from ..views.programme import cancel

        return cancel(request, self, session_id)

    @path("sessions/<int:session_id>/ical/", name="session_ics")
    def session_ics(self, request, session_id):
        from ..views.calendars import session_calendar

        return session_calendar(request, self, session_id)

    def route_url(self, name, *args, **kwargs):
        return self.url + self.reverse_subpage(name, args=args, kwargs=kwargs)


class EditionSite(Orderable):
    """A site of an édition, with its own dates and place."""

    edition = ParentalKey(EditionPage, on_delete=models.CASCADE, related_name="sites")
    venue = models.ForeignKey(
        "events.Venue",
        on_delete=models.PROTECT,
        related_name="edition_sites",
        verbose_name=_("site"),
    )
    start_date = models.DateField(_("premier jour"), null=True, blank=True)
    end_date = models.DateField(
        _("dernier jour"),
        null=True,
        blank=True,
        help_text=_("Le même jour que le premier pour une journée."),
    )
    place = models.CharField(
        _("lieu"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « Maison des associations »."),
    )

    panels = [
        FieldPanel("venue"),
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("place"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("site de l'édition")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "venue"], name="unique_edition_venue"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date"))
                | models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True),
                name="edition_site_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.edition} — {self.venue}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Le dernier jour ne peut pas précéder le premier.")}
            )

    def contains(self, day):
        """Whether ``day`` (a date) falls within this site's dates, when known."""
        if self.start_date and day < self.start_date:
            return False
        return not (self.end_date and day > self.end_date)


class EditionMilestone(Orderable):
    """A step of the preparation timeline (réunion de lancement, ateliers, bilan)."""

    edition = ParentalKey(
        EditionPage, on_delete=models.CASCADE, related_name="milestones"
    )
    date = models.DateField(
        _("date"), help_text=_("Pour une période, son premier jour (sert au tri).")
    )
    date_label = models.CharField(
        _("date en toutes lettres"),
        max_length=80,
        blank=True,
        help_text=_("Pour une date approximative : « mi-septembre », « juin »…"),
    )
    title = models.CharField(_("étape"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("date_label"),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("temps fort de la préparation")

    def __str__(self):
        return self.title

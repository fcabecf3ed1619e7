"""Home page, generic pages, themes and the site shell's settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES, BodyBlock
from .choices import AccessibilityStatus
from .page_forms import PageForm


class Theme(index.Indexed, models.Model):
    """A *grande mutation*: the themes that défis, resources and members share."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Une ou deux phrases qui disent ce que recouvre ce thème."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("ordre"),
        default=0,
        help_text=_("Les thèmes s'affichent du plus petit au plus grand."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name


class HomePage(Page):
    """The e-communauté's front door: what it is, its themes, what is new."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("présentation"),
        help_text=_("Ce qu'est l'e-communauté, en quelques phrases."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))
    latest_count = models.PositiveSmallIntegerField(
        _("nombre de nouveautés par rubrique"), default=3
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("latest_count")], heading=_("Nouveautés")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("grandes_mutations"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request, path_components):
        # Every page of the site is routed from here: its ancestors in one read.
        from .pages import route_in_one_read

        if not path_components:
            return super().route(request, path_components)
        return route_in_one_read(self, request, path_components)

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = Theme.objects.all()
        context["latest"] = self.latest_by_section()
        return context

    def grandes_mutations(self):
        """The themes the page presents, names and descriptions, one a line
        (indexed with the page: « écologique » finds it)."""
        return "\n".join(
            f"{theme.name}\n{theme.description}" for theme in Theme.objects.all()
        )

    def latest_by_section(self):
        """The newest live public pages under each menu section, newest first.

        Sections are the home page's children shown in menus; whatever a later
        app publishes there (défis, resources, discussions) appears here without
        the home app knowing its models.
        """
        # public() reads the view restrictions once; derived querysets reuse it.
        visible = Page.objects.live().public()
        latest = []
        for section in visible.child_of(self).in_menu():
            pages = list(
                visible.descendant_of(section).order_by("-first_published_at")[
                    : self.latest_count
                ]
            )
            if pages:
                latest.append((section, pages))
        return latest


class StandardPage(Page):
    """A generic page: about, accessibility statement, legal notice, privacy."""

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    intro = models.TextField(
        _("chapeau"), blank=True, help_text=_("Résumé affiché sous le titre.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("contenu"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("page standard")


@register_setting(icon="site")
class ShellSettings(BaseSiteSetting):
    """Pages that the header and footer link to on every page."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",  # no reverse accessor needed on every page
        verbose_name=_("déclaration d'accessibilité"),
    )
    legal_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("mentions légales"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("données personnelles"),
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("conditions d'utilisation"),
        help_text=_(
            "Liée depuis le pied de page et la case à cocher de l'inscription."
        ),
    )
    accessibility_status = models.CharField(
        _("état de conformité RGAA"),
        max_length=20,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NONE,
        help_text=_(
            "Mention obligatoire du pied de page ; ne la changez qu'après un audit."
        ),
    )
    organiser = models.CharField(
        _("organisateur"),
        max_length=200,
        blank=True,
        help_text=_("Affiché dans le pied de page, par exemple « CNFPT — INET »."),
    )

    panels = [
        FieldPanel("accessibility_page"),
        FieldPanel("legal_page"),
        FieldPanel("privacy_page"),
        FieldPanel("terms_page"),
        FieldPanel("accessibility_status"),
        FieldPanel("organiser"),
    ]

    class Meta:
        verbose_name = _("habillage du site")


class PeriodicJobRun(models.Model):
    """When each periodic job of ``home.scheduler`` last ran, and how it went.

    Kept in the database so that a restarted scheduler does not run a job
    early, and so that two schedulers started by mistake never run the same
    job twice in one period (a run is claimed by a conditional update).
    """

    name = models.CharField(_("tâche"), max_length=100, unique=True)
    last_run_at = models.DateTimeField(_("dernier lancement"), null=True, blank=True)
    last_success_at = models.DateTimeField(
        _("dernière réussite"), null=True, blank=True
    )
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        verbose_name = _("tâche périodique")
        verbose_name_plural = _("tâches périodiques")

    def __str__(self):
        return self.name

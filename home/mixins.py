"""Page mixins shared by the apps' pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .blocks import RICH_TEXT_FEATURES
from .page_forms import PageForm
from .pagination import paginate


class IndexPageMixin(models.Model):
    """A section page that introduces itself and lists its live, public children.

    Subclasses narrow ``child_pages()`` (e.g. to their own child type, with
    filters) and keep the pagination and template context that pages share.
    """

    # Wagtail's form, plus a go-live date that must lie ahead.
    base_form_class = PageForm

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("Introduction"),
        help_text=_("Quelques lignes affichées en haut de la page, avant la liste."),
    )

    per_page = 12

    content_panels = [FieldPanel("intro")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True

    def child_pages(self, request):
        return self.get_children().live().public().specific().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = paginate(
            request, self.child_pages(request), self.per_page
        )
        return context

"""The ``/communaute/`` section page."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.mixins import IndexPageMixin


class CommunityIndexPage(IndexPageMixin, Page):
    """The ``/communaute/`` section: the e-communautés and their members."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil de la communauté")

    def get_context(self, request, *args, **kwargs):
        from .communities import Community

        context = super().get_context(request, *args, **kwargs)
        from ..policy import known_to

        # Restricted communities are listed (one may ask to join); secret ones
        # only to their members.
        context["communities"] = known_to(
            Community.objects.all(), request.user
        ).order_by("kind", "name")
        return context

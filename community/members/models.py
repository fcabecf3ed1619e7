"""Members and spaces.

For now the ``/communaute/`` section page; the members issue adds profiles,
communities, learning teams and the permission policy here.
"""

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

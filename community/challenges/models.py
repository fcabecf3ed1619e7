"""Défis: the ``/defis/`` section page; the défis issue adds ChallengePage."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.mixins import IndexPageMixin


class ChallengeIndexPage(IndexPageMixin, Page):
    """The ``/defis/`` section listing the défis of every édition."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("accueil des défis")

"""Événements: the ``/evenements/`` section page; the events issue adds éditions,
programmes and calls for contributions."""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.mixins import IndexPageMixin


class EventIndexPage(IndexPageMixin, Page):
    """The ``/evenements/`` section: éditions, programmes, calls."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des événements")

"""Members and spaces.

The user model and the ``/communaute/`` section page; the members issue adds
profiles, communities, learning teams and the permission policy here.
"""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.mixins import IndexPageMixin


class User(AbstractUser):
    """A member's account: members sign in with their e-mail address and are
    shown by their display name, never by a username they never chose."""

    email = models.EmailField(_("adresse électronique"), unique=True)
    display_name = models.CharField(
        _("nom affiché"),
        max_length=150,
        blank=True,
        help_text=_("Le nom sous lequel les autres membres vous voient."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("membre")
        verbose_name_plural = _("membres")

    def __str__(self):
        return self.get_short_name()

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0] or self.username

    def get_full_name(self):
        return self.display_name or super().get_full_name() or self.get_short_name()


class CommunityIndexPage(IndexPageMixin, Page):
    """The ``/communaute/`` section: the e-communautés and their members."""

    content_panels = Page.content_panels + IndexPageMixin.content_panels
    search_fields = Page.search_fields + IndexPageMixin.search_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil de la communauté")

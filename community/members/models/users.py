"""Accounts, profiles with per-field visibility, and recorded consent."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.territories import territory_choices

from ..choices import EmploymentFramework, Visibility

# Profile fields whose visibility the member chooses, with their default.
VISIBLE_FIELDS = {
    "job_title": Visibility.MEMBERS,
    "organisation": Visibility.MEMBERS,
    "employment_framework": Visibility.MEMBERS,
    "territory": Visibility.MEMBERS,
    "bio": Visibility.MEMBERS,
    "avatar": Visibility.MEMBERS,
    "interests": Visibility.MEMBERS,
    "links": Visibility.MEMBERS,
}

DELETED_MEMBER_NAME = _("Membre supprimé")


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
    is_deleted = models.BooleanField(
        _("compte supprimé"),
        default=False,
        help_text=_(
            "Compte effacé à la demande du membre ; ses contributions "
            "conservées apparaissent sous « Membre supprimé »."
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("membre")
        verbose_name_plural = _("membres")

    def __str__(self):
        return self.get_short_name()

    def get_short_name(self):
        if self.is_deleted:
            return str(DELETED_MEMBER_NAME)
        return self.display_name or self.email.split("@")[0] or self.username

    def get_full_name(self):
        return self.get_short_name()


def avatar_path(instance, filename):
    # A random name: the original file name may carry personal data.
    import uuid

    return f"avatars/{uuid.uuid4().hex}.jpg"


class Profile(models.Model):
    """What a member tells about themselves, each field with its own visibility."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    organisation = models.CharField(
        _("collectivité ou organisation"), max_length=200, blank=True
    )
    employment_framework = models.CharField(
        _("cadre d'emplois"),
        max_length=30,
        choices=EmploymentFramework.choices,
        blank=True,
    )
    territory = models.CharField(
        _("territoire ou site"),
        max_length=30,
        choices=territory_choices,
        blank=True,
    )
    bio = models.TextField(_("présentation"), max_length=800, blank=True)
    avatar = models.ImageField(_("photo"), upload_to=avatar_path, blank=True)
    interests = models.ManyToManyField(
        "home.Theme", blank=True, related_name="+", verbose_name=_("centres d'intérêt")
    )
    job_title_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    organisation_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    employment_framework_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    territory_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    bio_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    avatar_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    interests_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    links_visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profils")

    def __str__(self):
        return str(self.user)

    def visibility_of(self, field_name):
        return getattr(self, f"{field_name}_visibility")


class ProfileLink(models.Model):
    """A link a member shares on their profile (site, network, publication)."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("libellé"), max_length=80)
    url = models.URLField(_("adresse"), max_length=300)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("lien")

    def __str__(self):
        return self.label


class TermsConsent(models.Model):
    """A member's acceptance of a version of the terms, with its time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    version = models.CharField(_("version des conditions"), max_length=20)
    accepted_at = models.DateTimeField(_("acceptées le"), auto_now_add=True)

    class Meta:
        ordering = ["-accepted_at"]
        verbose_name = _("consentement aux conditions")
        verbose_name_plural = _("consentements aux conditions")

    def __str__(self):
        return f"{self.user} — {self.version}"

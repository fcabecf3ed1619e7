"""The programme: sessions of an édition at a site, registrations to them, and
members' private calendar links.

Times are stored in UTC (``USE_TZ``); each session is shown in Paris time and,
for overseas sites, in the site's local time too.
"""

import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..choices import ChallengeStep, RegistrationStatus, SessionKind, TeamMoment

PARIS = ZoneInfo("Europe/Paris")


class SessionQuerySet(models.QuerySet):
    def for_edition(self, edition):
        return self.filter(edition=edition)

    def at(self, venue):
        return self.filter(venue=venue)

    def with_counts(self):
        """Annotate confirmed and waiting registrations (one query for a list)."""
        return self.annotate(
            confirmed_count=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
            ),
            waiting_count=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.WAITING),
            ),
        )


class Session(index.Indexed, models.Model):
    """A slot of an édition's programme at one site: plénière, défis, mini-conférence…"""

    edition = models.ForeignKey(
        "events.EditionPage",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("édition"),
    )
    venue = models.ForeignKey(
        "events.Venue",
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("site"),
    )
    kind = models.CharField(
        _("type"),
        max_length=20,
        choices=SessionKind.choices,
        default=SessionKind.PLENARY,
    )
    step = models.PositiveSmallIntegerField(
        _("étape des défis"),
        choices=ChallengeStep.choices,
        null=True,
        blank=True,
        help_text=_("Pour une session « Défis » : l'étape travaillée."),
    )
    team_moment = models.PositiveSmallIntegerField(
        _("moment des équipes apprenantes"),
        choices=TeamMoment.choices,
        null=True,
        blank=True,
    )
    title = models.CharField(_("titre"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    speakers = models.TextField(
        _("intervenants"),
        blank=True,
        help_text=_(
            "Un par ligne, désigné par son rôle et son organisation "
            "(par exemple « Sociologue, spécialiste du changement »)."
        ),
    )
    place = models.CharField(
        _("salle ou espace"),
        max_length=150,
        blank=True,
        help_text=_("Où se tient la session sur le site."),
    )
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        help_text=_(
            "Laissez vide pour une session sans inscription. Au-delà, les membres "
            "peuvent rejoindre une liste d'attente."
        ),
    )
    waiting_list = models.BooleanField(
        _("liste d'attente"),
        default=True,
        help_text=_(
            "Quand une place se libère, la première personne en attente est "
            "inscrite et prévenue par courriel."
        ),
    )

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("edition"),
        FieldPanel("venue"),
        FieldPanel("title"),
        FieldRowPanel(
            [FieldPanel("kind"), FieldPanel("step"), FieldPanel("team_moment")]
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading=_("Horaires, dans le fuseau horaire du site"),
        ),
        FieldPanel("place"),
        FieldPanel("description"),
        FieldPanel("speakers"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("speakers"),
        index.SearchField("place"),
        index.RelatedFields("venue", [index.SearchField("name")]),
        index.RelatedFields("edition", [index.SearchField("title")]),
        index.FilterField("edition"),
        index.FilterField("venue"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["start", "venue__sort_order", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="session_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["edition", "venue", "start"])]

    def __str__(self):
        if not (self.venue_id and self.start):
            return self.title
        return f"{self.title} ({date_format(self.local_start, 'j F Y, H:i')})"

    def get_absolute_url(self):
        return self.edition.route_url("session", self.pk)

    # --- Validation: the bad inputs of the issue ------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin de la session doit venir après son début.")
        if self.edition_id and self.venue_id and self.start and self.end:
            problem = self._outside_edition()
            if problem:
                errors["start"] = problem
        if self.pk and self.capacity is not None:
            confirmed = self.registrations.filter(
                status=RegistrationStatus.CONFIRMED
            ).count()
            if self.capacity < confirmed:
                errors["capacity"] = _(
                    "%(count)s personnes sont déjà inscrites : la capacité ne peut "
                    "pas descendre en dessous."
                ) % {"count": confirmed}
        if errors:
            raise ValidationError(errors)

    def _outside_edition(self):
        site = self.edition.sites.filter(venue_id=self.venue_id).first()
        if site is None:
            return _("Ce site ne fait pas partie de l'édition « %(edition)s ».") % {
                "edition": self.edition.title
            }
        tz = self.venue.tzinfo
        first = timezone.localtime(self.start, tz).date()
        last = timezone.localtime(self.end, tz).date()
        if site.start_date or site.end_date:
            if site.contains(first) and site.contains(last):
                return None
        elif first.year == last.year == self.edition.year:
            return None
        if site.start_date and site.end_date:
            return _(
                "La session doit avoir lieu pendant l'édition sur ce site, du "
                "%(start)s au %(end)s."
            ) % {
                "start": date_format(site.start_date, "j F Y"),
                "end": date_format(site.end_date, "j F Y"),
            }
        return _("La session doit avoir lieu pendant l'édition (%(year)s).") % {
            "year": self.edition.year
        }

    # --- Times -----------------------------------------------------------------

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.venue.tzinfo)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.venue.tzinfo)

    @property
    def paris_start(self):
        return timezone.localtime(self.start, PARIS)

    @property
    def paris_end(self):
        return timezone.localtime(self.end, PARIS)

    @property
    def has_registration(self):
        return self.capacity is not None

    @property
    def places_left(self):
        """Free places, using the annotation of ``with_counts()`` when present."""
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(
                status=RegistrationStatus.CONFIRMED
            ).count()
        return max(self.capacity - confirmed, 0)

    @property
    def is_past(self):
        return self.end <= timezone.now()

    def speaker_lines(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by(
            "requested_at", "pk"
        )

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class Registration(models.Model):
    """A member's place (or place in the waiting list) in a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_registrations",
        verbose_name=_("membre"),
    )
    status = models.CharField(
        _("état"), max_length=12, choices=RegistrationStatus.choices
    )
    requested_at = models.DateTimeField(
        _("demandée le"),
        default=timezone.now,
        help_text=_("L'ordre de la liste d'attente suit cette date."),
    )
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    promoted = models.BooleanField(
        _("inscrite depuis la liste d'attente"), default=False
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="one_registration_per_member"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "requested_at"])]

    def __str__(self):
        return f"{self.user} — {self.session.title} ({self.get_status_display()})"


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A member's secret address for subscribing to « mon programme » from a
    calendar application (which cannot log in); regenerating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lien d'agenda privé")

    def __str__(self):
        return str(self.user)

    def regenerate(self):
        self.token = new_calendar_token()
        self.save(update_fields=["token"])

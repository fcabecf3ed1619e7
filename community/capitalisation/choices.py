from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What an evaluation is about."""

    SESSION = "session", _("Session")
    CHALLENGE = "defi", _("Atelier du défi")
    EDITION = "edition", _("Édition")


class ComeBack(models.TextChoices):
    YES = "oui", _("Oui")
    MAYBE = "peut-etre", _("Peut-être")
    NO = "non", _("Non")


SATISFACTION_LABELS = {
    1: _("1 — pas du tout satisfait"),
    2: _("2 — peu satisfait"),
    3: _("3 — moyennement satisfait"),
    4: _("4 — satisfait"),
    5: _("5 — très satisfait"),
}

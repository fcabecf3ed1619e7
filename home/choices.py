from django.db import models
from django.utils.translation import gettext_lazy as _


class CalloutStyle(models.TextChoices):
    INFO = "info", _("Information")
    TIP = "tip", _("Conseil")
    WARNING = "warning", _("Attention")


class AccessibilityStatus(models.TextChoices):
    """The compliance mention that RGAA requires in every page's footer."""

    NONE = "non", _("non conforme")
    PARTIAL = "partiellement", _("partiellement conforme")
    FULL = "totalement", _("totalement conforme")

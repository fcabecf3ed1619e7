"""The admin form of every page of the site (``base_form_class``).

Wagtail accepts a go-live date in the past and then publishes at once, which
an editor who meant to schedule does not expect: the form refuses it with a
French sentence. A date already stored (a page that went live as scheduled)
is not checked again when the page is edited.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

PAST_GO_LIVE = _(
    "La date de publication programmée est déjà passée : choisissez une date et "
    "une heure à venir, ou videz le champ pour publier tout de suite."
)


def refuse_past_go_live(form):
    go_live_at = form.cleaned_data.get("go_live_at")
    if (
        go_live_at
        and "go_live_at" in form.changed_data
        and go_live_at <= timezone.now()
    ):
        form.add_error("go_live_at", PAST_GO_LIVE)


class PageForm(WagtailAdminPageForm):
    """Wagtail's page form, plus a go-live date that must lie ahead."""

    def clean(self):
        cleaned_data = super().clean()
        refuse_past_go_live(self)
        return cleaned_data

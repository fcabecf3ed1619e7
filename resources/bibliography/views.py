"""Admin views: import a BibTeX or RIS file in three steps (upload, preview,
confirm). The parsed file waits in the session between the steps, under a
random token: the confirm step re-posts only that token, never the data."""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import ConfirmImportForm, ImportForm
from .importers import ImportFileError, parse_file
from .models import BibliographyIndexPage
from .plan import apply_plan, build_plan, summary

SESSION_KEY = "bibliography_import"


def import_permissions(request):
    """The library, and whether the user may publish there; 403 unless the
    user may add references to it."""
    library = BibliographyIndexPage.objects.first()
    if library is None:
        raise Http404(_("Aucune bibliographie n'existe encore."))
    permissions = library.permissions_for_user(request.user)
    if not permissions.can_add_subpage():
        raise PermissionDenied
    return library, permissions.can_publish_subpage()


def import_upload(request):
    library, can_publish = import_permissions(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            parsed = parse_file(upload.name, upload.read())
        except ImportFileError as exc:
            error = str(exc)
        else:
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {
                "token": token,
                "filename": upload.name,
                "format": parsed.format,
                "records": parsed.records,
                "warnings": parsed.warnings,
            }
            return redirect(reverse("bibliography_import_preview") + f"?token={token}")
    return TemplateResponse(
        request,
        "bibliography/admin/import_upload.html",
        {"form": form, "error": error, "library": library, "can_publish": can_publish},
        status=400 if error or form.errors else 200,
    )


def stored_import(request, token):
    stored = request.session.get(SESSION_KEY)
    if not stored or not token or not secrets.compare_digest(stored["token"], token):
        return None
    return stored


def import_preview(request):
    library, can_publish = import_permissions(request)
    token = request.POST.get("token") or request.GET.get("token")
    stored = stored_import(request, token)
    if stored is None:
        messages.warning(
            request,
            _(
                "Cet aperçu n'est plus disponible (il a déjà été importé ou a "
                "expiré). Envoyez le fichier de nouveau."
            ),
        )
        return redirect("bibliography_import")
    if request.method == "POST":
        form = ConfirmImportForm(request.POST)
        if form.is_valid():
            # The plan is built again: the library may have changed since.
            counts = apply_plan(
                build_plan(stored["records"], library), library, request.user
            )
            del request.session[SESSION_KEY]
            messages.success(request, done_message(counts, can_publish))
            return redirect("wagtailadmin_explore", library.pk)
    plan = build_plan(stored["records"], library)
    return TemplateResponse(
        request,
        "bibliography/admin/import_preview.html",
        {
            "library": library,
            "can_publish": can_publish,
            "stored": stored,
            "plan": plan,
            "counts": summary(plan),
            "form": ConfirmImportForm(initial={"token": token}),
        },
    )


def done_message(counts, can_publish):
    created = (
        _("%(count)s référence(s) créée(s) et publiée(s)")
        if can_publish
        else _("%(count)s référence(s) créée(s) en brouillon et soumise(s) à relecture")
    ) % {"count": counts["create"]}
    return _(
        "Import terminé : %(created)s, %(updated)s mise(s) à jour, "
        "%(unchanged)s inchangée(s), %(duplicates)s doublon(s) ignoré(s)."
    ) % {
        "created": created,
        "updated": counts["update"],
        "unchanged": counts["unchanged"],
        "duplicates": counts["duplicate"],
    }

"""RGPD: download my data, delete my account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..forms import DeleteAccountForm
from ..personal_data import erase_member, export_member_data


@login_required
def my_data(request):
    if request.method == "POST":
        data = export_member_data(request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="mes-donnees-{stamp}.json"'
        )
        return response
    return render(request, "members/my_data.html")


@login_required
def delete_account(request):
    if request.method == "POST":
        form = DeleteAccountForm(request.POST, user=request.user)
        if form.is_valid():
            user = request.user
            erase_member(
                user, form.cleaned_data["contributions"] == DeleteAccountForm.DELETE
            )
            logout(request)
            messages.success(
                request,
                _("Votre compte est supprimé et vos données personnelles effacées."),
            )
            return redirect("/")
    else:
        form = DeleteAccountForm(user=request.user)
    return render(request, "members/delete_account.html", {"form": form})

"""What scripts/scale needs in its database (runs inside Django, through
``load.django_call(..., module="scale_fixture")``): three accounts with a
known password (the member with a photo), and an editor's draft of a défi to
publish through a node."""

import io

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model

from allauth.account.models import EmailAddress
from django_tasks_db.models import DBTaskResult
from PIL import Image

from community.challenges.models import ChallengePage
from community.members.models import Profile, User

ACCOUNTS = {
    "editor": "scale-editrice@example.org",
    "member": "scale-membre@example.org",
    "target": "scale-cible@example.org",
}


def accounts(password):
    """The proof's accounts (an administrator, a member, the target of the
    rate-limit phase), each with ``password`` and a verified address."""
    out = {}
    for role, email in ACCOUNTS.items():
        user = User.objects.filter(email=email).first() or User(
            email=email, username=email, display_name=f"Preuve {role}"
        )
        user.is_staff = user.is_superuser = role == "editor"
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        profile, _created = Profile.objects.get_or_create(user=user)
        if role == "member" and not profile.avatar:
            # A photo in the object store: its page must render without it
            # when the store is down.
            jpeg = io.BytesIO()
            Image.new("RGB", (128, 128), (0, 99, 203)).save(jpeg, "JPEG")
            profile.avatar.save("avatar.jpg", ContentFile(jpeg.getvalue()))
        out[role] = email
    out["member_page"] = reverse(
        "members:member", args=[User.objects.get(email=ACCOUNTS["member"]).pk]
    )
    return out


def draft():
    """A draft of the first défi with a new title, not yet published."""
    page = ChallengePage.objects.live().order_by("pk").first()
    base = page.title.split(" — ")[0]
    page.title = f"{base} — révisé à {timezone.now():%H:%M:%S}"
    page.save_revision()
    return {
        "id": page.pk,
        "url": page.url,
        "title": page.title,
        "listing": page.get_parent().url,
    }


def drop_queued_tasks():
    """The tasks queued so far (the seeding's indexing), without running them."""
    return DBTaskResult.objects.all().delete()[0]


def documents(*titles):
    """How many documents bear each of ``titles``."""
    return [
        get_document_model().objects.filter(title=title).count() for title in titles
    ]

"""The one e-mail sender: every notification of the product goes through it.

Templates come in pairs, ``<name>_subject.txt`` and ``<name>_message.txt``;
the subject is prefixed with the site's name, as allauth's e-mails are.
"""

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(template_name, recipients, context=None, language="fr"):
    """Render and send one e-mail to ``recipients`` (a list of addresses)."""
    site = Site.objects.get_current()
    context = {
        "site_name": site.name,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        **(context or {}),
    }
    with translation.override(language):
        subject = render_to_string(f"{template_name}_subject.txt", context).strip()
        body = render_to_string(f"{template_name}_message.txt", context)
    return send_mail(
        f"[{site.name}] {' '.join(subject.split())}",
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )

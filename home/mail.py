"""The one e-mail sender: every notification of the product goes through it.

``send_templated_mail(template_name, recipients, context)`` renders the mail
at once (the objects it names are read now, inside the caller's transaction)
and sends it through the tasks queue (``home.tasks.send_mail_task``) **after
the transaction commits**: a change rolled back sends nothing, and a slow mail
server never slows a page down. Callers need no ``on_commit`` of their own.

Templates come in pairs, ``<name>_subject.txt`` and ``<name>_message.txt``,
plus an optional ``<name>_message.html`` sent as the HTML alternative. The
``.txt`` templates are plain text: rendered **without HTML escaping** (a
proposal titled « L'innovation & nous » arrives as such, not as
``L&#x27;innovation &amp; nous``); the ``.html`` one is escaped as any page.
The subject is one line, prefixed with the site's name, as allauth's e-mails
are. Each recipient gets a message of their own (nobody sees the others'
addresses). ``headers`` adds mail headers (``List-Unsubscribe``…): one line
each, like the subject; ``footer`` is text added after the body (the
notifications' unsubscribe link under an app's own message).
"""

from functools import partial

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import translation


def render_text(template_name, context):
    """A ``.txt`` template rendered as plain text (autoescape off)."""
    # The backend's wrapper always autoescapes; its inner Template takes a
    # Context whose autoescape we choose.
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def render_html(template_name, context):
    """An optional ``.html`` template, escaped; ``None`` when there is none."""
    try:
        template = get_template(template_name)
    except TemplateDoesNotExist:
        return None
    return template.render(context)


def render_mail(template_name, context=None, language="fr"):
    """``{"subject", "body", "html"}`` of the mail ``template_name``."""
    site = Site.objects.get_current()
    context = {
        "site_name": site.name,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        **(context or {}),
    }
    with translation.override(language):
        subject = render_text(f"{template_name}_subject.txt", context)
        body = render_text(f"{template_name}_message.txt", context)
        html = render_html(f"{template_name}_message.html", context)
    # One line: a line break in a header would be refused (or worse, injected).
    subject = " ".join(f"[{site.name}] {subject}".split())
    return {"subject": subject, "body": body, "html": html}


def send_templated_mail(
    template_name, recipients, context=None, language="fr", headers=None, footer=""
):
    """Render the mail now and queue one message per recipient, sent after the
    current transaction commits (at once outside a transaction). Returns the
    number of messages queued."""
    from .tasks import send_mail_task

    message = render_mail(template_name, context, language)
    if footer:
        message["body"] = message["body"].rstrip("\n") + "\n\n" + footer
    if headers:
        message["headers"] = {
            name: " ".join(str(value).split()) for name, value in headers.items()
        }
    addresses = list(dict.fromkeys(address for address in recipients if address))
    for address in addresses:
        transaction.on_commit(
            partial(
                send_mail_task.enqueue,
                **message,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=address,
            ),
            robust=True,
        )
    return len(addresses)

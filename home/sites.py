"""The site's public address, ``BASE_URL``, in every place that builds links.

Wagtail builds absolute page URLs (``sitemap.xml``, the API's ``html_url``,
``Page.get_full_url``) from its default ``Site``'s hostname and port; Django's
feeds and allauth's e-mails from ``django.contrib.sites``' domain; the
project's e-mails, iCal files and Wagtail's admin e-mails from the
``WAGTAILADMIN_BASE_URL`` setting, read from ``BASE_URL``. ``sync_sites()``
makes the first two agree with the third: ``manage.py sync_site`` runs it, and
so does ``seed_demo``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def base_url():
    """``BASE_URL`` without its trailing slash, e.g. ``http://127.0.0.1:8000``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path):
    """``path`` (``/comptes/…``) on the site's public address."""
    return base_url() + path


def base_url_parts():
    """(scheme, hostname, port, domain) of ``BASE_URL``; ``domain`` carries the
    port only when it is not the scheme's default one."""
    parts = urlsplit(base_url())
    default_port = 443 if parts.scheme == "https" else 80
    port = parts.port or default_port
    hostname = parts.hostname or "localhost"
    domain = hostname if port == default_port else f"{hostname}:{port}"
    return parts.scheme, hostname, port, domain


def sync_sites():
    """Give Wagtail's default Site and Django's current Site the hostname and
    port of ``BASE_URL``; returns what changed (an empty list if nothing)."""
    from django.contrib.sites.models import Site as DjangoSite

    from wagtail.models import Site

    _scheme, hostname, port, domain = base_url_parts()
    changes = []
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        taken = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk)
        if not taken.exists():
            changes.append(
                f"site Wagtail : {site.hostname}:{site.port} → {hostname}:{port}"
            )
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
    django_site = DjangoSite.objects.filter(pk=settings.SITE_ID).first()
    if django_site is not None and django_site.domain != domain:
        changes.append(f"domaine : {django_site.domain} → {domain}")
        django_site.domain = domain
        django_site.save(update_fields=["domain"])
        DjangoSite.objects.clear_cache()
    return changes

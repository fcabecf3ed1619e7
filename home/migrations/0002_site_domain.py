"""django.contrib.sites' Site(1) is created as ``example.com``; allauth puts its
name in e-mail subjects and links, so give it the real name and a local domain
(production changes the domain through the admin or ``BASE_URL``)."""

from django.db import migrations

SITE_NAME = "e-communauté de l'innovation publique territoriale"


def rename_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=1, defaults={"domain": "127.0.0.1:8000", "name": SITE_NAME}
    )


def restore_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.filter(pk=1).update(domain="example.com", name="example.com")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(rename_site, restore_site)]

"""Create the first administrator with a generated password, printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Crée un compte administrateur avec un mot de passe généré, affiché une "
        "seule fois. Ne fait rien si un administrateur existe déjà."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", default="admin@localhost")

    @transaction.atomic
    def handle(self, *args, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "Un compte administrateur existe déjà ; son mot de passe n'est pas "
                "réaffiché.\nPour le changer : .venv/bin/python manage.py "
                "changepassword admin"
            )
            return
        password = secrets.token_urlsafe(15)
        user = User.objects.create_superuser(
            username="admin",
            email=email,
            password=password,
            display_name="Administration du site",
        )
        # Mark the address verified so allauth's mandatory verification lets
        # the administrator log in on the public site too.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Compte administrateur créé — notez ce mot de passe, il ne sera "
                "plus affiché :"
            )
        )
        self.stdout.write(f"  identifiant : admin (ou {email})")
        self.stdout.write(f"  mot de passe : {password}")
        self.stdout.write("(oublié ? .venv/bin/python manage.py changepassword admin)")

"""Accounts through django-allauth: sign-up, verification, login, in French."""

import re

from django.core import mail

import pytest

from community.members.models import TermsConsent, User
from tests.test_settings import run_django

pytestmark = pytest.mark.django_db

SITE_NAME = "e-communauté de l'innovation publique territoriale"


def signup(client, email="nouvelle@example.org", **extra):
    data = {
        "email": email,
        "password1": "un-mot-de-passe-solide",
        "password2": "un-mot-de-passe-solide",
        "display_name": "Nouvelle Membre",
        "accept_terms": "on",
        **extra,
    }
    return client.post("/comptes/signup/", data)


def test_signup_verify_then_login(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="nouvelle@example.org")
    assert user.display_name == "Nouvelle Membre"
    assert TermsConsent.objects.filter(user=user).exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith(f"[{SITE_NAME}]")
    assert "example.com" not in message.subject + message.body
    assert "Confirmez votre adresse" in message.subject  # French, not English
    link = re.search(
        r"https?://[^/\s]+(/comptes/confirm-email/[^\s]+)", message.body
    ).group(1)

    # Not verified yet: logging in is refused with the verification notice.
    client.logout()
    response = client.post(
        "/comptes/login/",
        {"login": "nouvelle@example.org", "password": "un-mot-de-passe-solide"},
    )
    assert "_auth_user_id" not in client.session

    response = client.post(link)
    assert response.status_code == 302
    response = client.post(
        "/comptes/login/",
        {"login": "nouvelle@example.org", "password": "un-mot-de-passe-solide"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/communaute/tableau-de-bord/").status_code == 200


def test_signup_requires_consent_and_keeps_nothing_without_it(client):
    response = signup(client, accept_terms="")
    assert response.status_code == 200
    assert "Vous devez accepter les conditions" in response.content.decode()
    assert not User.objects.filter(email="nouvelle@example.org").exists()
    assert len(mail.outbox) == 0


def test_duplicate_email_is_refused_clearly(client):
    signup(client)
    client.logout()
    mail.outbox.clear()
    response = signup(client, email="NOUVELLE@example.org")
    content = response.content.decode()
    assert User.objects.filter(email__iexact="nouvelle@example.org").count() == 1
    # allauth answers as if it worked (no account enumeration) and mails the owner.
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "déjà" in content


def test_login_page_is_french_and_in_the_shell(client):
    content = client.get("/comptes/login/").content.decode()
    assert '<html lang="fr">' in content
    assert "Menu principal" in content
    assert "Connexion" in content or "Se connecter" in content


def test_mfa_setup_is_offered_to_members(client):
    from community.members.tests.utils import make_user

    client.force_login(make_user())
    response = client.get("/comptes/2fa/")
    assert response.status_code == 200


@pytest.mark.slow
def test_openid_connect_provider_comes_from_the_environment():
    env = {
        "OIDC_CLIENT_ID": "client-id",
        "OIDC_CLIENT_SECRET": "secret",
        "OIDC_SERVER_URL": "https://proconnect.example.org/api/v2",
    }
    result = run_django(
        "config.settings.dev",
        env,
        "app = settings.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS'][0]; "
        "print(app['provider_id'], app['name'], app['client_id'], app['settings']['server_url'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "proconnect",
        "ProConnect",
        "client-id",
        "https://proconnect.example.org/api/v2",
    ]
    missing = run_django(
        "config.settings.dev", {"OIDC_CLIENT_ID": "x"}, "print('started')"
    )
    assert missing.returncode != 0
    assert "OIDC_CLIENT_SECRET" in missing.stderr


def test_without_openid_connect_only_local_accounts(settings, client):
    assert settings.SOCIALACCOUNT_PROVIDERS == {}
    assert client.get("/comptes/login/").status_code == 200

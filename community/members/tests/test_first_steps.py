"""A newcomer's first steps: sign-up with the real conditions, messages that
name people as they chose, demo accounts to try, a readable profile form."""

import re

from django.core import mail

import pytest

from community.members import demo
from community.members.models import User
from community.members.tests.test_accounts import signup
from community.members.tests.utils import make_user

pytestmark = pytest.mark.django_db


def test_the_terms_box_links_to_the_conditions_page(client):
    content = client.get("/comptes/signup/").content.decode()
    link = re.search(r'<a href="([^"]+)"[^>]*>conditions d&#x27;utilisation', content)
    assert link, "the conditions are not linked from the sign-up form"
    conditions = client.get(link.group(1))
    assert conditions.status_code == 200
    assert "<h1>Conditions d&#x27;utilisation</h1>" in conditions.content.decode()
    assert 'href="/donnees-personnelles/"' in content
    # The footer links to them too, on every page.
    assert f'href="{link.group(1)}"' in client.get("/").content.decode()


def test_the_confirmation_email_names_the_display_name_not_a_username(client):
    signup(client, email="agathe.martin@example.org", display_name="Agathe M.")
    user = User.objects.get(email="agathe.martin@example.org")
    [message] = mail.outbox
    assert "Agathe M." in message.body
    # allauth made up a username (« agathe.martin », « agathemartin »…): it
    # appears nowhere but inside the person's own address.
    assert user.username not in message.body.replace(user.email, "")


def test_messages_after_login_use_the_display_name(client):
    user = make_user("zelie")
    user.display_name = "Zélie la facilitatrice"
    user.save()
    response = client.post(
        "/comptes/login/",
        {"login": "zelie@example.org", "password": "motdepasse-solide-42"},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("Zélie la facilitatrice" in m for m in messages), messages
    assert not any("zelie " in m or m.endswith("zelie.") for m in messages), messages


def test_demo_members_cannot_log_in_outside_the_dev_settings():
    camille = User.objects.get(email="camille@demo.example.org")
    assert not camille.has_usable_password()


def test_under_the_dev_settings_demo_members_get_the_demo_password(settings, client):
    settings.DEMO_MEMBER_PASSWORD = "mot-de-passe-de-demo"
    demo.seed(lambda message: None)
    camille = User.objects.get(email="camille@demo.example.org")
    assert camille.check_password("mot-de-passe-de-demo")
    response = client.post(
        "/comptes/login/",
        {"login": "camille@demo.example.org", "password": "mot-de-passe-de-demo"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(camille.pk)
    # Seeding again keeps a password the member changed.
    camille.set_password("un-autre-mot-de-passe")
    camille.save()
    demo.seed(lambda message: None)
    camille.refresh_from_db()
    assert camille.check_password("un-autre-mot-de-passe")


def test_the_profile_form_marks_only_what_is_required_labels_first(client):
    client.force_login(make_user("profil-clair"))
    content = client.get("/comptes/profil/").content.decode()
    # Only the display name must be filled in.
    assert content.count('class="required"') == 1
    assert re.search(r'Nom affiché <span class="required"', content)
    # Every label or legend comes before its control (single checkboxes aside).
    assert content.index("<legend>Centres d&#x27;intérêt") < content.index(
        'name="interests"'
    )
    for control_id in re.findall(r'<label for="([^"]+)"', content):
        control = re.search(rf'<(input|select|textarea)[^>]*id="{control_id}"', content)
        if control and 'type="checkbox"' not in control.group(0):
            label_at = content.index(f'<label for="{control_id}"')
            assert label_at < control.start(), control_id


def test_a_link_needs_a_label_and_an_address_together(client):
    user = make_user("liens-profil")
    client.force_login(user)
    data = {
        "display_name": "Liens",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "5",
    }
    # The empty row is optional.
    assert client.post("/comptes/profil/", data).status_code == 302
    response = client.post(
        "/comptes/profil/", {**data, "links-0-url": "https://example.org"}
    )
    assert response.status_code == 200
    assert "Donnez un libellé à ce lien." in response.content.decode()
    assert not user.profile.links.exists()
    response = client.post(
        "/comptes/profil/",
        {**data, "links-0-label": "Mon site", "links-0-url": "example.org"},
    )
    assert response.status_code == 302
    assert user.profile.links.get().url == "https://example.org"


def test_the_community_index_says_no_empty_section_under_its_list(client):
    content = client.get("/communaute/").content.decode()
    assert "E-communauté nationale" in content
    assert "aucun contenu publié" not in content

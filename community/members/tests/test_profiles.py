"""Profiles: per-field visibility, validation of what members type and upload,
and the members-only directory."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from community.members.choices import Territory, Visibility
from community.members.models import Profile, User
from community.members.tests.utils import make_user

pytestmark = pytest.mark.django_db


def image_file(size=(600, 400), fmt="PNG", name="photo.png"):
    buffer = BytesIO()
    Image.new("RGB", size, (58, 42, 140)).save(buffer, format=fmt)
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type=f"image/{fmt.lower()}"
    )


def profile_data(**overrides):
    data = {
        "display_name": "Camille",
        "job_title": "Cheffe de projet",
        "organisation": "Département",
        "employment_framework": "",
        "territory": Territory.RENNES,
        "bio": "Bonjour",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "5",
        "links-0-label": "",
        "links-0-url": "",
    }
    for name in (
        "job_title",
        "organisation",
        "employment_framework",
        "territory",
        "bio",
        "avatar",
        "interests",
        "links",
    ):
        data[f"{name}_visibility"] = Visibility.MEMBERS
    data.update(overrides)
    return data


def test_member_edits_profile_and_html_is_escaped(client):
    user = make_user()
    client.force_login(user)
    response = client.post(
        "/comptes/profil/",
        profile_data(
            bio="<script>alert(1)</script><b>gras</b>", display_name="<i>Cam</i>"
        ),
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "<i>Cam</i>"
    page = client.get(f"/communaute/membres/{user.pk}/").content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;i&gt;Cam&lt;/i&gt;" in page


def test_field_visibility_both_ways(client):
    owner = make_user("proprietaire")
    Profile.objects.filter(user=owner).update(
        job_title="Fonction publique",
        organisation="Organisation des membres",
        bio="Présentation cachée",
        job_title_visibility=Visibility.PUBLIC,
        organisation_visibility=Visibility.MEMBERS,
        bio_visibility=Visibility.HIDDEN,
    )
    url = f"/communaute/membres/{owner.pk}/"
    anonymous = client.get(url).content.decode()
    assert "Fonction publique" in anonymous
    assert "Organisation des membres" not in anonymous
    assert "Présentation cachée" not in anonymous

    client.force_login(make_user("voisine"))
    member = client.get(url).content.decode()
    assert "Organisation des membres" in member
    assert "Présentation cachée" not in member

    client.force_login(owner)
    assert "Présentation cachée" in client.get(url).content.decode()


def test_avatar_is_checked_by_content_and_resized(client):
    user = make_user()
    client.force_login(user)
    response = client.post("/comptes/profil/", profile_data(avatar=image_file()))
    assert response.status_code == 302
    user.profile.refresh_from_db()
    with user.profile.avatar.open() as stored:
        assert Image.open(stored).size == (256, 256)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile(
                "faux.png", b"not an image at all", content_type="image/png"
            ),
            "pas une image lisible",
        ),
        (
            SimpleUploadedFile(
                "gros.png", b"0" * (2 * 1024 * 1024 + 1), content_type="image/png"
            ),
            "le maximum est 2 Mo",
        ),
    ],
)
def test_bad_avatars_are_refused_and_nothing_is_saved(client, upload, message):
    user = make_user()
    client.force_login(user)
    response = client.post(
        "/comptes/profil/", profile_data(avatar=upload, job_title="Nouvelle")
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    user.profile.refresh_from_db()
    assert user.profile.job_title == ""
    assert not user.profile.avatar


def test_directory_is_for_members_only(client):
    response = client.get("/communaute/membres/")
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")
    client.force_login(make_user())
    assert client.get("/communaute/membres/").status_code == 200


def test_directory_filters_never_match_hidden_fields(client):
    visible = make_user("visible")
    hidden = make_user("cachee")
    Profile.objects.filter(user=visible).update(territory=Territory.CLUNY)
    Profile.objects.filter(user=hidden).update(
        territory=Territory.CLUNY, territory_visibility=Visibility.HIDDEN
    )
    client.force_login(make_user("chercheuse"))
    content = client.get(
        "/communaute/membres/", {"territoire": "cluny"}
    ).content.decode()
    assert f"/communaute/membres/{visible.pk}/" in content
    assert f"/communaute/membres/{hidden.pk}/" not in content


def make_members(count, start=0):
    users = User.objects.bulk_create(
        User(
            username=f"bulk{n}",
            email=f"bulk{n}@example.org",
            display_name=f"Membre {n}",
        )
        for n in range(start, start + count)
    )
    Profile.objects.bulk_create(
        Profile(user=user, organisation="Collectivité") for user in users
    )


def test_directory_query_count_is_constant(client, django_assert_max_num_queries):
    client.force_login(make_user("lectrice"))
    make_members(10)
    with django_assert_max_num_queries(20) as small:
        client.get("/communaute/membres/", {"organisation": "Collectiv"})
    make_members(1000, start=10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/communaute/membres/", {"organisation": "Collectiv"})
    assert "1010 membres" in response.content.decode()

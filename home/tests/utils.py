"""Small builders for tests (rather than big fixtures)."""

from django.contrib.auth import get_user_model

from home.models import StandardPage


def make_user(email="membre@example.org", password="motdepasse-solide", **extra):
    User = get_user_model()
    user = User.objects.create_user(
        username=email, email=email, password=password, **extra
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_standard_page(parent, title="Page de test", slug=None, live=True, **fields):
    page = StandardPage(
        title=title, slug=slug or title.lower().replace(" ", "-"), **fields
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page

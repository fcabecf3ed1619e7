"""How allauth names members and links to the site in its e-mails.

- A member is shown by the name they chose (display name), else by their
  e-mail address: never by the username allauth generates behind the scenes
  (``ACCOUNT_USER_DISPLAY``: « Connexion avec … réussie », e-mails).
- Links in e-mails (address confirmation, password reset) point at the site's
  public address, ``BASE_URL``, whatever host the request came through: a link
  read days later in a mailbox must lead to the real site.
"""

from urllib.parse import quote

from django.urls import reverse

from allauth.account.adapter import DefaultAccountAdapter

from home.sites import absolute_url


def user_display(user):
    if getattr(user, "is_deleted", False):
        return str(user)
    return getattr(user, "display_name", "") or user.email or str(user)


class AccountAdapter(DefaultAccountAdapter):
    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(
            reverse("account_confirm_email", args=[emailconfirmation.key])
        )

    def get_reset_password_from_key_url(self, key):
        path = reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
        )
        return absolute_url(path.replace("UID-KEY", quote(key)))

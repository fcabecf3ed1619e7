"""@mentions: ``@camille-d-12`` names member 12 (the words before the number
only help the reader; the number decides). A mention links to the member's
profile and notifies them only if they may see the post; otherwise it stays
plain text and tells nothing. Erasing an account rewrites the mentions of it."""

import re

from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify

from community.members import policy

MENTION = re.compile(r"(?<![\w@/.])@((?:[a-z0-9]+-)*?(\d+))(?![\w-])")
MAX_MENTIONS = 10
ERASED_HANDLE = "@membre-supprime"
# Text outside tags, links and code: where a mention may become a link.
_TAG = re.compile(r"(<[^>]+>)")
_SKIPPED = {"a", "code", "pre"}


def handle_for(user):
    return f"{slugify(user.get_short_name()) or 'membre'}-{user.pk}"


def mentioned_ids(text):
    ids = []
    for match in MENTION.finditer(text or ""):
        pk = int(match.group(2))
        if pk not in ids:
            ids.append(pk)
    return ids[:MAX_MENTIONS]


def resolve(text, thread):
    """The members ``text`` mentions who may see ``thread``, by id."""
    from community.members.models import User

    ids = mentioned_ids(text)
    if not ids:
        return {}
    users = User.objects.filter(pk__in=ids, is_active=True, is_deleted=False)
    return {user.pk: user for user in users if policy.can_view(user, thread)}


def link_mentions(html, members):
    """Turn mentions of ``members`` ({id: user}) in sanitised ``html`` into
    links to their profiles, outside links and code."""
    if not members:
        return html
    pieces = _TAG.split(str(html))
    depth = 0
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name = piece.strip("</>").split()[0].lower() if piece.strip("</>") else ""
            if name in _SKIPPED:
                depth += -1 if piece.startswith("</") else 1
            continue
        if depth == 0 and "@" in piece:
            pieces[index] = MENTION.sub(lambda m: _link(m, members), piece)
    return "".join(pieces)


def _link(match, members):
    user = members.get(int(match.group(2)))
    if user is None:
        return match.group(0)
    url = reverse("members:member", args=[user.pk])
    return f'<a class="mention" href="{url}">@{escape(user.get_short_name())}</a>'


def neutralise(text, user_id):
    """``text`` with every mention of member ``user_id`` made anonymous."""
    return MENTION.sub(
        lambda m: ERASED_HANDLE if int(m.group(2)) == user_id else m.group(0),
        text or "",
    )

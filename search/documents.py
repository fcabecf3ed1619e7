"""What the search index holds for one item, whatever its back end."""

from dataclasses import dataclass, field
from datetime import datetime

PUBLIC = "public"
AUTHENTICATED = "auth"


def community(pk):
    return f"c:{pk}"


def team(pk):
    return f"t:{pk}"


def user(pk):
    return f"u:{pk}"


def group(pk):
    return f"g:{pk}"


@dataclass
class SearchDocument:
    """One searchable item and who may see it.

    ``audience`` lists the principals allowed to find it: ``public``,
    ``auth`` (any logged-in member), ``c:<id>`` (members of a community),
    ``t:<id>`` (members of a team), ``u:<id>`` (one member), ``g:<id>`` (a group).
    An item whose audience is empty is found by superusers only.
    """

    key: str
    type: str
    type_label: str
    title: str
    url: str
    body: str = ""
    date: datetime | None = None
    themes: list[str] = field(default_factory=list)
    site: str = ""
    year: int | None = None
    communities: list[int] = field(default_factory=list)
    audience: list[str] = field(default_factory=lambda: [PUBLIC])


def principal_tokens(principals):
    """The audience tokens a user with these policy principals carries."""
    if not principals.authenticated:
        return [PUBLIC]
    return [
        PUBLIC,
        AUTHENTICATED,
        user(principals.user_id),
        *(community(pk) for pk in principals.communities),
        *(team(pk) for pk in principals.teams),
        *(group(pk) for pk in principals.groups),
    ]

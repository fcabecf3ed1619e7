"""What the search index holds for one item, whatever its back end."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class SearchDocument:
    """One searchable item and who may see it.

    ``audience`` lists the tokens of those allowed to find it, set by the
    registry from the permission policy (see ``registry.SearchAdapter.indexed``);
    a searcher finds the item when one of their tokens is in it. Search reads
    tokens as opaque strings: the policy owns their vocabulary.
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
    audience: list[str] = field(default_factory=list)

"""What a visitor types into a listing's filters, bounded before it reaches SQL.

A listing filters on at most ``MAX_WORDS`` words, whatever the visitor sends:
each word adds a condition to the query, so the words beyond are ignored and
the page says so (``Words.notice``). Text parameters lose their control
characters (a NUL byte is refused by PostgreSQL) and are cut to
``MAX_TEXT_LENGTH`` characters. The site search (``search/``) has its own
bounds; the libraries, the directory and the other listings use these.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import ngettext

MAX_WORDS = 8
MAX_TEXT_LENGTH = 200


def clean_text(value, max_length=MAX_TEXT_LENGTH):
    """``value`` (a GET parameter, possibly None) without control characters,
    its spaces collapsed, at most ``max_length`` characters long."""
    if not value:
        return ""
    printable = "".join(
        " " if unicodedata.category(char).startswith("C") else char for char in value
    )
    return " ".join(printable.split())[:max_length]


@dataclass(frozen=True)
class Words:
    """The words a listing filters on, and how many it left out."""

    words: tuple = ()
    dropped: int = 0

    def __bool__(self):
        return bool(self.words)

    def __iter__(self):
        return iter(self.words)

    @property
    def notice(self):
        """A sentence for the page when words were left out, else ''."""
        if not self.dropped:
            return ""
        return ngettext(
            "Seuls les %(count)s premiers mots sont pris en compte : "
            "%(dropped)s mot a été ignoré.",
            "Seuls les %(count)s premiers mots sont pris en compte : "
            "%(dropped)s mots ont été ignorés.",
            self.dropped,
        ) % {"count": len(self.words), "dropped": self.dropped}


def query_words(text, limit=MAX_WORDS):
    """The distinct words of ``text`` (in order, case-insensitively), at most
    ``limit`` of them."""
    seen, words = set(), []
    for word in re.findall(r"\S+", clean_text(text)):
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            words.append(word)
    return Words(tuple(words[:limit]), max(0, len(words) - limit))

"""The edit history of a post: every version, who wrote it and when, and what
changed from the version before (a word diff, rendered escaped)."""

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime

WORDS = re.compile(r"\s+|\S+")


@dataclass
class Version:
    number: int
    title: str
    body: str
    body_html: str
    written_by: object
    written_at: datetime
    current: bool = False
    changes: list = field(default_factory=list)  # [(op, text)]: "=", "+", "-"


def word_diff(old, new):
    a, b = WORDS.findall(old or ""), WORDS.findall(new or "")
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        if op == "equal":
            changes.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            changes.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            changes.append(("+", "".join(b[j1:j2])))
    return changes


def versions_of(post, revisions):
    """Newest first: the current version, then the previous ones; each with
    its changes from the one before it."""
    is_thread = hasattr(post, "title") and not hasattr(post, "discussion")
    current = Version(
        number=len(revisions) + 1,
        title=post.title if is_thread else "",
        body=post.body if is_thread else post.comment,
        body_html=post.body_html,
        written_by=post.edited_by or (post.author if is_thread else post.user),
        written_at=post.edited_at
        or (post.created_at if is_thread else post.submit_date),
        current=True,
    )
    older = [
        Version(
            number=len(revisions) - index,
            title=revision.title,
            body=revision.body,
            body_html=revision.body_html,
            written_by=revision.written_by,
            written_at=revision.written_at,
        )
        for index, revision in enumerate(revisions)
    ]
    versions = [current, *older]
    for version, previous in zip(versions, versions[1:], strict=False):
        text_before = (
            f"{previous.title}\n{previous.body}" if is_thread else previous.body
        )
        text_now = f"{version.title}\n{version.body}" if is_thread else version.body
        version.changes = word_diff(text_before, text_now)
    return versions

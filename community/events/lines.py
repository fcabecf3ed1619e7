"""How a proposal's description is measured: the call asks for 10 to 30 lines.

A *line* is a non-empty line of the text after normalising newlines: Windows
(``\\r\\n``) and old Mac (``\\r``) line ends count as one, and lines made only of
spaces or tabs do not count. A paragraph typed without pressing Enter is one
line, however long it wraps on screen — the form says so, and the browser's
counter (``static/events/js/proposal_form.js``) counts exactly the same way.
"""

import re

NEWLINES = re.compile(r"\r\n|\r|\n")


def normalise_newlines(text):
    return NEWLINES.sub("\n", text or "")


def count_lines(text):
    """The number of non-empty lines of ``text``."""
    return sum(1 for line in normalise_newlines(text).split("\n") if line.strip())

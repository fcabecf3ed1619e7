"""The one CSV export: a download whose cells cannot run as spreadsheet
formulas (CSV injection), read with accents intact by spreadsheet software.

``csv_response(filename, header, rows)`` is all a view needs; ``safe_cell``
and ``write_rows`` are there for writing elsewhere than a response.
"""

import csv

from django.http import HttpResponse

# A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
DELIMITER = ";"  # what French spreadsheet software expects


def safe_cell(value):
    """A spreadsheet cell that cannot run as a formula: text starting with
    = + - @ (or a tab/carriage return) is prefixed with a quote."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def write_rows(stream, header, rows, delimiter=DELIMITER):
    """Write ``header`` then ``rows`` (iterables of values) to ``stream``,
    every cell made safe."""
    writer = csv.writer(stream, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(value) for value in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])


def csv_response(filename, header, rows, delimiter=DELIMITER):
    """An ``attachment`` download of ``rows`` under ``header``, in UTF-8 with
    a byte-order mark (so that spreadsheet software reads the accents)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_plain(filename)}"'
    response.write("\ufeff")
    write_rows(response, header, rows, delimiter)
    return response


def _plain(filename):
    """A file name safe inside the header's quotes."""
    plain = "".join(c for c in filename if c.isascii() and (c.isalnum() or c in "-_."))
    return plain or "export.csv"

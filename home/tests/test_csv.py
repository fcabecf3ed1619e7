"""The one CSV export (home/csv.py): formula-safe cells, UTF-8 with BOM."""

import csv
import io

import pytest

from home.csv import csv_response, safe_cell, write_rows


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Texte = sûr", "Texte = sûr"),
        (None, ""),
        (12, "12"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_write_rows_neutralises_header_and_every_cell():
    stream = io.StringIO()
    write_rows(stream, ["=Titre", "Nom"], [["=cmd|' /C calc'!A0", "Élise"]])
    rows = list(csv.reader(io.StringIO(stream.getvalue()), delimiter=";"))
    assert rows == [["'=Titre", "Nom"], ["'=cmd|' /C calc'!A0", "Élise"]]


def test_csv_response_is_a_utf8_download_with_a_byte_order_mark():
    response = csv_response(
        'liste "été"\r\n.csv', ["Titre", "Lieu"], iter([["=1", "Saint-Étienne"]])
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="listet.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows == [["Titre", "Lieu"], ["'=1", "Saint-Étienne"]]

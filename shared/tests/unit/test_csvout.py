"""CSV the platform writes never hands a spreadsheet a formula."""

from __future__ import annotations

import csv
import io

import pytest

from backbone.csvout import Cell, safe_cell, to_csv


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("-12.5", "-12.5"), ("+3", "+3"), ("1e-3", "1e-3"),
    ("Riverside Reads", "Riverside Reads"), (-4, -4), (2.5, 2.5), (None, ""),
])
def test_formulas_become_text_and_numbers_stay_numbers(value: Cell, written: object) -> None:
    assert safe_cell(value) == written


def test_a_document_reads_back_with_every_cell_safe() -> None:
    text = to_csv(["organization", "note"], [["=cmd()", "fine"], ["Org, Inc.", None]])
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["organization", "note"], ["'=cmd()", "fine"], ["Org, Inc.", ""]]

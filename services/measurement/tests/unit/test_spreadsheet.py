"""Reading spreadsheet exports."""

from __future__ import annotations

import pytest

from measurement.domain.spreadsheet import SheetError, parse_figure, read_sheet


def test_the_usual_mess() -> None:
    content = ("\ufeffIndicator, Period ,Race,Value,Notes from Maria\r\n"
               "\r\n"
               "enrolled,2026Q1,Black,\"1,204\",checked\r\n"
               "  ,  ,  ,  ,  \r\n"
               "enrolled,2026Q2, latino ,  87 ,\r\n"
               "enrolled,2026Q3,,abc,\r\n").encode()
    sheet = read_sheet(content, {"race"}, 100)
    assert sheet.ignored_columns == ["Notes from Maria"]
    assert sheet.rows[0] == (3, {"indicator": "enrolled", "period": "2026Q1", "value": 1204.0,
                                 "disaggregation": {"race": "black"}})
    assert sheet.rows[1][1] == {"indicator": "enrolled", "period": "2026Q2", "value": 87.0,
                                "disaggregation": {"race": "latino"}}
    assert sheet.rows[2] == (6, "value: 'abc' is not a number")


@pytest.mark.parametrize(("text", "value"), [
    ("1,234,567.5", 1234567.5), ("45%", 45.0), (" -3 ", -3.0), ("", None), (".5", 0.5),
    ("1e3", 1000.0),
])
def test_figures(text: str, value: float | None) -> None:
    assert parse_figure(text) == value


@pytest.mark.parametrize("text", ["1,23", "12,34,567", "1.2.3", "NaN", "inf", "--1"])
def test_not_figures(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_figure(text)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"), (b"indicator,value\nx,1\n", "'period' column"),
    (b"period,period\n2026,2026\n", "'period', 'period' all name 'period'"),
    (b"Indicator,Indicator Code,period\nx,x,2026\n", "'Indicator', 'Indicator Code' all name"),
    (b"\xff\xfeperiod", "UTF-8"),
])
def test_unreadable_files(content: bytes, reason: str) -> None:
    with pytest.raises(SheetError, match=reason):
        read_sheet(content, set(), 10)


def test_columns_as_partners_name_them() -> None:
    content = (b"Indicator Code,Reporting Period,Race / Ethnicity,Num,Denom,Organisation,"
               b"Place,NOTES,,\n"
               b"grade3_reading,FY2025,Latino,414,1150,,north-end,checked,,\n")
    sheet = read_sheet(content, {"race_ethnicity"}, 10)
    assert sheet.ignored_columns == ["", ""]
    assert sheet.rows == [(2, {"indicator": "grade3_reading", "period": "FY2025",
                               "numerator": 414.0, "denominator": 1150.0,
                               "geography": "north-end", "comment": "checked",
                               "disaggregation": {"race_ethnicity": "latino"}})]


def test_a_dimension_keeps_its_own_name() -> None:
    sheet = read_sheet(b"code,period,place,value\nx,2026,downtown,1\n", {"place"}, 10)
    assert sheet.rows[0][1] == {"indicator": "x", "period": "2026", "value": 1.0,
                                "disaggregation": {"place": "downtown"}}


def test_row_limit() -> None:
    with pytest.raises(SheetError, match="more than 2 rows"):
        read_sheet(b"period\n2026\n2025\n2024\n", set(), 2)

"""The measurement cycle through the API: define, report, review, read progress."""

from __future__ import annotations

import re
import uuid
from typing import Any
from xml.etree import ElementTree

import httpx

SVG = "{http://www.w3.org/2000/svg}"


async def test_report_review_and_progress(api: httpx.AsyncClient, setup: Any) -> None:
    ind = setup.indicator
    assert ind["rate_multiplier"] == 100.0
    assert ind["progress_status"] == "no_target"
    put = await api.put(f"/v1/indicators/{ind['id']}/targets", headers=setup.staff,
                        json={"targets": [{"period": "2026", "value": 70.0}]})
    assert put.status_code == 200, put.text
    org = uuid.uuid4()
    for period, num in (("2022", 500), ("2023", 540), ("2024", 600)):
        r = await api.post(f"/v1/indicators/{ind['id']}/observations",
                           headers=setup.partner(org),
                           json={"period": period, "numerator": num, "denominator": 1000})
        assert r.status_code == 201, r.text
    again = await api.post(f"/v1/indicators/{ind['id']}/observations",
                           headers=setup.partner(org),
                           json={"period": "2024", "numerator": 610, "denominator": 1000})
    assert again.status_code == 200
    obs = again.json()
    assert obs["value"] == 61.0
    assert obs["version"] == 2
    assert obs["organization_id"] == str(org)

    history = (await api.get(f"/v1/observations/{obs['id']}/history",
                             headers=setup.staff)).json()
    assert [h["change"] for h in history] == ["recorded", "revised"]
    assert history[1]["previous_value"] == 60.0
    assert history[1]["value"] == 61.0

    progress = (await api.get(f"/v1/indicators/{ind['id']}/progress",
                              headers=setup.staff)).json()
    overall = progress["overall"]
    # Baseline 2022 = 50, target 2026 = 70: by end of 2024 the trajectory expects 60.
    assert overall["baseline"] == {"period": "2022", "value": 50.0, "derived": False}
    assert overall["latest"] == {"period": "2024", "value": 61.0, "derived": False}
    assert overall["status"] == "on_track"
    assert abs(overall["expected"] - 60.0) < 0.02
    assert abs(overall["share_of_the_way"] - 0.55) < 1e-9

    review = await api.post(f"/v1/observations/{obs['id']}/review", headers=setup.staff,
                            json={"decision": "reject", "note": "numbers do not add up"})
    assert review.status_code == 200, review.text
    assert review.json()["status"] == "rejected"
    # Rejected data leaves the figures: the latest is 2023 now, below the trajectory.
    overall = (await api.get(f"/v1/indicators/{ind['id']}/progress",
                             headers=setup.staff)).json()["overall"]
    assert overall["latest"]["period"] == "2023"
    assert overall["status"] == "off_track"
    staff_view = (await api.get(f"/v1/indicators/{ind['id']}", headers=setup.staff)).json()
    assert staff_view["staff_progress_status"] == "off_track"
    assert staff_view["progress_status"] == "no_data"  # nothing is approved yet
    seen = (await api.get(f"/v1/indicators/{ind['id']}", headers=setup.viewer)).json()
    assert seen["progress_status"] == "no_data"
    assert seen["staff_progress_status"] is None

    chart = await api.get(f"/v1/indicators/{ind['id']}/chart.svg", headers=setup.staff)
    assert chart.status_code == 200
    assert chart.headers["content-type"] == "image/svg+xml"
    assert chart.text.lstrip().startswith("<?xml")
    assert "<svg" in chart.text


async def test_the_chart_says_what_it_shows(api: httpx.AsyncClient, make_setup: Any) -> None:
    """Period codes on the time axis, and a title and description screen readers announce."""
    setup = await make_setup(frequency="quarterly")
    ind = setup.indicator
    await api.put(f"/v1/indicators/{ind['id']}/targets", headers=setup.staff,
                  json={"targets": [{"period": "2025Q4", "value": 70.0}]})
    for period, num in (("2024Q2", 99), ("2024Q3", 100), ("2024Q4", 120)):
        r = await api.post(f"/v1/indicators/{ind['id']}/observations", headers=setup.staff,
                           json={"period": period, "numerator": num, "denominator": 180})
        assert r.status_code == 201, r.text
    chart = await api.get(f"/v1/indicators/{ind['id']}/chart.svg", headers=setup.staff)
    svg = ElementTree.fromstring(chart.content)  # noqa: S314 - the service's own document
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-title chart-description"
    title = svg.find(f"{SVG}title")
    description = svg.find(f"{SVG}desc")
    assert title is not None
    assert description is not None
    assert title.get("id") == "chart-title"
    assert title.text == "Kindergarten readiness (percent)"
    assert description.text == (
        "Kindergarten readiness (percent). Status: on track. Latest: 66.67 in 2024Q4. "
        "Target: 70 in 2025Q4. Baseline: 55 in 2024Q2. "
        "Actual values: 2024Q2 55, 2024Q3 55.56, 2024Q4 66.67. "
        "Forecast (least squares over the last 3 periods, marked as a forecast): "
        "88.06 by 2025Q4.")
    drawn = {g.get("id") for g in svg.iter(f"{SVG}g")}
    assert {"actual", "targets", "trajectory", "baseline", "forecast"} <= drawn
    # matplotlib draws each tick label's text as a comment before its glyphs
    labels = [c.strip() for c in re.findall(r"<!-- (\S+) -->", chart.text)]
    assert [code for code in labels if "Q" in code] == ["2024Q2", "2024Q3", "2024Q4", "2025Q4"]

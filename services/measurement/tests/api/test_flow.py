"""The measurement cycle through the API: define, report, review, read progress."""

from __future__ import annotations

import uuid
from typing import Any

import httpx


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
    assert overall["baseline"] == {"period": "2022", "value": 50.0}
    assert overall["latest"] == {"period": "2024", "value": 61.0}
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

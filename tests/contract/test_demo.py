"""The demo loads through the services' APIs, tells its story, and loads idempotently."""

from __future__ import annotations

import json
import struct
import time
from pathlib import Path
from xml.etree import ElementTree

import httpx
import resvg_py

from agenda.demo import ORGANIZATIONS
from backbone.devstack.demo import load_demo
from backbone.testing import RunningService, Tenant

SVG = "{http://www.w3.org/2000/svg}"


def test_demo_story(agenda_server: RunningService, measurement_server: RunningService,
                    activities_server: RunningService, notifications_server: RunningService,
                    tmp_path: Path) -> None:
    tenant = Tenant(agenda_server.tenant.settings)  # a network of its own
    token = tenant.token("network:admin")
    urls = {"agenda": agenda_server.url, "measurement": measurement_server.url,
            "activities": activities_server.url, "notifications": notifications_server.url}
    load_demo(urls, token, tmp_path)
    load_demo(urls, token, tmp_path)  # again: a new receiver's endpoint, nothing else
    _check_notifications(notifications_server, tenant, tmp_path)

    with measurement_server.client(tenant.admin) as api:
        [initiative] = httpx.get(f"{agenda_server.url}/v1/initiatives",
                                 headers=tenant.admin).json()["items"]
        _check_activities(activities_server, tenant, initiative["id"])
        indicators = {i["code"]: i for i in api.get(
            f"/v1/initiatives/{initiative['id']}/indicators").json()["items"]}
        assert len(indicators) == 5
        status = {code: i["progress_status"] for code, i in indicators.items()}
        assert status == {"kindergarten_ready": "on_track", "grade3_reading": "off_track",
                          "on_time_graduation": "target_met",
                          "credential_completion": "off_track", "prek_seats": "on_track"}

        def trend(code: str, group: str) -> str:
            result = api.get(f"/v1/indicators/{indicators[code]['id']}/disparities",
                             params={"dimension": "race_ethnicity", "reference": "white"})
            return next(t["trend"] for t in result.json()["trends"] if t["group"] == group)

        assert trend("kindergarten_ready", "black") == "narrowing"
        assert trend("grade3_reading", "latino") == "widening"

        for code, indicator in indicators.items():
            url = f"/v1/indicators/{indicator['id']}/chart.svg"
            _check_chart(api.get(url).content, {"actual", "forecast"})
            if code != "prek_seats":  # the only one not by race/ethnicity
                groups = api.get(url, params={"by": "race_ethnicity"}).content
                _check_chart(groups, {"group-black", "group-white", "gap"})

        viewer = tenant.headers(f"initiative:{initiative['id']}:viewer")
        series = api.get(f"/v1/indicators/{indicators['credential_completion']['id']}/series",
                         params={"by": "race_ethnicity"}, headers=viewer).json()
        native = next(s for s in series["series"] if s["group"] == "native")
        assert native["points"]
        assert all(p["suppressed"] and p["value"] is None for p in native["points"])


def _check_chart(svg: bytes, marks: set[str]) -> None:
    """The chart renders to a PNG of the document's size (by resvg, not matplotlib), and
    holds the marks it is meant to draw and its text alternative."""
    document = ElementTree.fromstring(svg)  # noqa: S314 - the service's own document
    drawn = {g.get("id") for g in document.iter(f"{SVG}g")}
    assert marks <= drawn, (marks - drawn, document.findtext(f"{SVG}title"))
    assert document.findtext(f"{SVG}title")
    assert document.findtext(f"{SVG}desc")
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg.decode(), background="#ffffff", dpi=96))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind, width, height = struct.unpack(">I4sII", png[8:24])
    assert (length, kind) == (13, b"IHDR")
    # matplotlib sizes the document in points (8 x 4.5 in = 576 x 324 pt): at 96 dpi,
    # 768 x 432 px.
    assert (document.get("width"), document.get("height")) == ("576pt", "324pt")
    assert (width, height) == (768, 432)


def _check_notifications(server: RunningService, tenant: Tenant, data_dir: Path) -> None:
    """Every demo organization's contact hears of the announcement; the one whose figure was
    rejected, of that too; the receiver verified every delivery."""
    with server.client(tenant.admin) as api:
        [endpoint] = api.get("/v1/webhook-endpoints").json()["items"]
        assert endpoint["event_types"] == ["*"]
        recipients = api.get("/v1/recipients", params={"limit": 500}).json()["items"]
        assert len(recipients) == len(ORGANIZATIONS)  # each takes part in the partnership

        def titles(recipient: dict[str, str]) -> list[str]:
            token = tenant.token(sub=recipient["subject"], org=recipient["organization_id"])
            got = api.get("/v1/me/notifications", headers={"Authorization": f"Bearer {token}"})
            return sorted(n["title"].split(":")[0] for n in got.json()["items"])

        # Everyone hears of the announcement; the partner whose figure was rejected, of
        # that; the library and the backbone (United Way), of the library's overdue
        # commitment.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            told = [titles(r) for r in recipients]
            if sum(len(t) for t in told) == len(recipients) + 3:
                break
            time.sleep(0.2)
        assert sorted(told) == [["A commitment is overdue", "Spring data walk"]] * 2 + [
            ["Observation rejected", "Spring data walk"]] + [
            ["Spring data walk"]] * (len(recipients) - 3)
    received = data_dir / "webhooks" / "received.jsonl"
    while not received.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    lines = [json.loads(line) for line in received.read_text().splitlines()]
    assert lines
    assert all(line["verified"] for line in lines)



def _check_activities(server: RunningService, tenant: Tenant, initiative_id: str) -> None:
    """The gap (nobody serves Latino children on third-grade reading in Westside and
    Northside), the overlap (two tutoring programmes at Lincoln Elementary) and the overdue
    commitment, as a viewer sees them."""
    base = f"/v1/initiatives/{initiative_id}"
    with server.client(tenant.headers(f"initiative:{initiative_id}:viewer")) as api:
        assert len(api.get(f"{base}/activities", params={"limit": 500}).json()["items"]) == 7
        gaps = api.get(f"{base}/gaps",
                       params={"kind": "widening_gap_without_activity"}).json()["gaps"]
        [latino] = [g for g in gaps if g["widening"]["group"] == "latino"]
        assert latino["widening"]["reference_group"] == "white"
        assert latino["geographies"] == ["Northside", "Westside"]
        [overlap] = api.get(f"{base}/overlaps").json()["overlaps"]
        assert {a["title"] for a in overlap["activities"]} == {
            "After-school reading tutors", "Reading buddies"}
        assert overlap["geographies"] == ["Lincoln Elementary"]
        overdue = api.get(f"{base}/commitments", params={"overdue": "true"}).json()["items"]
        assert [c["text"] for c in overdue] == ["Open two branch reading rooms for tutoring"]
        assert overdue[0]["overdue_since"] is not None

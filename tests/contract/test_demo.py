"""The demo loads through both services' APIs, tells its story, and loads idempotently."""

from __future__ import annotations

import httpx

from backbone.devstack.demo import load_demo
from backbone.testing import RunningService, Tenant


def test_demo_story(agenda_server: RunningService, measurement_server: RunningService
                    ) -> None:
    tenant = Tenant(agenda_server.tenant.settings)  # a network of its own
    token = tenant.token("network:admin")
    urls = {"agenda": agenda_server.url, "measurement": measurement_server.url}
    load_demo(urls, token)
    load_demo(urls, token)  # again: nothing changes

    with measurement_server.client(tenant.admin) as api:
        [initiative] = httpx.get(f"{agenda_server.url}/v1/initiatives",
                                 headers=tenant.admin).json()["items"]
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

        viewer = tenant.headers(f"initiative:{initiative['id']}:viewer")
        series = api.get(f"/v1/indicators/{indicators['credential_completion']['id']}/series",
                         params={"by": "race_ethnicity"}, headers=viewer).json()
        native = next(s for s in series["series"] if s["group"] == "native")
        assert native["points"]
        assert all(p["suppressed"] and p["value"] is None for p in native["points"])

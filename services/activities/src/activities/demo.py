"""The activities part of the demo network (``backbone up --demo``): one example in each
initiative the agenda demo created, found through agenda's API. Loading twice adds nothing."""

from __future__ import annotations

from backbone.devstack.demo import DemoContext, ok


def load(context: DemoContext) -> None:
    with context.client("agenda") as agenda:
        initiatives = ok(agenda.get("/v1/initiatives", params={"limit": 500}))["items"]
    with context.client("activities") as api:
        for initiative in initiatives:
            path = f"/v1/initiatives/{initiative['id']}/examples"
            if not ok(api.get(path))["items"]:
                ok(api.post(path, json={"title": f"First example of {initiative['name']}"}))

"""The demo's notifications (``backbone up --demo``), through the public APIs, for the
partnership the agenda demo created:

* a webhook endpoint for every event, pointed at a receiver the stack runs on loopback,
  which verifies each delivery and keeps it in ``.backbone/webhooks/received.jsonl``;
* a recipient (with an email address) for each demo organization;
* an announcement to everyone in the partnership (inboxes, and mail in ``.backbone/mail``);
* from the measurement story: backbone staff reject one of the pre-K seat figures left for
  review (submitted, not yet approved), and the organization that reported it finds
  that in its inbox.

Loading again makes a new endpoint for the new receiver (its secret is only known when
made) and changes nothing else.
"""

from __future__ import annotations

import re

import httpx

from backbone.devstack.demo import DemoContext, ok
from notifications.receiver import DemoReceiver

PARTNERSHIP = "Riverside Cradle to Career Partnership"
RECEIVER = "The demo's webhook receiver (./dev up --demo)"
ANNOUNCEMENT = {
    "title": "Spring data walk: Tuesday 14 April, 10:00, Riverside Library",
    "body": "We will look at this year's kindergarten readiness and third-grade reading "
            "figures together, by group, and agree where to act first. Bring a colleague "
            "who works with families.",
    "audience": {"kind": "everyone"},
}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def load(context: DemoContext) -> None:
    with context.client("agenda") as agenda:
        initiative = next(i for i in ok(agenda.get("/v1/initiatives",
                                                   params={"limit": 500}))["items"]
                          if i["name"] == PARTNERSHIP)
        organizations = ok(agenda.get("/v1/organizations", params={"limit": 500}))["items"]
    receiver = DemoReceiver(context.data_dir / "webhooks")
    url = receiver.start()
    with context.client("notifications") as api:
        for old in ok(api.get("/v1/webhook-endpoints", params={"limit": 500}))["items"]:
            if old["description"] == RECEIVER:
                ok(api.delete(f"/v1/webhook-endpoints/{old['id']}"))
        endpoint = ok(api.post("/v1/webhook-endpoints", json={
            "url": url, "description": RECEIVER, "event_types": ["*"]}))
        receiver.secret = endpoint["secret"]
        ok(api.put("/v1/recipients", json={"recipients": [
            {"subject": f"demo|{_slug(org['name'])}", "name": f"{org['name']} (demo contact)",
             "email": f"{_slug(org['name'])}@riverside.example", "organization_id": org["id"],
             "external_ids": org["external_ids"]} for org in organizations]}))
        announcements = f"/v1/initiatives/{initiative['id']}/announcements"
        if not ok(api.get(announcements))["items"]:
            ok(api.post(announcements, json=ANNOUNCEMENT))
    with context.client("measurement") as measurement:
        _reject_a_figure(measurement, initiative["id"])


def _reject_a_figure(api: httpx.Client, initiative_id: str) -> None:
    indicators = ok(api.get(f"/v1/initiatives/{initiative_id}/indicators",
                            params={"limit": 500}))["items"]
    seats = next(i for i in indicators if i["code"] == "prek_seats")
    def listed(status: str) -> list[dict[str, str]]:
        found: list[dict[str, str]] = ok(api.get(
            f"/v1/indicators/{seats['id']}/observations",
            params={"status": status, "limit": 1}))["items"]
        return found

    submitted = listed("submitted")
    if submitted and not listed("rejected"):
        ok(api.post(f"/v1/observations/{submitted[0]['id']}/review", json={
            "decision": "reject",
            "note": "The seats added this quarter include the summer pilot classrooms; "
                    "please report them separately."}))

"""Managing endpoints: who may, what is refused (and then nothing is stored)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from backbone.readmodels.agenda.feed import AgendaFeed
from backbone.testing import Tenant

HOOK = "http://127.0.0.1:9/hooks"  # allowed by the tests' allow-list (loopback)


async def test_network_admins_manage_the_network_staff_their_initiative(
    api: httpx.AsyncClient, agenda: AgendaFeed, tenant: Tenant,
) -> None:
    ours, other = await agenda.initiative(tenant.name), await agenda.initiative(tenant.name)
    staff = tenant.headers(f"initiative:{ours}:backbone")
    network = await api.post("/v1/webhook-endpoints", headers=staff, json={"url": HOOK})
    assert network.status_code == 403
    theirs = await api.post("/v1/webhook-endpoints", headers=staff,
                            json={"url": HOOK, "initiative_id": str(other)})
    assert theirs.status_code == 404
    partner = tenant.headers(f"initiative:{ours}:partner", org=uuid.uuid4())
    assert (await api.post("/v1/webhook-endpoints", headers=partner,
                           json={"url": HOOK, "initiative_id": str(ours)})).status_code == 403
    mine = await api.post("/v1/webhook-endpoints", headers=staff,
                          json={"url": HOOK, "initiative_id": str(ours)})
    assert mine.status_code == 201, mine.text
    assert "secret" not in (await api.get(f"/v1/webhook-endpoints/{mine.json()['id']}",
                                          headers=staff)).json()
    listed = (await api.get("/v1/webhook-endpoints", headers=staff)).json()["items"]
    assert [e["id"] for e in listed] == [mine.json()["id"]]
    admin_list = (await api.get("/v1/webhook-endpoints", headers=tenant.admin)).json()
    assert [e["id"] for e in admin_list["items"]] == [mine.json()["id"]]

    changed = await api.patch(f"/v1/webhook-endpoints/{mine.json()['id']}", headers=staff,
                              json={"description": "CRM sync"}, )
    assert (changed.status_code, changed.json()["version"]) == (200, 2)
    stale = await api.delete(f"/v1/webhook-endpoints/{mine.json()['id']}",
                             headers={**staff, "If-Match": '"1"'})
    assert stale.status_code == 412
    gone = await api.delete(f"/v1/webhook-endpoints/{mine.json()['id']}", headers=staff)
    assert gone.status_code == 204


async def test_other_networks_endpoints_are_not_found(
    api: httpx.AsyncClient, tenant: Tenant, other_tenant: Tenant,
) -> None:
    made = await api.post("/v1/webhook-endpoints", headers=tenant.admin, json={"url": HOOK})
    path = f"/v1/webhook-endpoints/{made.json()['id']}"
    for call in (api.get(path, headers=other_tenant.admin),
                 api.patch(path, headers=other_tenant.admin, json={"enabled": False}),
                 api.get(f"{path}/deliveries", headers=other_tenant.admin),
                 api.post(f"{path}/secret/rotate", headers=other_tenant.admin)):
        assert (await call).status_code == 404


@pytest.mark.parametrize(("body", "field", "kind"), [
    ({"url": "ftp://example.org/x"}, "url", "validation-failed"),
    ({"url": "http://10.0.0.8/hooks"}, "url", "refused-url"),
    ({"url": "http://169.254.169.254/latest/meta-data"}, "url", "refused-url"),
    ({"url": "http://[::ffff:10.1.2.3]/hooks"}, "url", "refused-url"),
    ({"url": "http://user:pw@127.0.0.1/hooks"}, "url", "refused-url"),
    ({"url": "http://no-such-host.invalid/hooks"}, "url", "refused-url"),
    ({"url": HOOK, "event_types": ["org.backbone.agenda.goal.exploded"]}, "event_types",
     "unknown-event-type"),
    ({"url": HOOK, "event_types": ["goal.*"]}, "event_types", "unknown-event-type"),
    ({"url": HOOK, "event_types": []}, "event_types", "validation-failed"),
    ({"url": HOOK, "description": "x" * 501}, "description", "validation-failed"),
    ({"url": HOOK, "contact_email": "not an email"}, "contact_email", "validation-failed"),
])
async def test_bad_endpoints_are_refused_and_nothing_is_stored(
    api: httpx.AsyncClient, tenant: Tenant, body: dict[str, object], field: str, kind: str,
) -> None:
    refused = await api.post("/v1/webhook-endpoints", headers=tenant.admin, json=body)
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert problem["type"] == f"urn:backbone:problem:{kind}"
    assert any(e["loc"][-1] == field or field in e["loc"] for e in problem["errors"])
    listed = await api.get("/v1/webhook-endpoints", headers=tenant.admin)
    assert listed.json()["items"] == []

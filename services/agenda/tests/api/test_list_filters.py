"""Every filter of agenda's lists narrows them as documented, alone and combined."""

from __future__ import annotations

from typing import Any

import httpx

from backbone.testing import MakeEntity as MakeInitiative
from backbone.testing import Tenant


async def _ids(api: httpx.AsyncClient, path: str, headers: dict[str, str],
               **params: Any) -> list[str]:
    response = await api.get(path, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_organizations_by_sector_and_name_with_their_crm_ids(
    api: httpx.AsyncClient, tenant: Tenant,
) -> None:
    made = {}
    for n, (name, sector) in enumerate((("Eastside 100% Health", "health"),
                                        ("East_side Library", "nonprofit"),
                                        ("Westside Health", "health"))):
        created = await api.post("/v1/organizations", headers=tenant.admin,
                                 json={"name": name, "sector": sector,
                                       "external_ids": {"salesforce": f"SF-{n}",
                                                        "hubspot": f"HS-{n}"}})
        assert created.status_code == 201, created.text
        made[name] = created.json()

    listed = (await api.get("/v1/organizations", headers=tenant.admin)).json()["items"]
    for item in listed:  # the list shows what a GET by id shows, CRM ids included
        one = await api.get(f"/v1/organizations/{item['id']}", headers=tenant.admin)
        assert item == one.json()
    assert list(listed[0]["external_ids"]) == ["hubspot", "salesforce"]

    health = [made[n]["id"] for n in ("Eastside 100% Health", "Westside Health")]
    assert await _ids(api, "/v1/organizations", tenant.admin, sector="health") == health
    assert await _ids(api, "/v1/organizations", tenant.admin, q="HEALTH") == health
    # % and _ are the name's characters, not patterns
    assert await _ids(api, "/v1/organizations", tenant.admin, q="100%") == health[:1]
    assert await _ids(api, "/v1/organizations", tenant.admin, q="t_s") == [
        made["East_side Library"]["id"]]
    assert await _ids(api, "/v1/organizations", tenant.admin, q="%") == health[:1]
    assert await _ids(api, "/v1/organizations", tenant.admin, q="east",
                      sector="nonprofit") == [made["East_side Library"]["id"]]
    assert await _ids(api, "/v1/organizations", tenant.admin, q="west",
                      sector="nonprofit") == []
    # Another tenant's directory is empty, whatever the filters.
    other = Tenant(tenant.settings)
    assert await _ids(api, "/v1/organizations", other.admin, q="health") == []


async def test_participants_by_role_kind_organization_and_whether_they_left(
    api: httpx.AsyncClient, tenant: Tenant, make_initiative: MakeInitiative,
) -> None:
    initiative = await make_initiative()
    base = f"/v1/initiatives/{initiative['id']}"
    org = (await api.post("/v1/organizations", headers=tenant.admin,
                          json={"name": "Eastside Health", "sector": "health"})).json()

    async def join(**body: Any) -> str:
        response = await api.post(f"{base}/participants", headers=tenant.admin, json=body)
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    partner = await join(kind="organization", organization_id=org["id"], roles=["partner"])
    funder = await join(kind="community_member", display_name="A. Funder", roles=["funder"],
                        left_on="2026-06-30", joined_on="2026-01-01")
    both = await join(kind="community_member", display_name="B. Both", roles=["partner", "funder"])

    path = f"{base}/participants"
    assert await _ids(api, path, tenant.admin) == [partner, funder, both]
    assert await _ids(api, path, tenant.admin, role="partner") == [partner, both]
    assert await _ids(api, path, tenant.admin, role="funder", kind="community_member") == [
        funder, both]
    assert await _ids(api, path, tenant.admin, organization_id=org["id"]) == [partner]
    assert await _ids(api, path, tenant.admin, active="true") == [partner, both]
    assert await _ids(api, path, tenant.admin, active="false") == [funder]
    assert await _ids(api, path, tenant.admin, active="false", role="partner") == []


async def test_decisions_by_method_and_dates_and_initiatives_by_grant(
    api: httpx.AsyncClient, tenant: Tenant, make_initiative: MakeInitiative,
) -> None:
    initiative = await make_initiative()
    base = f"/v1/initiatives/{initiative['id']}"
    decided = []
    for n, (method, on) in enumerate((("consensus", "2026-01-15"), ("vote", "2026-02-15"),
                                      ("consensus", "2026-03-15"))):
        response = await api.post(f"{base}/decisions", headers=tenant.admin, json={
            "title": f"Decision {n}", "method": method, "decided_on": on})
        assert response.status_code == 201, response.text
        decided.append(response.json()["id"])

    path = f"{base}/decisions"
    assert await _ids(api, path, tenant.admin, method="consensus") == [decided[0], decided[2]]
    assert await _ids(api, path, tenant.admin, decided_from="2026-02-15") == decided[1:]
    assert await _ids(api, path, tenant.admin, decided_to="2026-02-15") == decided[:2]
    assert await _ids(api, path, tenant.admin, decided_from="2026-02-01",
                      decided_to="2026-03-31", method="consensus") == [decided[2]]

    other = await make_initiative(name="Another")
    viewer = tenant.headers(f"initiative:{initiative['id']}:viewer")
    assert await _ids(api, "/v1/initiatives", viewer) == [initiative["id"]]
    assert await _ids(api, "/v1/initiatives", tenant.admin) == [initiative["id"], other["id"]]
    assert await _ids(api, "/v1/initiatives", tenant.headers()) == []
    goal = (await api.post(f"/v1/initiatives/{other['id']}/goals", headers=tenant.admin,
                           json={"title": "Theirs"})).json()
    for foreign in (f"/v1/initiatives/{other['id']}/decisions",
                    f"/v1/goals/{goal['id']}/strategies"):  # not theirs: as if it did not exist
        assert (await api.get(foreign, headers=viewer)).status_code == 404

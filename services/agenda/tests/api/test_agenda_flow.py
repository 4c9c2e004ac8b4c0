"""The common agenda through the API: revisions, ETags, idempotency, pagination, CRM sync."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import httpx
import pytest

from backbone.devstack.infra import Infrastructure
from backbone.testing import MakeEntity as MakeInitiative
from backbone.testing import Tenant


async def test_every_agenda_change_is_a_numbered_revision(api: httpx.AsyncClient,
                                                          tenant: Tenant,
    make_initiative: MakeInitiative) -> None:
    initiative = await make_initiative(vision="Every child succeeds")
    base = f"/v1/initiatives/{initiative['id']}"
    goal = (await api.post(f"{base}/goals", headers=tenant.admin,
                           json={"title": "Kindergarten readiness"})).json()
    strategy = await api.post(f"/v1/goals/{goal['id']}/strategies", headers=tenant.admin,
                              json={"title": "Pre-K seats"})
    assert strategy.status_code == 201
    await api.patch(f"{base}", headers=tenant.admin, json={"vision": "Every child thrives"})

    agenda = (await api.get(f"{base}/agenda", headers=tenant.admin)).json()
    assert agenda["number"] == 4
    assert agenda["change"] == "initiative.updated"
    assert agenda["document"]["vision"] == "Every child thrives"
    assert agenda["document"]["goals"][0]["strategies"][0]["title"] == "Pre-K seats"

    history = (await api.get(f"{base}/agenda/revisions", headers=tenant.admin)).json()
    assert [r["change"] for r in history] == [
        "initiative.updated", "strategy.created", "goal.created", "initiative.created"]
    older = (await api.get(f"{base}/agenda/revisions", headers=tenant.admin,
                           params={"before": 3, "limit": 1})).json()
    assert [r["number"] for r in older] == [2]
    assert (await api.get(f"{base}/agenda/revisions", headers=tenant.admin,
                          params={"before": 1})).json() == []
    first = (await api.get(f"{base}/agenda/revisions/1", headers=tenant.admin)).json()
    assert first["document"] == {**first["document"], "vision": "Every child succeeds",
                                 "goals": []}

    # A change that does not touch the agenda (the phase) makes no revision.
    await api.patch(base, headers=tenant.admin, json={"phase": "sustaining_action"})
    assert (await api.get(f"{base}/agenda", headers=tenant.admin)).json()["number"] == 4


async def test_deleting_a_goal_removes_its_strategies_and_revises(api: httpx.AsyncClient,
                                                                  tenant: Tenant,
    make_initiative: MakeInitiative) -> None:
    initiative = await make_initiative()
    base = f"/v1/initiatives/{initiative['id']}"
    goal = (await api.post(f"{base}/goals", headers=tenant.admin, json={"title": "G"})).json()
    strategy = (await api.post(f"/v1/goals/{goal['id']}/strategies", headers=tenant.admin,
                               json={"title": "S"})).json()
    assert (await api.delete(f"/v1/goals/{goal['id']}", headers=tenant.admin)).status_code == 204
    assert (await api.get(f"/v1/strategies/{strategy['id']}",
                          headers=tenant.admin)).status_code == 404
    agenda = (await api.get(f"{base}/agenda", headers=tenant.admin)).json()
    assert agenda["document"]["goals"] == []
    assert agenda["change"] == "goal.deleted"


async def test_if_match_protects_concurrent_edits(api: httpx.AsyncClient, tenant: Tenant,
    make_initiative: MakeInitiative) -> None:
    initiative = await make_initiative()
    url = f"/v1/initiatives/{initiative['id']}"
    read = await api.get(url, headers=tenant.admin)
    etag = read.headers["ETag"]
    assert etag == f'"{read.json()["version"]}"'
    ok = await api.patch(url, headers={**tenant.admin, "If-Match": etag}, json={"name": "A"})
    assert ok.status_code == 200
    assert ok.headers["ETag"] != etag
    stale = await api.patch(url, headers={**tenant.admin, "If-Match": etag}, json={"name": "B"})
    assert stale.status_code == 412
    assert stale.headers["content-type"] == "application/problem+json"
    assert (await api.get(url, headers=tenant.admin)).json()["name"] == "A"


async def test_idempotency_key_replays_and_rejects_a_different_body(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    headers = {**tenant.admin, "Idempotency-Key": "create-1"}
    first = await api.post("/v1/initiatives", headers=headers, json={"name": "Once"})
    again = await api.post("/v1/initiatives", headers=headers, json={"name": "Once"})
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = await api.post("/v1/initiatives", headers=headers, json={"name": "Twice"})
    assert other.status_code == 422
    assert other.json()["type"] == "urn:backbone:problem:idempotency-key-reused"
    listed = (await api.get("/v1/initiatives", headers=tenant.admin)).json()["items"]
    assert [i["name"] for i in listed] == ["Once"]


async def test_a_replay_is_authorized_like_a_new_request(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    """The same caller with fewer rights (or another caller) never gets the stored answer."""
    admin = {"Authorization": f"Bearer {tenant.token('network:admin', sub='ana')}",
             "Idempotency-Key": "made-once"}
    first = await api.post("/v1/initiatives", headers=admin, json={"name": "Once"})
    assert first.status_code == 201
    viewer = {"Authorization": "Bearer " + tenant.token(
        f"initiative:{first.json()['id']}:viewer", sub="ana"), "Idempotency-Key": "made-once"}
    replayed = await api.post("/v1/initiatives", headers=viewer, json={"name": "Once"})
    assert replayed.status_code == 403, replayed.text
    assert "Idempotent-Replayed" not in replayed.headers
    assert first.json()["id"] not in replayed.text
    again = await api.post("/v1/initiatives", headers=admin, json={"name": "Once"})
    assert again.headers["Idempotent-Replayed"] == "true"


async def test_concurrent_retries_with_one_key_create_one_entity(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    headers = {**tenant.admin, "Idempotency-Key": "burst"}
    responses = await asyncio.gather(*[
        api.post("/v1/initiatives", headers=headers, json={"name": "Burst"}) for _ in range(5)])
    assert {r.status_code for r in responses} <= {201, 409}
    listed = (await api.get("/v1/initiatives", headers=tenant.admin)).json()["items"]
    assert len(listed) == 1


async def test_organizations_written_on_the_row_pool_replay_and_create_once(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    """The directory's writes run on the row pool (``Writer.run_rows``), with the same
    idempotency as a session's: a replay, a refusal of another body, one entity for a
    burst of retries."""
    headers = {**tenant.admin, "Idempotency-Key": "org-1"}
    body = {"name": "Eastside Library", "sector": "nonprofit",
            "external_ids": {"salesforce": "001IDEM"}}
    responses = await asyncio.gather(*[
        api.post("/v1/organizations", headers=headers, json=body) for _ in range(5)])
    assert {r.status_code for r in responses} <= {201, 409}
    again = await api.post("/v1/organizations", headers=headers, json=body)
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["ETag"] == '"1"'
    other = await api.post("/v1/organizations", headers=headers, json={**body, "name": "X"})
    assert other.status_code == 422
    listed = (await api.get("/v1/organizations", headers=tenant.admin)).json()["items"]
    assert [(o["name"], o["external_ids"]) for o in listed] == [
        ("Eastside Library", {"salesforce": "001IDEM"})]
    found = await api.get("/v1/organizations/by-external-id/salesforce/001IDEM",
                          headers=tenant.admin)
    assert found.json() == again.json()


async def test_cursor_pagination_and_updated_since(api: httpx.AsyncClient,
                                                   tenant: Tenant,
    make_initiative: MakeInitiative) -> None:
    created = [await make_initiative(name=f"I{i}") for i in range(5)]
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await api.get("/v1/initiatives", headers=tenant.admin, params=params)).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [i["id"] for i in created]

    changed = await api.patch(f"/v1/initiatives/{created[1]['id']}", headers=tenant.admin,
                              json={"geography": "Eastside"})
    since = changed.json()["updated_at"]
    page = (await api.get("/v1/initiatives", headers=tenant.admin,
                          params={"updated_since": since})).json()
    assert [i["id"] for i in page["items"]] == [created[1]["id"]]


async def test_organizations_sync_with_a_crm_by_external_id(api: httpx.AsyncClient,
                                                            tenant: Tenant) -> None:
    url = "/v1/organizations/by-external-id/salesforce/0015g00000XyZ"
    created = await api.put(url, headers=tenant.admin,
                            json={"name": "Eastside Health", "sector": "health"})
    assert created.status_code == 201
    assert created.json()["external_ids"] == {"salesforce": "0015g00000XyZ"}
    updated = await api.put(url, headers=tenant.admin, json={
        "name": "Eastside Family Health", "sector": "health",
        "external_ids": {"hubspot": "77"}})
    assert updated.status_code == 200
    assert updated.json()["id"] == created.json()["id"]
    assert updated.json()["external_ids"] == {"hubspot": "77", "salesforce": "0015g00000XyZ"}
    unchanged = await api.put(url, headers=tenant.admin, json={
        "name": "Eastside Family Health", "sector": "health", "external_ids": {"hubspot": "77"}})
    assert unchanged.json()["version"] == updated.json()["version"]
    found = await api.get("/v1/organizations/by-external-id/hubspot/77", headers=tenant.admin)
    assert found.json()["name"] == "Eastside Family Health"

    clash = await api.post("/v1/organizations", headers=tenant.admin, json={
        "name": "Impostor", "sector": "business", "external_ids": {"hubspot": "77"}})
    assert clash.status_code == 409
    assert clash.json()["type"] == "urn:backbone:problem:external-id-taken"
    names = [o["name"] for o in (await api.get("/v1/organizations",
                                               headers=tenant.admin)).json()["items"]]
    assert names == ["Eastside Family Health"]


async def test_a_crm_id_replaced_is_freed_for_another_organization(
    api: httpx.AsyncClient, tenant: Tenant,
) -> None:
    """The CRM re-keys a record: the organization's id in that system changes, and the old
    id is free at once (taken by another organization in the next request)."""
    org = (await api.post("/v1/organizations", headers=tenant.admin, json={
        "name": "Northside Clinic", "sector": "health",
        "external_ids": {"salesforce": "OLD-1", "hubspot": "9"}})).json()
    rekeyed = await api.patch(f"/v1/organizations/{org['id']}", headers=tenant.admin,
                              json={"external_ids": {"salesforce": "NEW-1", "hubspot": "9"}})
    assert rekeyed.status_code == 200, rekeyed.text
    assert rekeyed.json()["external_ids"] == {"hubspot": "9", "salesforce": "NEW-1"}
    assert rekeyed.json()["version"] == org["version"] + 1
    old = "/v1/organizations/by-external-id/salesforce/OLD-1"
    assert (await api.get(old, headers=tenant.admin)).status_code == 404
    taken = await api.put(old, headers=tenant.admin,
                          json={"name": "Northside Dental", "sector": "health"})
    assert taken.status_code == 201, taken.text
    assert taken.json()["id"] != org["id"]
    new = await api.get("/v1/organizations/by-external-id/salesforce/NEW-1",
                        headers=tenant.admin)
    assert new.json()["id"] == org["id"]


async def test_participants_working_groups_and_decisions(api: httpx.AsyncClient,
                                                         tenant: Tenant,
    make_initiative: MakeInitiative) -> None:
    initiative = await make_initiative()
    base = f"/v1/initiatives/{initiative['id']}"
    org = (await api.post("/v1/organizations", headers=tenant.admin,
                          json={"name": "Library", "sector": "government"})).json()
    member = await api.post(f"{base}/participants", headers=tenant.admin, json={
        "kind": "organization", "organization_id": org["id"], "roles": ["partner"]})
    assert member.status_code == 201
    assert member.json()["display_name"] == "Library"
    twice = await api.post(f"{base}/participants", headers=tenant.admin, json={
        "kind": "organization", "organization_id": org["id"], "roles": ["funder"]})
    assert twice.status_code == 409
    resident = (await api.post(f"{base}/participants", headers=tenant.admin, json={
        "kind": "community_member", "display_name": "A parent",
        "roles": ["community_representative"]})).json()
    goal = (await api.post(f"{base}/goals", headers=tenant.admin, json={"title": "G"})).json()

    group = await api.post(f"{base}/working-groups", headers=tenant.admin, json={
        "name": "Early learning", "goal_ids": [goal["id"]],
        "member_ids": [member.json()["id"], resident["id"]]})
    assert group.status_code == 201
    bad = await api.post(f"{base}/working-groups", headers=tenant.admin, json={
        "name": "Ghosts", "member_ids": ["00000000-0000-4000-8000-000000000000"]})
    assert bad.status_code == 422
    assert bad.json()["type"] == "urn:backbone:problem:unknown-reference"

    vote = await api.post(f"{base}/decisions", headers=tenant.admin, json={
        "title": "Adopt goals", "method": "vote", "decided_on": "2025-01-10",
        "votes": {"in_favour": 9, "against": 1}, "goal_ids": [goal["id"]]})
    assert vote.status_code == 201
    tally_without_vote = await api.post(f"{base}/decisions", headers=tenant.admin, json={
        "title": "X", "method": "consensus", "decided_on": "2025-01-10",
        "votes": {"in_favour": 1}})
    assert tally_without_vote.status_code == 422
    listed = (await api.get(f"{base}/participants", headers=tenant.admin,
                            params={"role": "community_representative"})).json()["items"]
    assert [p["id"] for p in listed] == [resident["id"]]


async def test_concurrent_crm_upserts_of_one_external_id_make_one_organization(
    api: httpx.AsyncClient, tenant: Tenant,
) -> None:
    """Parallel sync workers sending the same CRM record: one creates, the rest update."""
    url = "/v1/organizations/by-external-id/salesforce/0015g00000ABC"
    responses = await asyncio.gather(*(
        api.put(url, headers=tenant.admin, json={"name": f"Westside Clinic {i}",
                                                 "sector": "health"})
        for i in range(4)))
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 201], [
        r.text for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    # Each update locked the organization it found: none was lost to another.
    assert sorted(r.json()["version"] for r in responses) == [1, 2, 3, 4]
    listed = (await api.get("/v1/organizations", headers=tenant.admin)).json()["items"]
    assert len(listed) == 1


async def test_every_read_has_an_etag_and_revalidates(
    api: httpx.AsyncClient, tenant: Tenant, make_initiative: MakeInitiative
) -> None:
    initiative = await make_initiative(name="Tagged")
    for url in ("/v1/initiatives", f"/v1/initiatives/{initiative['id']}",
                f"/v1/initiatives/{initiative['id']}/agenda", "/v1/organizations"):
        first = await api.get(url, headers=tenant.admin)
        etag = first.headers["etag"]
        unchanged = await api.get(url, headers={**tenant.admin, "If-None-Match": etag})
        assert unchanged.status_code == 304, url
        assert unchanged.content == b""
        assert unchanged.headers["etag"] == etag
    listed = (await api.get("/v1/initiatives", headers=tenant.admin)).headers["etag"]
    await api.patch(f"/v1/initiatives/{initiative['id']}", headers=tenant.admin,
                    json={"vision": "Every child thrives"})
    changed = await api.get("/v1/initiatives", headers={**tenant.admin,
                                                          "If-None-Match": listed})
    assert changed.status_code == 200
    assert changed.headers["etag"] != listed


# The other worker's organization, as agenda would store it, not yet committed.
_OTHER_WORKERS_CREATE = """
WITH org AS (
    INSERT INTO organizations (id, tenant, name, sector, version, created_at, updated_at)
    VALUES ($1, $2, 'Eastside', 'health', 1, now(), now()) RETURNING id, tenant)
INSERT INTO organization_external_ids (tenant, system, external_id, organization_id)
SELECT tenant, 'salesforce', $3, id FROM org
"""


@pytest.mark.parametrize("other_ids", [{}, {"hubspot": "77"}],
                         ids=["lookup-and-create-in-one", "other-ids-checked-first"])
async def test_an_upsert_that_meets_an_uncommitted_create_of_its_crm_id_updates_it(
    api: httpx.AsyncClient, tenant: Tenant, infra: Infrastructure, other_ids: dict[str, str],
) -> None:
    """Another worker has created the organization but not committed when this request
    looks the CRM id up: the request's create waits on the id's key, fails when the other
    commits, and is run again; it finds the organization and updates it (no 409, no second
    organization). Both of the upsert's paths: the caller may create and names no other CRM
    id (the lookup and the create are one statement), or names another one (checked first)."""
    url = "/v1/organizations/by-external-id/salesforce/0015g00000RACE"
    other = await asyncpg.connect(infra.settings("agenda").owner_asyncpg_dsn)
    try:
        async with other.transaction():
            org_id = uuid.uuid4()
            await other.execute(_OTHER_WORKERS_CREATE, org_id, tenant.name, "0015g00000RACE")
            put = asyncio.create_task(api.put(url, headers=tenant.admin, json={
                "name": "Eastside Clinic", "sector": "health", "external_ids": other_ids}))
            blocked = "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))"
            while not await other.fetchval(blocked, other.get_server_pid()):
                assert not put.done(), put.result().text
                await asyncio.sleep(0.01)
        response = await put
    finally:
        await other.close()
    assert response.status_code == 200, response.text
    assert response.json()["id"] == str(org_id)
    assert response.json()["name"] == "Eastside Clinic"
    assert response.json()["version"] == 2
    assert response.json()["external_ids"] == {"salesforce": "0015g00000RACE", **other_ids}
    listed = (await api.get("/v1/organizations", headers=tenant.admin)).json()["items"]
    assert [o["id"] for o in listed] == [str(org_id)]
"""Commitments: made, fulfilled, and announced once as overdue by the scheduled check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from activities.service.overdue import OverdueCommitments
from backbone.testing import every_tenant, wait_until


async def test_a_commitment_is_made_changed_and_fulfilled(
    api: httpx.AsyncClient, world: Any, events: Any,
) -> None:
    made = await api.post(f"{world.base}/commitments", headers=world.partner, json={
        "organization_id": str(world.org), "text": "Host tutoring in our branches",
        "strategy_id": str(world.strategy_id), "due_date": "2030-06-30"})
    assert made.status_code == 201, made.text
    url = f"/v1/commitments/{made.json()['id']}"
    assert (await api.patch(url, headers=world.partner, json={"text": "Host tutoring"})
            ).status_code == 200
    done = await api.patch(url, headers=world.partner, json={"status": "done"})
    assert done.json()["status"] == "done"
    assert [t for t, _ in await events(made.json()["id"])] == [
        "commitment.made", "commitment.updated", "commitment.fulfilled"]
    theirs = await api.post(f"{world.base}/commitments", headers=world.partner, json={
        "organization_id": str(world.other_org), "text": "Not ours to promise"})
    assert theirs.status_code == 403
    outsider = await api.post(f"{world.base}/commitments", headers=world.staff, json={
        "organization_id": str(world.funder), "text": "Not a participant"})
    assert outsider.status_code == 422
    assert outsider.json()["errors"][0]["loc"] == ["body", "organization_id"]


async def test_an_open_commitment_past_due_is_announced_once(
    api: httpx.AsyncClient, activities_app: FastAPI, world: Any, events: Any,
) -> None:
    today = datetime.now(UTC).date()  # the service's days are UTC days
    yesterday = (today - timedelta(days=1)).isoformat()
    late = (await api.post(f"{world.base}/commitments", headers=world.staff, json={
        "organization_id": str(world.org), "text": "Report attendance",
        "due_date": yesterday})).json()
    kept = (await api.post(f"{world.base}/commitments", headers=world.staff, json={
        "organization_id": str(world.org), "text": "Already done", "due_date": yesterday,
        "status": "done"})).json()
    url = f"/v1/commitments/{late['id']}"

    async def marked() -> bool:  # the service's own check runs every 0.2 s in these tests
        return (await api.get(url, headers=world.viewer)).json()["overdue_since"] is not None

    await wait_until(marked)
    checker = OverdueCommitments(every_tenant(activities_app), 1.0)
    for _ in range(3):  # however often a check runs (on any replica), it is announced once
        await checker.check()
    assert [t for t, _ in await events(late["id"])] == ["commitment.made",
                                                        "commitment.overdue"]
    assert [t for t, _ in await events(kept["id"])] == ["commitment.made"]
    overdue = await api.get(f"{world.base}/commitments", headers=world.viewer,
                            params={"overdue": "true"})
    assert [c["id"] for c in overdue.json()["items"]] == [late["id"]]

    # A new due date is a new promise: once it passes too, it is announced again.
    moved = await api.patch(url, headers=world.staff,
                            json={"due_date": (today - timedelta(days=2)).isoformat()})
    assert moved.json()["overdue_since"] is None
    await wait_until(marked)
    assert [t for t, _ in await events(late["id"])][-1] == "commitment.overdue"
    assert len([t for t, _ in await events(late["id"]) if t == "commitment.overdue"]) == 2

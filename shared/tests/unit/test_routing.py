"""The route table: one owner per path, and no two services on paths a request could
match both ways."""

from __future__ import annotations

import pytest

from backbone.routing import RouteConflictError, RouteTable


def _doc(*paths: str) -> dict[str, object]:
    return {"paths": {p: {} for p in paths}}


def test_paths_go_to_their_service_literal_segments_first() -> None:
    table = RouteTable.from_documents({
        "agenda": _doc("/v1/initiatives/{initiative_id}", "/v1/initiatives/{initiative_id}/goals",
                       "/v1/organizations/by-external-id/{system}/{external_id}",
                       "/v1/organizations/{organization_id}", "/healthz"),
        "activities": _doc("/v1/initiatives/{initiative_id}/activities",
                           "/v1/event-types"),
    })
    assert table.service_for("/v1/initiatives/5/activities") == "activities"
    assert table.service_for("/v1/initiatives/5/goals") == "agenda"
    assert table.service_for("/v1/initiatives/5") == "agenda"
    assert table.service_for("/v1/organizations/by-external-id/crm/7") == "agenda"
    assert table.service_for("/v1/initiatives/5/activities/extra") is None
    assert table.service_for("/v1/event-types") is None  # the gateway's own
    assert table.service_for("/healthz") is None
    regexes = {r.template: r.regex for r in table.routes}
    assert regexes["/v1/organizations/by-external-id/{system}/{external_id}"] == \
        "^/v1/organizations/by-external-id/[^/]+/[^/]+$"


@pytest.mark.parametrize(("mine", "theirs"), [
    ("/v1/initiatives/{id}/goals", "/v1/initiatives/{id}/goals"),
    ("/v1/initiatives/{id}/goals", "/v1/initiatives/{initiative_id}/{what}"),
    ("/v1/things/special", "/v1/things/{thing_id}"),
])
def test_two_services_may_not_claim_one_request(mine: str, theirs: str) -> None:
    with pytest.raises(RouteConflictError):
        RouteTable.from_documents({"agenda": _doc(mine), "measurement": _doc(theirs)})
    RouteTable.from_documents({"agenda": _doc(mine, theirs)})  # within a service: its call

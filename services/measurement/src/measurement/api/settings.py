"""An initiative's measurement settings."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from backbone.auth.principal import InitiativeRole
from backbone.contracts.measurement.entities import MeasurementSettingsRead
from backbone.http.deps import CurrentPrincipal, IfMatch, ReadSession, Write, entity_response
from backbone.http.policy import Access, access
from backbone.http.problems import PROBLEM_RESPONSES
from measurement import schemas
from measurement.service import settings
from measurement.service.context import initiative_for

router = APIRouter(prefix="/v1", tags=["settings"], responses=PROBLEM_RESPONSES)
PATH = "/initiatives/{initiative_id}/measurement-settings"


@router.get(PATH, response_model=MeasurementSettingsRead,
            operation_id="getMeasurementSettings",
            summary="The initiative's small-cell minimum and fiscal year (ETag in the response)")
async def get_settings(initiative_id: uuid.UUID, session: ReadSession,
                       principal: CurrentPrincipal) -> Response:
    initiative = await initiative_for(session, principal, initiative_id, InitiativeRole.VIEWER)
    return entity_response(MeasurementSettingsRead.model_validate(initiative))


@router.patch(PATH, response_model=MeasurementSettingsRead,
              openapi_extra=access(Access.BACKBONE_STAFF),
              operation_id="updateMeasurementSettings",
              summary="Change the measurement settings (backbone staff)")
async def update_settings(initiative_id: uuid.UUID, body: schemas.MeasurementSettingsUpdate,
                          write: Write, if_match: IfMatch = None) -> Response:
    return await write.run(
        lambda s: settings.update(s, write.principal, initiative_id, body, if_match),
        MeasurementSettingsRead)

"""The events the measurement service publishes on ``backbone.measurement.v1``.

Observation events are compact and complete: one per observation change, carrying the
observation's key and figures, so a data team can rebuild the data from the topic alone.
"""

from __future__ import annotations

import uuid

from pydantic import ConfigDict, Field

from backbone.events.outbox import Outbox
from backbone.events.registry import EventPayload, EventRegistry, Removed
from measurement import figures, reporting, schemas
from measurement.domain.progress import ProgressStatus


class _Snapshot(EventPayload):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class SettingsState(_Snapshot, schemas.MeasurementSettingsRead):
    pass


class DimensionState(_Snapshot, schemas.DimensionRead):
    pass


class IndicatorState(_Snapshot, schemas.IndicatorState):
    pass


class TargetsSet(EventPayload):
    indicator_id: uuid.UUID
    initiative_id: uuid.UUID
    targets: list[schemas.TargetRead]


class ObservationChanged(EventPayload, reporting.ObservationFacts):
    """An observation after a change; ``version`` orders the changes of one observation."""

    id: uuid.UUID
    indicator_code: str
    version: int
    changed_by: str
    note: str


class IndicatorStatusChanged(EventPayload):
    indicator_id: uuid.UUID
    initiative_id: uuid.UUID
    code: str
    view: schemas.StatusView = Field(
        default=schemas.StatusView.ALL,
        description="`reviewed`: approved data with small cells protected, as viewers see "
                    "it; `all`: all data not rejected, for backbone staff only.")
    previous_status: ProgressStatus
    status: ProgressStatus
    latest: figures.Mark | None
    target: figures.Mark | None


class ImportCompleted(EventPayload):
    import_id: uuid.UUID
    initiative_id: uuid.UUID
    format: str
    mode: reporting.ImportMode
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: int
    imported_by: str


registry = EventRegistry("measurement")
outbox = Outbox(registry)

SETTINGS_UPDATED = registry.define(
    "settings.updated", SettingsState,
    "An initiative's measurement settings (small-cell minimum, fiscal year) changed.")
DIMENSION_DEFINED = registry.define("dimension.defined", DimensionState,
                                    "A disaggregation dimension was defined.")
DIMENSION_UPDATED = registry.define("dimension.updated", DimensionState,
                                    "A dimension changed (options added or retired).")
DIMENSION_DELETED = registry.define("dimension.deleted", Removed,
                                    "An unused dimension was deleted.")
INDICATOR_DEFINED = registry.define("indicator.defined", IndicatorState,
                                    "An indicator was defined.")
INDICATOR_UPDATED = registry.define("indicator.updated", IndicatorState,
                                    "An indicator's definition, rules or links changed.")
INDICATOR_RETIRED = registry.define("indicator.retired", IndicatorState,
                                    "An indicator was retired: it takes no new data.")
INDICATOR_STATUS_CHANGED = registry.define(
    "indicator.status_changed", IndicatorStatusChanged,
    "An indicator's overall progress status changed (e.g. on track -> off track).")
TARGETS_SET = registry.define("targets.set", TargetsSet,
                              "An indicator's baseline targets were replaced.")
OBSERVATION_RECORDED = registry.define("observation.recorded", ObservationChanged,
                                       "A new observation was recorded (status submitted).")
OBSERVATION_REVISED = registry.define("observation.revised", ObservationChanged,
                                      "An observation's figures were corrected.")
OBSERVATION_APPROVED = registry.define("observation.approved", ObservationChanged,
                                       "Backbone staff approved an observation.")
OBSERVATION_REJECTED = registry.define("observation.rejected", ObservationChanged,
                                       "Backbone staff rejected an observation, with a note.")
IMPORT_COMPLETED = registry.define("import.completed", ImportCompleted,
                                   "A batch or CSV import was applied (summary).")

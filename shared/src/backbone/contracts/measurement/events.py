"""The event types measurement publishes.

Observation events are compact and complete: one per observation change, carrying the
observation's key and figures, so a data team can rebuild the data from the topic alone.
Created/updated payloads of definitions carry the entity's full state after the change.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from backbone.contracts.measurement import entities
from backbone.contracts.measurement.entities import (
    GapTrend,
    ImportMode,
    Mark,
    ProgressStatus,
    StatusView,
)
from backbone.events.registry import EventPayload, EventRegistry, Removed


class _Snapshot(EventPayload):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class SettingsState(_Snapshot, entities.MeasurementSettingsRead):
    pass


class DimensionState(_Snapshot, entities.DimensionRead):
    pass


class IndicatorState(_Snapshot, entities.IndicatorState):
    pass


class TargetsSet(EventPayload):
    indicator_id: uuid.UUID
    initiative_id: uuid.UUID
    targets: list[entities.TargetRead]


class ObservationChanged(EventPayload, entities.ObservationFacts):
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
    view: StatusView = Field(
        default=StatusView.ALL,
        description="`reviewed`: approved data with small cells protected, as viewers see "
                    "it; `all`: all data not rejected, for backbone staff only.")
    previous_status: ProgressStatus
    status: ProgressStatus
    latest: Mark | None
    target: Mark | None


class DimensionDisparities(BaseModel):
    """How the gaps between the groups of one dimension changed, from the first to the
    latest period in which a group and the reference group both have figures."""

    dimension_id: uuid.UUID
    dimension: str = Field(description="The dimension's code.")
    reference_group: str
    reference_rule: str = Field(description="'best': the best-performing group in the "
                                            "latest period.")
    trends: list[GapTrend]


class DisparitiesChanged(EventPayload):
    indicator_id: uuid.UUID
    initiative_id: uuid.UUID
    code: str
    view: StatusView = Field(
        default=StatusView.REVIEWED,
        description="Always `reviewed`: approved data with small cells protected, as "
                    "viewers see it (a suppressed group has no trend).")
    dimensions: list[DimensionDisparities] = Field(
        description="Each of the indicator's dimensions with two or more groups to compare.")


class ImportCompleted(EventPayload):
    import_id: uuid.UUID
    initiative_id: uuid.UUID
    format: str
    mode: ImportMode
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: int
    imported_by: str


registry = EventRegistry("measurement")

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
INDICATOR_DISPARITIES_CHANGED = registry.define(
    "indicator.disparities_changed", DisparitiesChanged,
    "The gaps between an indicator's groups changed as viewers see them: per dimension, "
    "whether each group's gap to the reference group is narrowing, stable or widening.")
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

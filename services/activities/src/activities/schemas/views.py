"""The computed views: the alignment matrix, gaps, overlaps and the network map.

Views are documents the service computes; some are built as plain values for speed
(``backbone.http.deps.plain_response``), so every model here refuses fields it does not
declare, and the API tests read each view back through its model.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from activities.domain.gaps import GapKind
from activities.schemas.activities import ActivityStatus, PopulationRead
from activities.schemas.contributors import MoneyRead


class View(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AlignmentBy(StrEnum):
    GEOGRAPHY = "geography"


class Resources(View):
    money: list[MoneyRead] = Field(description="Summed per currency.")
    staff_hours: float | None
    in_kind: list[str]


class AlignedActivity(View):
    id: uuid.UUID
    title: str
    status: ActivityStatus
    start_date: date | None
    end_date: date | None


class CellActivity(View):
    """An organization's part in one activity of the matrix (``activities``)."""

    activity_id: uuid.UUID
    roles: list[str] = Field(description="`lead`, and the organization's contributor roles.")
    resources: Resources | None = Field(description="What this organization brings to it "
                                                    "(none when nothing is recorded).")


class AlignmentCell(View):
    strategy_id: uuid.UUID | None = Field(description="None: activities serving no strategy.")
    organization_id: uuid.UUID
    geography: str | None = Field(default=None, description="With `by=geography`: the place "
                                                            "(None: the whole area).")
    activities: list[CellActivity]


class StrategyRow(View):
    id: uuid.UUID
    title: str
    goal_id: uuid.UUID
    goal_title: str | None


class OrganizationColumn(View):
    id: uuid.UUID
    name: str | None = Field(description="As agenda's directory names it.")


class AlignmentRead(View):
    initiative_id: uuid.UUID
    by: AlignmentBy | None
    strategies: list[StrategyRow]
    organizations: list[OrganizationColumn]
    geographies: list[str] | None = Field(description="With `by=geography`: the places of "
                                                      "the cells.")
    activities: list[AlignedActivity] = Field(description="Each activity of the cells, once.")
    cells: list[AlignmentCell]


class WideningRead(View):
    dimension: str
    group: str
    reference_group: str
    first_period: str
    last_period: str
    first_gap: float
    last_gap: float


class GapRead(View):
    kind: GapKind
    reason: str
    goal_id: uuid.UUID | None
    strategy_id: uuid.UUID | None
    indicator_id: uuid.UUID | None
    geographies: list[str] = Field(description="The places left out, at the highest level "
                                               "(none: everywhere, or not about places).")
    widening: WideningRead | None = Field(description="For a widening gap: how it widened, "
                                                      "as measurement reports it to viewers.")
    activity_ids: list[uuid.UUID] = Field(description="Running activities doing this work "
                                                      "elsewhere.")


class GapsRead(View):
    initiative_id: uuid.UUID
    as_of: date
    counts: dict[GapKind, int]
    gaps: list[GapRead]


class OverlapActivity(View):
    id: uuid.UUID
    title: str
    lead_organization_id: uuid.UUID
    start_date: date | None
    end_date: date | None


class OverlapRead(View):
    activities: list[OverlapActivity]
    strategy_ids: list[uuid.UUID]
    geographies: list[str] = Field(description="Where both reach ([]: the whole area).")
    populations: list[PopulationRead] = Field(description="Whom both can serve ([]: "
                                                          "everyone).")
    start_date: date | None
    end_date: date | None
    marked_duplicate: bool = Field(description="A `duplicates` link says so already.")
    reason: str


class OverlapsRead(View):
    initiative_id: uuid.UUID
    as_of: date
    overlaps: list[OverlapRead]


class MapElement(View):
    """A Kumu element: ``type`` is Organization, Activity, Strategy, Goal or Indicator."""

    id: str
    label: str
    type: str
    description: str = ""
    tags: list[str] = []
    status: str | None = None
    degree: int | None = None
    betweenness: float | None = None
    isolate: bool | None = None


class MapConnection(View):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str
    from_: str = Field(alias="from", serialization_alias="from")
    to: str
    type: str
    direction: str = "directed"


class OrganizationStanding(View):
    organization_id: uuid.UUID
    name: str | None
    degree: int = Field(description="Organizations it works with.")
    betweenness: float = Field(description="Share of shortest paths between two other "
                                           "organizations through it (0 to 1).")
    isolate: bool


class MapRead(View):
    """Importable into Kumu as a JSON blueprint (`elements` and `connections`)."""

    elements: list[MapElement]
    connections: list[MapConnection]
    organizations: list[OrganizationStanding]
    isolates: list[uuid.UUID]
    depends_on_cycles: list[list[uuid.UUID]]

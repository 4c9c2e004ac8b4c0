"""The events the activities service publishes on ``backbone.activities.v1``, keyed by
initiative.

Created/changed payloads carry the entity's full state after the change (the same fields as
its HTTP representation), so consumers can keep a read model without calling back.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from activities.schemas.activities import ActivityRead, ActivityStatus
from activities.schemas.commitments import CommitmentRead
from activities.schemas.contributors import ContributorRead
from activities.schemas.geographies import GeographyRead
from activities.schemas.links import LinkRead
from activities.schemas.updates import UpdateRead
from backbone.events.outbox import Outbox
from backbone.events.registry import EventPayload, EventRegistry, Removed


class _Snapshot(EventPayload):
    model_config = ConfigDict(extra="forbid", from_attributes=True)


class GeographyState(_Snapshot, GeographyRead):
    pass


class ActivityState(_Snapshot, ActivityRead):
    pass


class ActivityStatusChanged(ActivityState):
    previous_status: ActivityStatus = Field(description="The status before this change.")


class ContributorState(_Snapshot, ContributorRead):
    pass


class CommitmentState(_Snapshot, CommitmentRead):
    pass


class UpdateState(_Snapshot, UpdateRead):
    pass


class LinkState(_Snapshot, LinkRead):
    pass


registry = EventRegistry("activities")
outbox = Outbox(registry)

GEOGRAPHY_DEFINED = registry.define("geography.defined", GeographyState,
                                    "A place was added to the initiative's geography list.")
GEOGRAPHY_UPDATED = registry.define("geography.updated", GeographyState,
                                    "A place was renamed or moved under another place.")
ACTIVITY_CREATED = registry.define("activity.created", ActivityState,
                                   "An activity was recorded.")
ACTIVITY_UPDATED = registry.define(
    "activity.updated", ActivityState,
    "An activity changed (not its status: that is `activity.status_changed`), or lost a "
    "link to a goal or strategy agenda removed.")
ACTIVITY_STATUS_CHANGED = registry.define(
    "activity.status_changed", ActivityStatusChanged,
    "An activity's status changed (planned, active, paused, completed, cancelled), maybe "
    "with other fields; carries its full state and the previous status.")
ACTIVITY_DELETED = registry.define("activity.deleted", Removed,
                                   "An activity was deleted (its contributors, updates and "
                                   "links are removed with it, each announced).")
CONTRIBUTOR_ADDED = registry.define("contributor.added", ContributorState,
                                    "An organization joined an activity in a role.")
CONTRIBUTOR_UPDATED = registry.define("contributor.updated", ContributorState,
                                      "What an organization brings to an activity changed.")
CONTRIBUTOR_REMOVED = registry.define("contributor.removed", Removed,
                                      "An organization's part in an activity was removed.")
COMMITMENT_MADE = registry.define("commitment.made", CommitmentState,
                                  "A participant organization made a commitment.")
COMMITMENT_UPDATED = registry.define("commitment.updated", CommitmentState,
                                     "A commitment changed (text, links, due date, dropped "
                                     "or reopened).")
COMMITMENT_FULFILLED = registry.define("commitment.fulfilled", CommitmentState,
                                       "A commitment was marked done.")
COMMITMENT_OVERDUE = registry.define("commitment.overdue", CommitmentState,
                                     "An open commitment passed its due date (announced "
                                     "once per due date, by the service's daily check).")
UPDATE_POSTED = registry.define("activity_update.posted", UpdateState,
                                "A progress note or milestone of an activity was posted.")
UPDATE_REVISED = registry.define("activity_update.revised", UpdateState,
                                 "A progress note or milestone was corrected (e.g. a "
                                 "milestone reached).")
UPDATE_DELETED = registry.define("activity_update.deleted", Removed,
                                 "A progress note or milestone was deleted.")
LINK_ADDED = registry.define("activity_link.added", LinkState,
                             "Two activities were linked (reinforces, depends_on, duplicates).")
LINK_REMOVED = registry.define("activity_link.removed", Removed,
                               "A link between two activities was removed.")

"""Contains all the data models used in inputs/outputs"""

from .across_places import AcrossPlaces
from .across_time import AcrossTime
from .activity_create import ActivityCreate
from .activity_create_external_ids import ActivityCreateExternalIds
from .activity_read import ActivityRead
from .activity_read_external_ids import ActivityReadExternalIds
from .activity_status import ActivityStatus
from .activity_update import ActivityUpdate
from .activity_update_external_ids import ActivityUpdateExternalIds
from .agenda_document import AgendaDocument
from .agenda_goal import AgendaGoal
from .agenda_revision_read import AgendaRevisionRead
from .agenda_revision_summary import AgendaRevisionSummary
from .agenda_strategy import AgendaStrategy
from .aligned_activity import AlignedActivity
from .alignment_by import AlignmentBy
from .alignment_cell import AlignmentCell
from .alignment_read import AlignmentRead
from .announcement_create import AnnouncementCreate
from .announcement_read import AnnouncementRead
from .batch_request import BatchRequest
from .batch_row import BatchRow
from .batch_row_disaggregation import BatchRowDisaggregation
from .by_role import ByRole
from .category import Category
from .cell_activity import CellActivity
from .channels import Channels
from .chosen_organizations import ChosenOrganizations
from .commitment_create import CommitmentCreate
from .commitment_read import CommitmentRead
from .commitment_status import CommitmentStatus
from .commitment_update import CommitmentUpdate
from .consistency import Consistency
from .consistency_note import ConsistencyNote
from .consistency_note_disaggregation import ConsistencyNoteDisaggregation
from .contributor_create import ContributorCreate
from .contributor_read import ContributorRead
from .contributor_role import ContributorRole
from .contributor_update import ContributorUpdate
from .decision_create import DecisionCreate
from .decision_method import DecisionMethod
from .decision_read import DecisionRead
from .decision_read_votes_type_0 import DecisionReadVotesType0
from .decision_update import DecisionUpdate
from .delivery_read import DeliveryRead
from .delivery_status import DeliveryStatus
from .difference import Difference
from .difference_figure import DifferenceFigure
from .digest_cadence import DigestCadence
from .dimension_create import DimensionCreate
from .dimension_option import DimensionOption
from .dimension_read import DimensionRead
from .dimension_update import DimensionUpdate
from .direction import Direction
from .disparities_read import DisparitiesRead
from .endpoint_create import EndpointCreate
from .endpoint_created import EndpointCreated
from .endpoint_read import EndpointRead
from .endpoint_secret import EndpointSecret
from .endpoint_update import EndpointUpdate
from .event_type_info import EventTypeInfo
from .event_type_info_json_schema import EventTypeInfoJsonSchema
from .everyone import Everyone
from .export_format import ExportFormat
from .export_status import ExportStatus
from .feed_audience import FeedAudience
from .feed_entry_read import FeedEntryRead
from .field_error import FieldError
from .format_ import Format
from .frequency import Frequency
from .gap_kind import GapKind
from .gap_read import GapRead
from .gap_trend import GapTrend
from .gaps_read import GapsRead
from .gaps_read_counts import GapsReadCounts
from .geography_create import GeographyCreate
from .geography_read import GeographyRead
from .geography_update import GeographyUpdate
from .goal_create import GoalCreate
from .goal_read import GoalRead
from .goal_status import GoalStatus
from .goal_update import GoalUpdate
from .group_gap import GroupGap
from .group_progress import GroupProgress
from .history_entry import HistoryEntry
from .import_mode import ImportMode
from .import_result import ImportResult
from .import_summary import ImportSummary
from .indicator_create import IndicatorCreate
from .indicator_kind import IndicatorKind
from .indicator_read import IndicatorRead
from .indicator_status import IndicatorStatus
from .indicator_update import IndicatorUpdate
from .initiative_create import InitiativeCreate
from .initiative_read import InitiativeRead
from .initiative_read_preconditions import InitiativeReadPreconditions
from .initiative_status import InitiativeStatus
from .initiative_update import InitiativeUpdate
from .link_added import LinkAdded
from .link_create import LinkCreate
from .link_kind import LinkKind
from .link_read import LinkRead
from .map_connection import MapConnection
from .map_element import MapElement
from .map_read import MapRead
from .mark import Mark
from .marked_read import MarkedRead
from .measurement_settings_read import MeasurementSettingsRead
from .measurement_settings_update import MeasurementSettingsUpdate
from .money import Money
from .money_read import MoneyRead
from .notification_patch import NotificationPatch
from .notification_read import NotificationRead
from .observation_in import ObservationIn
from .observation_in_disaggregation import ObservationInDisaggregation
from .observation_read import ObservationRead
from .observation_read_disaggregation import ObservationReadDisaggregation
from .observation_status import ObservationStatus
from .organization_column import OrganizationColumn
from .organization_create import OrganizationCreate
from .organization_create_external_ids import OrganizationCreateExternalIds
from .organization_read import OrganizationRead
from .organization_read_external_ids import OrganizationReadExternalIds
from .organization_standing import OrganizationStanding
from .organization_update import OrganizationUpdate
from .organization_update_external_ids import OrganizationUpdateExternalIds
from .output import Output
from .output_read import OutputRead
from .overlap_activity import OverlapActivity
from .overlap_read import OverlapRead
from .overlaps_read import OverlapsRead
from .page_activity_read import PageActivityRead
from .page_announcement_read import PageAnnouncementRead
from .page_commitment_read import PageCommitmentRead
from .page_contributor_read import PageContributorRead
from .page_decision_read import PageDecisionRead
from .page_delivery_read import PageDeliveryRead
from .page_dimension_read import PageDimensionRead
from .page_endpoint_read import PageEndpointRead
from .page_feed_entry_read import PageFeedEntryRead
from .page_geography_read import PageGeographyRead
from .page_goal_read import PageGoalRead
from .page_indicator_read import PageIndicatorRead
from .page_initiative_read import PageInitiativeRead
from .page_link_read import PageLinkRead
from .page_notification_read import PageNotificationRead
from .page_observation_read import PageObservationRead
from .page_organization_read import PageOrganizationRead
from .page_participant_read import PageParticipantRead
from .page_recipient_read import PageRecipientRead
from .page_strategy_read import PageStrategyRead
from .page_update_read import PageUpdateRead
from .page_working_group_read import PageWorkingGroupRead
from .participant_create import ParticipantCreate
from .participant_kind import ParticipantKind
from .participant_read import ParticipantRead
from .participant_role import ParticipantRole
from .participant_update import ParticipantUpdate
from .period_gaps import PeriodGaps
from .phase import Phase
from .population import Population
from .population_read import PopulationRead
from .precondition_assessment import PreconditionAssessment
from .preconditions import Preconditions
from .preferences import Preferences
from .problem import Problem
from .progress_read import ProgressRead
from .progress_status import ProgressStatus
from .quiet_hours import QuietHours
from .readiness import Readiness
from .recipient_batch import RecipientBatch
from .recipient_read import RecipientRead
from .recipient_read_external_ids import RecipientReadExternalIds
from .recipient_upsert import RecipientUpsert
from .recipient_upsert_external_ids import RecipientUpsertExternalIds
from .recipients_upserted import RecipientsUpserted
from .recover_request import RecoverRequest
from .recovered import Recovered
from .resources import Resources
from .review_decision import ReviewDecision
from .review_in import ReviewIn
from .row_outcome import RowOutcome
from .row_result import RowResult
from .sector import Sector
from .series import Series
from .series_point import SeriesPoint
from .series_read import SeriesRead
from .strategy_create import StrategyCreate
from .strategy_read import StrategyRead
from .strategy_row import StrategyRow
from .strategy_update import StrategyUpdate
from .stream_my_notifications_response_200 import StreamMyNotificationsResponse200
from .stream_my_notifications_response_200_event import (
    StreamMyNotificationsResponse200Event,
)
from .target_in import TargetIn
from .target_in_disaggregation import TargetInDisaggregation
from .target_read import TargetRead
from .target_read_disaggregation import TargetReadDisaggregation
from .targets_put import TargetsPut
from .targets_read import TargetsRead
from .trend import Trend
from .unit import Unit
from .unread_count import UnreadCount
from .update_change import UpdateChange
from .update_create import UpdateCreate
from .update_kind import UpdateKind
from .update_read import UpdateRead
from .votes import Votes
from .widening_read import WideningRead
from .working_group_create import WorkingGroupCreate
from .working_group_members import WorkingGroupMembers
from .working_group_read import WorkingGroupRead
from .working_group_update import WorkingGroupUpdate

__all__ = (
    "AcrossPlaces",
    "AcrossTime",
    "ActivityCreate",
    "ActivityCreateExternalIds",
    "ActivityRead",
    "ActivityReadExternalIds",
    "ActivityStatus",
    "ActivityUpdate",
    "ActivityUpdateExternalIds",
    "AgendaDocument",
    "AgendaGoal",
    "AgendaRevisionRead",
    "AgendaRevisionSummary",
    "AgendaStrategy",
    "AlignedActivity",
    "AlignmentBy",
    "AlignmentCell",
    "AlignmentRead",
    "AnnouncementCreate",
    "AnnouncementRead",
    "BatchRequest",
    "BatchRow",
    "BatchRowDisaggregation",
    "ByRole",
    "Category",
    "CellActivity",
    "Channels",
    "ChosenOrganizations",
    "CommitmentCreate",
    "CommitmentRead",
    "CommitmentStatus",
    "CommitmentUpdate",
    "Consistency",
    "ConsistencyNote",
    "ConsistencyNoteDisaggregation",
    "ContributorCreate",
    "ContributorRead",
    "ContributorRole",
    "ContributorUpdate",
    "DecisionCreate",
    "DecisionMethod",
    "DecisionRead",
    "DecisionReadVotesType0",
    "DecisionUpdate",
    "DeliveryRead",
    "DeliveryStatus",
    "Difference",
    "DifferenceFigure",
    "DigestCadence",
    "DimensionCreate",
    "DimensionOption",
    "DimensionRead",
    "DimensionUpdate",
    "Direction",
    "DisparitiesRead",
    "EndpointCreate",
    "EndpointCreated",
    "EndpointRead",
    "EndpointSecret",
    "EndpointUpdate",
    "EventTypeInfo",
    "EventTypeInfoJsonSchema",
    "Everyone",
    "ExportFormat",
    "ExportStatus",
    "FeedAudience",
    "FeedEntryRead",
    "FieldError",
    "Format",
    "Frequency",
    "GapKind",
    "GapRead",
    "GapsRead",
    "GapsReadCounts",
    "GapTrend",
    "GeographyCreate",
    "GeographyRead",
    "GeographyUpdate",
    "GoalCreate",
    "GoalRead",
    "GoalStatus",
    "GoalUpdate",
    "GroupGap",
    "GroupProgress",
    "HistoryEntry",
    "ImportMode",
    "ImportResult",
    "ImportSummary",
    "IndicatorCreate",
    "IndicatorKind",
    "IndicatorRead",
    "IndicatorStatus",
    "IndicatorUpdate",
    "InitiativeCreate",
    "InitiativeRead",
    "InitiativeReadPreconditions",
    "InitiativeStatus",
    "InitiativeUpdate",
    "LinkAdded",
    "LinkCreate",
    "LinkKind",
    "LinkRead",
    "MapConnection",
    "MapElement",
    "MapRead",
    "Mark",
    "MarkedRead",
    "MeasurementSettingsRead",
    "MeasurementSettingsUpdate",
    "Money",
    "MoneyRead",
    "NotificationPatch",
    "NotificationRead",
    "ObservationIn",
    "ObservationInDisaggregation",
    "ObservationRead",
    "ObservationReadDisaggregation",
    "ObservationStatus",
    "OrganizationColumn",
    "OrganizationCreate",
    "OrganizationCreateExternalIds",
    "OrganizationRead",
    "OrganizationReadExternalIds",
    "OrganizationStanding",
    "OrganizationUpdate",
    "OrganizationUpdateExternalIds",
    "Output",
    "OutputRead",
    "OverlapActivity",
    "OverlapRead",
    "OverlapsRead",
    "PageActivityRead",
    "PageAnnouncementRead",
    "PageCommitmentRead",
    "PageContributorRead",
    "PageDecisionRead",
    "PageDeliveryRead",
    "PageDimensionRead",
    "PageEndpointRead",
    "PageFeedEntryRead",
    "PageGeographyRead",
    "PageGoalRead",
    "PageIndicatorRead",
    "PageInitiativeRead",
    "PageLinkRead",
    "PageNotificationRead",
    "PageObservationRead",
    "PageOrganizationRead",
    "PageParticipantRead",
    "PageRecipientRead",
    "PageStrategyRead",
    "PageUpdateRead",
    "PageWorkingGroupRead",
    "ParticipantCreate",
    "ParticipantKind",
    "ParticipantRead",
    "ParticipantRole",
    "ParticipantUpdate",
    "PeriodGaps",
    "Phase",
    "Population",
    "PopulationRead",
    "PreconditionAssessment",
    "Preconditions",
    "Preferences",
    "Problem",
    "ProgressRead",
    "ProgressStatus",
    "QuietHours",
    "Readiness",
    "RecipientBatch",
    "RecipientRead",
    "RecipientReadExternalIds",
    "RecipientsUpserted",
    "RecipientUpsert",
    "RecipientUpsertExternalIds",
    "Recovered",
    "RecoverRequest",
    "Resources",
    "ReviewDecision",
    "ReviewIn",
    "RowOutcome",
    "RowResult",
    "Sector",
    "Series",
    "SeriesPoint",
    "SeriesRead",
    "StrategyCreate",
    "StrategyRead",
    "StrategyRow",
    "StrategyUpdate",
    "StreamMyNotificationsResponse200",
    "StreamMyNotificationsResponse200Event",
    "TargetIn",
    "TargetInDisaggregation",
    "TargetRead",
    "TargetReadDisaggregation",
    "TargetsPut",
    "TargetsRead",
    "Trend",
    "Unit",
    "UnreadCount",
    "UpdateChange",
    "UpdateCreate",
    "UpdateKind",
    "UpdateRead",
    "Votes",
    "WideningRead",
    "WorkingGroupCreate",
    "WorkingGroupMembers",
    "WorkingGroupRead",
    "WorkingGroupUpdate",
)

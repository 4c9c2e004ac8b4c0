from enum import StrEnum


class GapKind(StrEnum):
    GEOGRAPHY_WITHOUT_ACTIVITY = "geography_without_activity"
    GOAL_WITHOUT_ACTIVITY = "goal_without_activity"
    INDICATOR_OFF_TRACK_WITHOUT_ACTIVITY = "indicator_off_track_without_activity"
    STRATEGY_WITHOUT_ACTIVITY = "strategy_without_activity"
    WIDENING_GAP_WITHOUT_ACTIVITY = "widening_gap_without_activity"

    def __str__(self) -> str:
        return str(self.value)

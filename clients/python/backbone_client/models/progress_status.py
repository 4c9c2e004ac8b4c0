from enum import StrEnum


class ProgressStatus(StrEnum):
    NO_DATA = "no_data"
    NO_TARGET = "no_target"
    OFF_TRACK = "off_track"
    ON_TRACK = "on_track"
    TARGET_MET = "target_met"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ActivityStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    PAUSED = "paused"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)

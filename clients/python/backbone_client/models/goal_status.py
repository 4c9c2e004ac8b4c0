from enum import StrEnum


class GoalStatus(StrEnum):
    ACHIEVED = "achieved"
    ACTIVE = "active"
    RETIRED = "retired"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class InitiativeStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    PAUSED = "paused"
    PLANNING = "planning"

    def __str__(self) -> str:
        return str(self.value)

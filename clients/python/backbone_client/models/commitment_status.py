from enum import StrEnum


class CommitmentStatus(StrEnum):
    DONE = "done"
    DROPPED = "dropped"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class UpdateKind(StrEnum):
    MILESTONE = "milestone"
    NOTE = "note"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class AlignmentBy(StrEnum):
    GEOGRAPHY = "geography"

    def __str__(self) -> str:
        return str(self.value)

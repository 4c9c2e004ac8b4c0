from enum import StrEnum


class ImportMode(StrEnum):
    ALL_OR_NOTHING = "all_or_nothing"
    PARTIAL = "partial"

    def __str__(self) -> str:
        return str(self.value)

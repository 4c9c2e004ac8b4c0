from enum import StrEnum


class Readiness(StrEnum):
    ABSENT = "absent"
    PARTIAL = "partial"
    STRONG = "strong"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)

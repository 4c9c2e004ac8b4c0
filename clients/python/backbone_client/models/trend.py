from enum import StrEnum


class Trend(StrEnum):
    NARROWING = "narrowing"
    STABLE = "stable"
    WIDENING = "widening"

    def __str__(self) -> str:
        return str(self.value)

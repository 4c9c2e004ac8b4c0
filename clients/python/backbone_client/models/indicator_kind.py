from enum import StrEnum


class IndicatorKind(StrEnum):
    PERFORMANCE = "performance"
    POPULATION = "population"

    def __str__(self) -> str:
        return str(self.value)

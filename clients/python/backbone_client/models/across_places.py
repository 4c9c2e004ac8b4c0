from enum import StrEnum


class AcrossPlaces(StrEnum):
    LATEST = "latest"
    MEAN = "mean"
    SUM = "sum"

    def __str__(self) -> str:
        return str(self.value)

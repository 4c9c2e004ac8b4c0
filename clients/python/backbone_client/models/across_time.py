from enum import StrEnum


class AcrossTime(StrEnum):
    CUMULATIVE = "cumulative"
    PERIODIC = "periodic"

    def __str__(self) -> str:
        return str(self.value)

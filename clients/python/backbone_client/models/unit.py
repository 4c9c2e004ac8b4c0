from enum import StrEnum


class Unit(StrEnum):
    COUNT = "count"
    CURRENCY = "currency"
    INDEX = "index"
    OTHER = "other"
    PERCENT = "percent"
    RATE = "rate"
    SCORE = "score"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class Frequency(StrEnum):
    ANNUAL = "annual"
    DAILY = "daily"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class DigestCadence(StrEnum):
    DAILY = "daily"
    OFF = "off"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)

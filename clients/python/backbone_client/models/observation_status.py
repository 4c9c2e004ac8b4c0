from enum import StrEnum


class ObservationStatus(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)

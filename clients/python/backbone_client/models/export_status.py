from enum import StrEnum


class ExportStatus(StrEnum):
    ALL = "all"
    APPROVED = "approved"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ContributorRole(StrEnum):
    ACCOUNTABLE = "accountable"
    EXTENDING = "extending"
    FUNDING = "funding"
    IMPLEMENTING = "implementing"

    def __str__(self) -> str:
        return str(self.value)

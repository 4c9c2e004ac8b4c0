from enum import StrEnum


class Sector(StrEnum):
    BUSINESS = "business"
    COMMUNITY = "community"
    EDUCATION = "education"
    FAITH = "faith"
    GOVERNMENT = "government"
    HEALTH = "health"
    NONPROFIT = "nonprofit"
    OTHER = "other"
    PHILANTHROPY = "philanthropy"

    def __str__(self) -> str:
        return str(self.value)

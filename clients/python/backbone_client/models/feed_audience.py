from enum import StrEnum


class FeedAudience(StrEnum):
    MEMBERS = "members"
    STAFF = "staff"

    def __str__(self) -> str:
        return str(self.value)

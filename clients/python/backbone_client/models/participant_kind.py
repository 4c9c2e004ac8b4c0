from enum import StrEnum


class ParticipantKind(StrEnum):
    COMMUNITY_MEMBER = "community_member"
    ORGANIZATION = "organization"

    def __str__(self) -> str:
        return str(self.value)

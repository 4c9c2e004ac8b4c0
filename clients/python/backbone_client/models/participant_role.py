from enum import StrEnum


class ParticipantRole(StrEnum):
    BACKBONE = "backbone"
    CHAMPION = "champion"
    COMMUNITY_REPRESENTATIVE = "community_representative"
    FUNDER = "funder"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)

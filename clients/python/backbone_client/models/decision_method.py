from enum import StrEnum


class DecisionMethod(StrEnum):
    CONSENSUS = "consensus"
    DELEGATED = "delegated"
    OTHER = "other"
    VOTE = "vote"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class Phase(StrEnum):
    INITIATING_ACTION = "initiating_action"
    ORGANIZING_FOR_IMPACT = "organizing_for_impact"
    SUSTAINING_ACTION = "sustaining_action"

    def __str__(self) -> str:
        return str(self.value)

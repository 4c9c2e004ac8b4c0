from enum import StrEnum


class LinkKind(StrEnum):
    DEPENDS_ON = "depends_on"
    DUPLICATES = "duplicates"
    REINFORCES = "reinforces"

    def __str__(self) -> str:
        return str(self.value)

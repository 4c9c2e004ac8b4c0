from enum import StrEnum


class DifferenceFigure(StrEnum):
    DENOMINATOR = "denominator"
    NUMERATOR = "numerator"
    VALUE = "value"

    def __str__(self) -> str:
        return str(self.value)

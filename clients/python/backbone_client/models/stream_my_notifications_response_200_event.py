from enum import StrEnum


class StreamMyNotificationsResponse200Event(StrEnum):
    NOTIFICATION = "notification"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class Category(StrEnum):
    ACTIVITIES = "activities"
    AGENDA = "agenda"
    ANNOUNCEMENTS = "announcements"
    MEASUREMENT = "measurement"
    WEBHOOKS = "webhooks"

    def __str__(self) -> str:
        return str(self.value)

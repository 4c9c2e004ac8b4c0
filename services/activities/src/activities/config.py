"""Settings of the activities service."""

from pydantic import Field

from backbone.settings import BaseServiceSettings


class Settings(BaseServiceSettings):
    service_name: str = "activities"
    commitment_check_interval_s: float = Field(
        60.0, gt=0, description="How often open commitments past their due date are looked "
                                 "for (and announced as overdue).")

"""Settings of the measurement service."""

from backbone.settings import BaseServiceSettings


class Settings(BaseServiceSettings):
    service_name: str = "measurement"

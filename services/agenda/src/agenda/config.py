"""Settings of the agenda service."""

from backbone.settings import BaseServiceSettings


class Settings(BaseServiceSettings):
    service_name: str = "agenda"

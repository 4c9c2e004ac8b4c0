"""The declarative base of the notifications service's tables."""

from sqlalchemy.orm import DeclarativeBase

from backbone.db import service_metadata


class Base(DeclarativeBase):
    metadata = service_metadata()

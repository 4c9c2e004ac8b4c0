"""Read models of other services' entities, kept by consumers of their events.

A read model lives in the library (tables, migrations, typed handlers) so that every
service that needs it keeps the same one. A service declares the read models it keeps in
its :class:`~backbone.service.ServiceSpec`: their tables are migrated with its own (each
read model is an Alembic branch of its own, included only where declared), and it
subscribes to the entities it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import MetaData


@dataclass(frozen=True)
class ReadModel:
    name: str
    metadata: MetaData
    versions: Path  # the folder of its Alembic branch
    topics: tuple[str, ...]  # the topics that feed it

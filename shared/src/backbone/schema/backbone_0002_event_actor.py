"""Who caused each event: the outbox keeps the caller (token subject, or service:<name>)
and the organization it acted for, which the relay sends as the CloudEvents extensions
``actor`` and ``actororg``. Rows written before carry neither.

Revision ID: backbone_0002
Revises: backbone_0001
"""

import sqlalchemy as sa
from alembic import op

revision = "backbone_0002"
down_revision = "backbone_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("actor", sa.String(length=300), nullable=True))
    op.add_column("outbox", sa.Column("actor_org", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("outbox", "actor_org")
    op.drop_column("outbox", "actor")

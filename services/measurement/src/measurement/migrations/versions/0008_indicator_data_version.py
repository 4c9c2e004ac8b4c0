"""Indicators carry the version of their observations, so computed figures can be cached.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("indicators", sa.Column("data_version", sa.Uuid(), nullable=True))


def downgrade() -> None:
    op.drop_column("indicators", "data_version")

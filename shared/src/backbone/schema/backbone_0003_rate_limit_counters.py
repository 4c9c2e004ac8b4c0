"""Rate limit counts shared by a service's replicas (``BACKBONE_RATE_LIMIT_STORE=database``).

Revision ID: backbone_0003
Revises: backbone_0002
"""

import sqlalchemy as sa
from alembic import op

revision = "backbone_0003"
down_revision = "backbone_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("minute", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "minute", name=op.f("pk_rate_limit_counters")),
    )


def downgrade() -> None:
    op.drop_table("rate_limit_counters")

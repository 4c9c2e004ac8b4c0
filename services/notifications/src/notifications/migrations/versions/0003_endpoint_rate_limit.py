"""Per-endpoint rate limits: attempts per second, counted by when deliveries were claimed.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("webhook_endpoints", sa.Column("rate_limit", sa.Integer(), nullable=True))
    op.add_column("deliveries",
                  sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_deliveries_recent_claims", "deliveries", ["endpoint_id", "claimed_at"])


def downgrade() -> None:
    op.drop_index("ix_deliveries_recent_claims", "deliveries")
    op.drop_column("deliveries", "claimed_at")
    op.drop_column("webhook_endpoints", "rate_limit")

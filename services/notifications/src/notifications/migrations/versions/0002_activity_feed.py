"""The activity feed: one row per event of an initiative, from every service.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feed_entries",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("service", sa.String(length=50), nullable=False),
        sa.Column("type", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("actor", sa.String(length=300), nullable=True),
        sa.Column("actor_org", sa.String(length=64), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("audience", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_feed_entries")),
    )
    op.create_index("ix_feed_entries_initiative_occurred", "feed_entries",
                    ["initiative_id", "occurred_at", "event_id"])


def downgrade() -> None:
    op.drop_table("feed_entries")

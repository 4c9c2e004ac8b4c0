"""One index for observations' key, series reads and batch lookups.

The key's index now starts with (indicator_id, cell), which is what series reads select
by, so the separate series index goes: every observation written maintains one index
fewer, and a batch's key lookups cannot be planned on a prefix that matches hundreds of
rows.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_observations_series", table_name="observations")
    op.drop_index("uq_observations_key", table_name="observations")
    op.create_index("uq_observations_key", "observations",
                    ["indicator_id", "cell", "period", "geography", "organization_id"],
                    unique=True, postgresql_nulls_not_distinct=True)


def downgrade() -> None:
    op.drop_index("uq_observations_key", table_name="observations")
    op.create_index("uq_observations_key", "observations",
                    ["indicator_id", "period", "cell", "geography", "organization_id"],
                    unique=True, postgresql_nulls_not_distinct=True)
    op.create_index("ix_observations_series", "observations",
                    ["indicator_id", "cell", "period_end"])

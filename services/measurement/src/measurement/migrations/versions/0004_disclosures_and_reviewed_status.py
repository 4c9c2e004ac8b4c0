"""Small-cell decisions per indicator and period, a progress status per view, and a
version for each indicator's targets (their ETag).

``progress_status`` becomes the reviewed view's (approved data, small cells protected), as
viewers see it; ``staff_progress_status`` keeps the view of all data not rejected. Reads fail
closed: a period with approved data but no decision shows viewers nothing, until the next
write to the indicator (or a change of the small-cell minimum) decides it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "disclosures",
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=20), nullable=False),
        sa.Column("hidden", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("indicator_id", "period"),
    )
    op.add_column("indicators", sa.Column("staff_progress_status", sa.String(length=20),
                                          nullable=True))
    op.execute("UPDATE indicators SET staff_progress_status = progress_status")
    op.alter_column("indicators", "staff_progress_status", nullable=False)
    op.add_column("indicators", sa.Column("targets_version", sa.Integer(), nullable=False,
                                          server_default="0"))
    op.alter_column("indicators", "targets_version", server_default=None)


def downgrade() -> None:
    op.drop_column("indicators", "targets_version")
    op.execute("UPDATE indicators SET progress_status = staff_progress_status")
    op.drop_column("indicators", "staff_progress_status")
    op.drop_table("disclosures")

"""The measurement read model's tables (indicators, dimensions, and the history of each
indicator's progress status and disparities), in the database of each service that keeps it.

Revision ID: measurement_read_model_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "measurement_read_model_0001"
down_revision = None
branch_labels = ("measurement_read_model",)
depends_on = None


def _known(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("source_version", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_tenant"), name, ["tenant"])
    op.create_index(op.f(f"ix_{name}_initiative_id"), name, ["initiative_id"])


def _history(name: str, column: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        column,
        sa.PrimaryKeyConstraint("indicator_id", "since", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_initiative_id"), name, ["initiative_id"])


def upgrade() -> None:
    _known("measurement_indicators",
           sa.Column("code", sa.String(length=64), nullable=False),
           sa.Column("name", sa.String(length=300), nullable=False),
           sa.Column("status", sa.String(length=20), nullable=False),
           sa.Column("progress_status", sa.String(length=20), nullable=False),
           sa.Column("dimension_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
           sa.Column("goal_ids", postgresql.ARRAY(sa.Uuid()), nullable=False))
    _known("measurement_dimensions",
           sa.Column("code", sa.String(length=64), nullable=False),
           sa.Column("name", sa.String(length=200), nullable=False),
           sa.Column("options", postgresql.JSONB(astext_type=sa.Text()), nullable=False))
    _history("measurement_progress_statuses",
             sa.Column("status", sa.String(length=20), nullable=False))
    _history("measurement_disparities",
             sa.Column("dimensions", postgresql.JSONB(astext_type=sa.Text()), nullable=False))


def downgrade() -> None:
    for name in ("measurement_disparities", "measurement_progress_statuses",
                 "measurement_dimensions", "measurement_indicators"):
        op.drop_table(name)

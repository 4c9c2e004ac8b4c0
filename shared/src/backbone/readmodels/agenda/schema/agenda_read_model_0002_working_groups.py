"""Working groups and their members, for routing messages to a group.

Revision ID: agenda_read_model_0002
Revises: agenda_read_model_0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "agenda_read_model_0002"
down_revision = "agenda_read_model_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agenda_working_groups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("source_version", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("member_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_working_groups")),
    )
    op.create_index(op.f("ix_agenda_working_groups_tenant"), "agenda_working_groups",
                    ["tenant"])
    op.create_index(op.f("ix_agenda_working_groups_initiative_id"), "agenda_working_groups",
                    ["initiative_id"])


def downgrade() -> None:
    op.drop_table("agenda_working_groups")

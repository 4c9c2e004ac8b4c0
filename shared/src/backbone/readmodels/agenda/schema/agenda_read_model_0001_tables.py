"""The agenda read model's tables (initiatives, organizations, goals, strategies,
participants), in the database of each service that keeps it.

Revision ID: agenda_read_model_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "agenda_read_model_0001"
down_revision = None
branch_labels = ("agenda_read_model",)
depends_on = None


def _known(name: str, *columns: sa.Column, in_initiative: bool = True) -> None:
    scope = [sa.Column("initiative_id", sa.Uuid(), nullable=False)] if in_initiative else []
    op.create_table(
        name,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("source_version", sa.Integer(), nullable=False),
        *scope,
        *columns,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_tenant"), name, ["tenant"])
    if in_initiative:
        op.create_index(op.f(f"ix_{name}_initiative_id"), name, ["initiative_id"])


def upgrade() -> None:
    _known("agenda_initiatives",
           sa.Column("name", sa.String(length=200), nullable=False),
           sa.Column("status", sa.String(length=20), nullable=False), in_initiative=False)
    _known("agenda_organizations",
           sa.Column("name", sa.String(length=200), nullable=False),
           sa.Column("sector", sa.String(length=30), nullable=False),
           sa.Column("external_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
           in_initiative=False)
    _known("agenda_goals", sa.Column("title", sa.String(length=300), nullable=False))
    _known("agenda_strategies",
           sa.Column("goal_id", sa.Uuid(), nullable=False),
           sa.Column("title", sa.String(length=300), nullable=False))
    op.create_index(op.f("ix_agenda_strategies_goal_id"), "agenda_strategies", ["goal_id"])
    _known("agenda_participants",
           sa.Column("kind", sa.String(length=30), nullable=False),
           sa.Column("organization_id", sa.Uuid(), nullable=True),
           sa.Column("display_name", sa.String(length=200), nullable=False),
           sa.Column("roles", postgresql.ARRAY(sa.String(length=40)), nullable=False),
           sa.Column("left_on", sa.Date(), nullable=True))
    op.create_index(op.f("ix_agenda_participants_organization_id"), "agenda_participants",
                    ["organization_id"])


def downgrade() -> None:
    for name in ("agenda_participants", "agenda_strategies", "agenda_goals",
                 "agenda_organizations", "agenda_initiatives"):
        op.drop_table(name)

"""Agenda's initiatives and goals move to the library's agenda read model.

Their rows are copied into ``agenda_initiatives`` and ``agenda_goals`` (with the versions
agenda announced, so replays keep being ignored); ``goals`` is dropped and ``initiatives``
keeps only this service's settings per initiative.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = "agenda_read_model_0001"


def upgrade() -> None:
    op.execute("""
        INSERT INTO agenda_initiatives (id, tenant, source_version, name, status)
        SELECT id, tenant, source_version, name, status FROM initiatives
        ON CONFLICT (id) DO NOTHING""")
    op.execute("""
        INSERT INTO agenda_goals (id, tenant, source_version, initiative_id, title)
        SELECT id, tenant, source_version, initiative_id, title FROM goals
        ON CONFLICT (id) DO NOTHING""")
    op.drop_table("goals")
    for column in ("name", "status", "source_version"):
        op.drop_column("initiatives", column)


def downgrade() -> None:
    op.add_column("initiatives", sa.Column("name", sa.String(length=200)))
    op.add_column("initiatives", sa.Column("status", sa.String(length=20)))
    op.add_column("initiatives", sa.Column("source_version", sa.Integer()))
    op.execute("""
        UPDATE initiatives i SET name = a.name, status = a.status,
                                 source_version = a.source_version
        FROM agenda_initiatives a WHERE a.id = i.id""")
    for column in ("name", "status", "source_version"):
        op.alter_column("initiatives", column, nullable=False)
    op.create_table(
        "goals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("source_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["initiative_id"], ["initiatives.id"],
                                name=op.f("fk_goals_initiative_id_initiatives"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    op.create_index(op.f("ix_goals_initiative_id"), "goals", ["initiative_id"])
    op.execute("""
        INSERT INTO goals (id, tenant, initiative_id, title, source_version)
        SELECT g.id, g.tenant, g.initiative_id, g.title, g.source_version
        FROM agenda_goals g JOIN initiatives i ON i.id = g.initiative_id""")

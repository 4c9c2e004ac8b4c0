"""The activities service's tables: geographies, activities, contributors, commitments,
updates and links (the library's tables and the agenda and measurement read models are
migrated by their own branches).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _entity(name: str, *columns: sa.Column, constraints: tuple[sa.Constraint, ...] = ()
            ) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"),
                  nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        *constraints,
    )
    for column in ("initiative_id", "tenant", "updated_at"):
        op.create_index(op.f(f"ix_{name}_{column}"), name, [column])


def _activity_fk(table: str, column: str, ondelete: str = "CASCADE") -> sa.Constraint:
    return sa.ForeignKeyConstraint([column], ["activities.id"],
                                   name=op.f(f"fk_{table}_{column}_activities"),
                                   ondelete=ondelete)


def upgrade() -> None:
    _entity("geographies",
            sa.Column("code", sa.String(length=200), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("parent", sa.String(length=200), nullable=True),
            constraints=(sa.UniqueConstraint("initiative_id", "code",
                                             name=op.f("uq_geographies_initiative_id")),))
    _entity("activities",
            sa.Column("title", sa.String(length=300), nullable=False),
            sa.Column("description", sa.Text(), nullable=False),
            sa.Column("status", sa.String(length=20), nullable=False),
            sa.Column("start_date", sa.Date(), nullable=True),
            sa.Column("end_date", sa.Date(), nullable=True),
            sa.Column("lead_organization_id", sa.Uuid(), nullable=False),
            sa.Column("strategy_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
            sa.Column("goal_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
            sa.Column("indicator_ids", postgresql.ARRAY(sa.Uuid()), nullable=False),
            sa.Column("geographies", postgresql.ARRAY(sa.String(length=200)), nullable=False),
            sa.Column("populations", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
            sa.Column("sector_tags", postgresql.ARRAY(sa.String(length=60)), nullable=False),
            sa.Column("external_ids", postgresql.JSONB(astext_type=sa.Text()),
                      nullable=False))
    op.create_index(op.f("ix_activities_lead_organization_id"), "activities",
                    ["lead_organization_id"])
    op.create_index("ix_activities_external_ids", "activities", ["external_ids"],
                    postgresql_using="gin")
    _entity("contributors",
            sa.Column("activity_id", sa.Uuid(), nullable=False),
            sa.Column("organization_id", sa.Uuid(), nullable=False),
            sa.Column("role", sa.String(length=20), nullable=False),
            sa.Column("money_amount", sa.Numeric(), nullable=True),
            sa.Column("money_currency", sa.String(length=3), nullable=True),
            sa.Column("staff_hours", sa.Float(), nullable=True),
            sa.Column("in_kind", sa.Text(), nullable=False),
            sa.Column("description", sa.Text(), nullable=False),
            constraints=(_activity_fk("contributors", "activity_id"),
                         sa.UniqueConstraint("activity_id", "organization_id", "role",
                                             name=op.f("uq_contributors_activity_id"))))
    for column in ("activity_id", "organization_id"):
        op.create_index(op.f(f"ix_contributors_{column}"), "contributors", [column])
    _entity("commitments",
            sa.Column("organization_id", sa.Uuid(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("activity_id", sa.Uuid(), nullable=True),
            sa.Column("strategy_id", sa.Uuid(), nullable=True),
            sa.Column("due_date", sa.Date(), nullable=True),
            sa.Column("status", sa.String(length=20), nullable=False),
            sa.Column("overdue_since", sa.DateTime(timezone=True), nullable=True),
            constraints=(_activity_fk("commitments", "activity_id", "SET NULL"),))
    for column in ("activity_id", "organization_id"):
        op.create_index(op.f(f"ix_commitments_{column}"), "commitments", [column])
    op.create_index("ix_commitments_to_check", "commitments", ["due_date"],
                    postgresql_where=sa.text("status = 'open' AND overdue_since IS NULL"))
    _entity("activity_updates",
            sa.Column("activity_id", sa.Uuid(), nullable=False),
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("reported_on", sa.Date(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("milestone", sa.String(length=300), nullable=False),
            sa.Column("planned_on", sa.Date(), nullable=True),
            sa.Column("achieved_on", sa.Date(), nullable=True),
            sa.Column("outputs", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
            sa.Column("author", sa.String(length=300), nullable=False),
            constraints=(_activity_fk("activity_updates", "activity_id"),))
    op.create_index(op.f("ix_activity_updates_activity_id"), "activity_updates",
                    ["activity_id"])
    _entity("activity_links",
            sa.Column("from_activity_id", sa.Uuid(), nullable=False),
            sa.Column("to_activity_id", sa.Uuid(), nullable=False),
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("note", sa.Text(), nullable=False),
            constraints=(_activity_fk("activity_links", "from_activity_id"),
                         _activity_fk("activity_links", "to_activity_id"),
                         sa.UniqueConstraint("from_activity_id", "to_activity_id", "kind",
                                             name=op.f("uq_activity_links_from_activity_id"))))
    for column in ("from_activity_id", "to_activity_id"):
        op.create_index(op.f(f"ix_activity_links_{column}"), "activity_links", [column])


def downgrade() -> None:
    for name in ("activity_links", "activity_updates", "commitments", "contributors",
                 "activities", "geographies"):
        op.drop_table(name)

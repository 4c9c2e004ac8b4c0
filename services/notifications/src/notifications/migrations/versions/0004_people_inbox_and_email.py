"""Recipients, their notifications, announcements, emails to send, and which organizations
report to which indicator.

Revision ID: 0004
Revises: 0003
"""

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = "agenda_read_model_0002"

NOW = sa.text("now()")


def _versioned(name: str, *columns: Any) -> None:
    op.create_table(
        name, *columns,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    for column in ("tenant", "updated_at"):
        op.create_index(op.f(f"ix_{name}_{column}"), name, [column])


def upgrade() -> None:
    _versioned(
        "recipients",
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("organization_id", sa.Uuid(), nullable=True),
        sa.Column("grants", postgresql.ARRAY(sa.String(length=200)), nullable=False),
        sa.Column("external_ids", postgresql.JSONB(), nullable=False),
        sa.Column("preferences", postgresql.JSONB(), nullable=False),
        sa.Column("digest_since", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("tenant", "subject", name=op.f("uq_recipients_tenant")),
    )
    op.create_index("ix_recipients_organization", "recipients", ["tenant", "organization_id"])
    op.create_table(
        "notifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        sa.Column("initiative_id", sa.Uuid(), nullable=True),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("in_inbox", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("seq", name=op.f("uq_notifications_seq")),
        sa.UniqueConstraint("tenant", "recipient", "event_id",
                            name=op.f("uq_notifications_tenant")),
    )
    op.create_index("ix_notifications_inbox", "notifications",
                    ["tenant", "recipient", "created_at", "id"])
    op.create_index("ix_notifications_unread", "notifications", ["tenant", "recipient"],
                    postgresql_where=sa.text("read_at IS NULL"))
    _versioned(
        "announcements",
        sa.Column("initiative_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("audience", postgresql.JSONB(), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=False),
    )
    op.create_index(op.f("ix_announcements_initiative_id"), "announcements", ["initiative_id"])
    op.create_table(
        "emails",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.Column("to_address", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("send_after", sa.DateTime(timezone=True), nullable=False),
        sa.Column("leased_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emails")),
        sa.UniqueConstraint("key", name=op.f("uq_emails_key")),
    )
    op.create_index("ix_emails_due", "emails", ["send_after"],
                    postgresql_where=sa.text("status = 'pending'"))
    op.create_table(
        "indicator_contributors",
        sa.Column("indicator_id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("tenant", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("indicator_id", "organization_id",
                                name=op.f("pk_indicator_contributors")),
    )


def downgrade() -> None:
    for table in ("indicator_contributors", "emails", "announcements", "notifications",
                  "recipients"):
        op.drop_table(table)

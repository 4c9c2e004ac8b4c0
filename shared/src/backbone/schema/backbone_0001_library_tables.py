"""The library's tables in every service's database: outbox (with the trigger that wakes
the relay), inbox and idempotency keys.

Until this branch existed each service created them in its own first migrations; a
database made that way has them already (the same layout), so they are created only where
missing and the rows already there are kept.

Revision ID: backbone_0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from backbone.migrations import install_outbox_notify, remove_outbox_notify

revision = "backbone_0001"
down_revision = None
branch_labels = ("backbone",)
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "outbox" not in existing:
        op.create_table(
            "outbox",
            sa.Column("id", sa.Uuid(), nullable=False),
            sa.Column("seq", sa.BigInteger(), sa.Identity(always=True), nullable=False),
            sa.Column("topic", sa.String(length=200), nullable=False),
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.Column("type", sa.String(length=200), nullable=False),
            sa.Column("source", sa.String(length=200), nullable=False),
            sa.Column("subject", sa.String(length=200), nullable=False),
            sa.Column("dataschema", sa.Text(), nullable=False),
            sa.Column("tenant", sa.String(length=100), nullable=False),
            sa.Column("initiative", sa.String(length=64), nullable=True),
            sa.Column("traceparent", sa.String(length=64), nullable=True),
            sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        )
        op.create_index("ix_outbox_published_at", "outbox", ["published_at"],
                        postgresql_where=sa.text("published_at IS NOT NULL"))
        op.create_index("ix_outbox_unpublished", "outbox", ["seq"],
                        postgresql_where=sa.text("published_at IS NULL"))
        install_outbox_notify()
    if "inbox" not in existing:
        op.create_table(
            "inbox",
            sa.Column("consumer", sa.String(length=100), nullable=False),
            sa.Column("event_id", sa.Uuid(), nullable=False),
            sa.Column("event_type", sa.String(length=200), nullable=False),
            sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("consumer", "event_id", name=op.f("pk_inbox")),
        )
    if "idempotency_keys" not in existing:
        op.create_table(
            "idempotency_keys",
            sa.Column("tenant", sa.String(length=100), nullable=False),
            sa.Column("subject", sa.String(length=200), nullable=False),
            sa.Column("key", sa.String(length=200), nullable=False),
            sa.Column("fingerprint", sa.String(length=64), nullable=False),
            sa.Column("status_code", sa.Integer(), nullable=False),
            sa.Column("body", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
            sa.Column("headers", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("tenant", "subject", "key",
                                    name=op.f("pk_idempotency_keys")),
        )


def downgrade() -> None:
    remove_outbox_notify()
    op.drop_table("idempotency_keys")
    op.drop_table("inbox")
    op.drop_index("ix_outbox_unpublished", table_name="outbox")
    op.drop_index("ix_outbox_published_at", table_name="outbox")
    op.drop_table("outbox")

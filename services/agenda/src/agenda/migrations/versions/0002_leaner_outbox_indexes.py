"""Leaner outbox indexes: no unique constraint on seq (an identity already is unique), and
published_at indexed only for published rows (the ones pruning looks for).

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
    op.drop_constraint("uq_outbox_seq", "outbox", type_="unique")
    op.drop_index("ix_outbox_published_at", table_name="outbox")
    op.create_index("ix_outbox_published_at", "outbox", ["published_at"],
                    postgresql_where=sa.text("published_at IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_outbox_published_at", table_name="outbox")
    op.create_index("ix_outbox_published_at", "outbox", ["published_at"])
    op.create_unique_constraint("uq_outbox_seq", "outbox", ["seq"])

"""Once: the outbox's NOTIFY trigger. The outbox and its trigger now belong to the
library's migrations (``backbone_0001``), so this revision only keeps the chain of
databases that applied it.

Revision ID: 0003
Revises: 0002
"""

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The library's branch owns the outbox and its trigger."""


def downgrade() -> None:
    """The library's branch owns the outbox and its trigger."""

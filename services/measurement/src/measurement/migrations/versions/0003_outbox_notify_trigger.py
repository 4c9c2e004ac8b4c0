"""The outbox wakes the relay itself: a statement-level trigger sends the NOTIFY, so a
write no longer spends a round trip on it and no writer can forget it.

Revision ID: 0003
Revises: 0002
"""

from backbone.migrations import install_outbox_notify, remove_outbox_notify

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    install_outbox_notify()


def downgrade() -> None:
    remove_outbox_notify()

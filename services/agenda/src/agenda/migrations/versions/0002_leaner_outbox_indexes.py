"""Once: leaner outbox indexes. The outbox now belongs to the library's migrations
(``backbone_0001`` creates it in this layout), so this revision only keeps the chain of
databases that applied it.

Revision ID: 0002
Revises: 0001
"""

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The library's branch owns the outbox."""


def downgrade() -> None:
    """The library's branch owns the outbox."""

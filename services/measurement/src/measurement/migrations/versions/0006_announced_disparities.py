"""Each indicator keeps the disparities (gap trends per dimension, from reviewed data) it
last announced, so ``indicator.disparities_changed`` is published only when they change.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("indicators", sa.Column("disparities", postgresql.JSONB(astext_type=sa.Text()),
                                          nullable=False, server_default="[]"))
    op.alter_column("indicators", "disparities", server_default=None)


def downgrade() -> None:
    op.drop_column("indicators", "disparities")

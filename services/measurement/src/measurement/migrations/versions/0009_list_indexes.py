"""Each list's index: its scope's columns, then ``updated_at`` and ``id``, so a page is read
in order and stops at its limit whatever plan is cached (``backbone.listing``).

Revision ID: 0009
Revises: 0008
"""

from backbone.migrations import create_list_indexes, drop_list_indexes

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LISTS = {
    "dimensions": ("initiative_id",),
    "indicators": ("initiative_id",),
    "observations": ("indicator_id",),
}
REPLACED = ("dimensions", "indicators")


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

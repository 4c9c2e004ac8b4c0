"""Each list's index: its scope's columns, then ``updated_at`` and ``id``, so a page is read
in order and stops at its limit whatever plan is cached (``backbone.listing``).

Revision ID: 0002
Revises: 0001
"""

from backbone.migrations import create_list_indexes, drop_list_indexes

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LISTS = {
    "geographies": ("initiative_id",),
    "activities": ("initiative_id",),
    "contributors": ("initiative_id",),
    "commitments": ("initiative_id",),
    "activity_updates": ("initiative_id",),
    "activity_links": ("initiative_id",),
}
REPLACED = ("geographies", "activities", "contributors", "commitments", "activity_updates", "activity_links")


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

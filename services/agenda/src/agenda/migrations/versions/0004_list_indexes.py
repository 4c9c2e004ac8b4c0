"""Each list's index: its scope's columns, then ``updated_at`` and ``id``, so a page is read
in order and stops at its limit whatever plan is cached (``backbone.listing``).

Revision ID: 0004
Revises: 0003
"""

from backbone.migrations import create_list_indexes, drop_list_indexes

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LISTS = {
    "initiatives": ("tenant",),
    "organizations": ("tenant",),
    "participants": ("initiative_id",),
    "goals": ("initiative_id",),
    "strategies": ("initiative_id",),
    "working_groups": ("initiative_id",),
    "decisions": ("initiative_id",),
}
REPLACED = ("participants", "goals", "strategies", "working_groups", "decisions")


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

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

LISTS = [
    ("ix_dimensions_list", "dimensions", ("initiative_id",)),
    ("ix_indicators_list", "indicators", ("initiative_id",)),
    ("ix_observations_list", "observations", ("indicator_id",)),
]
REPLACED = [
    ("ix_dimensions_initiative_id", "dimensions", "initiative_id"),
    ("ix_indicators_initiative_id", "indicators", "initiative_id"),
]


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

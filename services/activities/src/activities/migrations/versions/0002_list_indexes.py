"""Each list's index: its scope's columns, then ``updated_at`` and ``id``, so a page is read
in order and stops at its limit whatever plan is cached (``backbone.listing``).

A list under an item of another resource (an activity's updates) has its own, led by
the item's column.

Revision ID: 0002
Revises: 0001
"""

from backbone.migrations import create_list_indexes, drop_list_indexes

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LISTS = [
    ("ix_geographies_list", "geographies", ("initiative_id",)),
    ("ix_activities_list", "activities", ("initiative_id",)),
    ("ix_contributors_list", "contributors", ("initiative_id",)),
    ("ix_commitments_list", "commitments", ("initiative_id",)),
    ("ix_activity_updates_list", "activity_updates", ("initiative_id",)),
    ("ix_activity_links_list", "activity_links", ("initiative_id",)),
    ("ix_contributors_activity_id_list", "contributors", ("activity_id", "initiative_id")),
    ("ix_activity_updates_activity_id_list", "activity_updates", ("activity_id", "initiative_id")),
]
REPLACED = [
    ("ix_geographies_initiative_id", "geographies", "initiative_id"),
    ("ix_activities_initiative_id", "activities", "initiative_id"),
    ("ix_contributors_initiative_id", "contributors", "initiative_id"),
    ("ix_commitments_initiative_id", "commitments", "initiative_id"),
    ("ix_activity_updates_initiative_id", "activity_updates", "initiative_id"),
    ("ix_activity_links_initiative_id", "activity_links", "initiative_id"),
    ("ix_contributors_activity_id", "contributors", "activity_id"),
    ("ix_activity_updates_activity_id", "activity_updates", "activity_id"),
]


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

"""Each list's index: its scope's columns, then ``updated_at`` and ``id``, so a page is read
in order and stops at its limit whatever plan is cached (``backbone.listing``).

Revision ID: 0005
Revises: 0004
"""

from backbone.migrations import create_list_indexes, drop_list_indexes

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LISTS = [
    ("ix_announcements_list", "announcements", ("initiative_id",)),
    ("ix_webhook_endpoints_list", "webhook_endpoints", ("tenant",)),
    ("ix_recipients_list", "recipients", ("tenant",)),
    ("ix_deliveries_list", "deliveries", ("endpoint_id",)),
]
REPLACED = [
    ("ix_announcements_initiative_id", "announcements", "initiative_id"),
]


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

"""Each list's index: its scope's columns, then ``updated_at`` and ``id``, so a page is read
in order and stops at its limit whatever plan is cached (``backbone.listing``).

A list under an item of another resource (a goal's strategies) has its own, led by the
item's column.

Revision ID: 0004
Revises: 0003
"""

from backbone.migrations import create_list_indexes, drop_list_indexes

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LISTS = [
    ("ix_initiatives_list", "initiatives", ("tenant",)),
    ("ix_organizations_list", "organizations", ("tenant",)),
    ("ix_participants_list", "participants", ("initiative_id",)),
    ("ix_goals_list", "goals", ("initiative_id",)),
    ("ix_strategies_list", "strategies", ("initiative_id",)),
    ("ix_working_groups_list", "working_groups", ("initiative_id",)),
    ("ix_decisions_list", "decisions", ("initiative_id",)),
    ("ix_strategies_goal_id_list", "strategies", ("goal_id", "initiative_id")),
]
REPLACED = [
    ("ix_participants_initiative_id", "participants", "initiative_id"),
    ("ix_goals_initiative_id", "goals", "initiative_id"),
    ("ix_strategies_initiative_id", "strategies", "initiative_id"),
    ("ix_working_groups_initiative_id", "working_groups", "initiative_id"),
    ("ix_decisions_initiative_id", "decisions", "initiative_id"),
    ("ix_strategies_goal_id", "strategies", "goal_id"),
]


def upgrade() -> None:
    create_list_indexes(LISTS, REPLACED)


def downgrade() -> None:
    drop_list_indexes(LISTS, REPLACED)

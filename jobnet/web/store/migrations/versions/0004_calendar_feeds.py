"""Calendar feeds: a citizen's revocable subscription to their duties (issue 22).

Revision ID: 0004_calendar_feeds
Revises: 0003
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_calendar_feeds"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_calendar_feeds_person_id", "calendar_feeds", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_calendar_feeds_person_id", table_name="calendar_feeds")
    op.drop_table("calendar_feeds")

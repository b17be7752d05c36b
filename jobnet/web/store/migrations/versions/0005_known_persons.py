"""What the web app last knew of a person, for pages and logins while DFDG is away.

Revision ID: 0005_known_persons
Revises: 0004_calendar_feeds
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_known_persons"
down_revision = "0004_calendar_feeds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_persons",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("cpr_digest", sa.String(64), nullable=True, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("status", sa.JSON(), nullable=True),
        sa.Column("status_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("known_persons")

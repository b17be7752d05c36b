"""The web app's own log of logins (leftovers 2): when, the assurance level, a caseworker's
organisation; shown to the citizen in My data and deleted after LOGINS_KEPT.

Revision ID: 0008_leftovers
Revises: 0007_notifications
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_leftovers"
down_revision = "0007_notifications"
branch_labels = None
depends_on = None

MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("subject", sa.String(120), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("organisation_cvr", sa.String(8), nullable=True),
        sa.Column("organisation_name", sa.String(200), nullable=True),
        sa.Column("while_dfdg_away", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_login_events_at", "login_events", ["at"])
    op.create_index("ix_login_events_subject_at", "login_events", ["subject", "at"])


def downgrade() -> None:
    op.drop_table("login_events")

"""DFDG's last answers the web app got (a person's plan, job log and CV; the public statistics
per query), for the pages while DFDG is away.

Revision ID: 0006_known_answers
Revises: 0005_known_persons
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_known_answers"
down_revision = "0005_known_persons"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_answers",
        sa.Column("owner", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(80), primary_key=True),
        sa.Column("answer", sa.JSON(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_known_answers_answered_at", "known_answers", ["answered_at"])


def downgrade() -> None:
    op.drop_index("ix_known_answers_answered_at", table_name="known_answers")
    op.drop_table("known_answers")

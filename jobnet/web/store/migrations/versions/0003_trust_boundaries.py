"""Sessions know the provider login they came from (back-channel logout); abuse-limit
counters shared by every web worker.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("web_sessions") as batch:
        batch.add_column(sa.Column("provider_sid", sa.String(64), nullable=True))
        batch.add_column(sa.Column("provider_sub", sa.String(64), nullable=True))
    op.create_index("ix_web_sessions_provider_sid", "web_sessions", ["provider_sid"])
    op.create_index("ix_web_sessions_provider_sub", "web_sessions", ["provider_sub"])
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_rate_limit_counters_expires_at", "rate_limit_counters", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_rate_limit_counters_expires_at", table_name="rate_limit_counters")
    op.drop_table("rate_limit_counters")
    op.drop_index("ix_web_sessions_provider_sub", table_name="web_sessions")
    op.drop_index("ix_web_sessions_provider_sid", table_name="web_sessions")
    with op.batch_alter_table("web_sessions") as batch:
        batch.drop_column("provider_sub")
        batch.drop_column("provider_sid")

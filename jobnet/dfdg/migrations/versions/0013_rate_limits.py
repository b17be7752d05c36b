"""Abuse-limit counters: failed bearer tokens per address, shared by every DFDG process.

Revision ID: 0013_rate_limits
Revises: 0012_audit_append_only
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_rate_limits"
down_revision: str | Sequence[str] | None = "0012_audit_append_only"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dfdg_rate_limit_counters",
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_dfdg_rate_limit_counters")),
    )
    op.create_index(
        op.f("ix_dfdg_rate_limit_counters_expires_at"),
        "dfdg_rate_limit_counters",
        ["expires_at"],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_dfdg_rate_limit_counters_expires_at"), table_name="dfdg_rate_limit_counters"
    )
    op.drop_table("dfdg_rate_limit_counters")

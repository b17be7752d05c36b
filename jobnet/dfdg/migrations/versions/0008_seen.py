"""What the person has seen: summons and plan versions are new to them until they read them.

Revision ID: 0008
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0008"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("summons", sa.Column("seen_sequence", sa.Integer(), nullable=True))
    op.add_column("summons", sa.Column("seen_at", UtcDateTime(), nullable=True))
    op.add_column("job_plan_versions", sa.Column("seen_at", UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("job_plan_versions") as batch:
        batch.drop_column("seen_at")
    with op.batch_alter_table("summons") as batch:
        batch.drop_column("seen_at")
        batch.drop_column("seen_sequence")

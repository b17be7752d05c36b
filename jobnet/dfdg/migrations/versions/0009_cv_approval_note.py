"""The job centre's note with its CV approval.

Revision ID: 0009
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cvs") as batch:
        batch.add_column(sa.Column("approval_note", sa.String(1000), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cvs") as batch:
        batch.drop_column("approval_note")

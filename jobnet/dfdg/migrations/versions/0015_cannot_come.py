""" "I can't come": the person's notice on a summons (issue 22).

Revision ID: 0015_cannot_come
Revises: 0014_stats_breakdowns
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0015_cannot_come"
down_revision: str | None = "0014_stats_breakdowns"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("cannot_come_reason", sa.String(30)),
    ("cannot_come_note", sa.String(500)),
    ("cannot_come_at", UtcDateTime()),
    ("cannot_come_sequence", sa.Integer()),
    ("cannot_come_by_type", sa.String(20)),
    ("cannot_come_reference", sa.String(100)),
)


def upgrade() -> None:
    for name, type_ in COLUMNS:
        op.add_column("summons", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("summons") as batch:
        for name, _type in reversed(COLUMNS):
            batch.drop_column(name)

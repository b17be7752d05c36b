"""Notices: something new waits for a person, for the notifications (issue 23).

Revision ID: 0017_notices
Revises: 0016_fund_memberships
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0017_notices"
down_revision: str | None = "0016_fund_memberships"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("collected_at", UtcDateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('message', 'task', 'letter')", name="ck_notices_kind"),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name="fk_notices_person_id_persons", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notices"),
    )
    op.create_index("ix_notices_person_id", "notices", ["person_id"])
    op.create_index("ix_notices_collected_at_id", "notices", ["collected_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_notices_collected_at_id", table_name="notices")
    op.drop_index("ix_notices_person_id", table_name="notices")
    op.drop_table("notices")

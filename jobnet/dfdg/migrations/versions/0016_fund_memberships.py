"""The membership register of the unemployment insurance funds (issue 24).

Revision ID: 0016_fund_memberships
Revises: 0015_cannot_come
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0016_fund_memberships"
down_revision: str | None = "0015_cannot_come"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fund_memberships",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("organisation_id", sa.String(36), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name="ck_fund_memberships_end_after_start",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_fund_memberships_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name="fk_fund_memberships_organisation_id_organisations",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_fund_memberships"),
    )
    op.create_index("ix_fund_memberships_person_id", "fund_memberships", ["person_id"])
    op.create_index(
        "ix_fund_memberships_organisation_id", "fund_memberships", ["organisation_id", "start_date"]
    )


def downgrade() -> None:
    op.drop_index("ix_fund_memberships_organisation_id", table_name="fund_memberships")
    op.drop_index("ix_fund_memberships_person_id", table_name="fund_memberships")
    op.drop_table("fund_memberships")

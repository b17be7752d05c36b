"""Held interviews (§ 14).

Revision ID: 0007
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0007"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "held_interviews",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("agreement", sa.Text(), nullable=False),
        sa.Column("match_group", sa.Integer(), nullable=True),
        sa.Column("source_reference", sa.String(100), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by_type", sa.String(20), nullable=False),
        sa.Column("created_by_id", sa.String(200), nullable=True),
        sa.Column("created_by_name", sa.String(200), nullable=True),
        sa.Column("created_by_organisation", sa.String(8), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name="fk_held_interviews_person_id_persons"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_held_interviews"),
    )
    op.create_index(
        "ix_held_interviews_person_held_on", "held_interviews", ["person_id", "held_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_held_interviews_person_held_on", table_name="held_interviews")
    op.drop_table("held_interviews")

"""Formal requests for access (GDPR art. 15).

Revision ID: 0006
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "insight_requests",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("reference", sa.String(20), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("note", sa.String(2000), nullable=True),
        sa.Column("source_reference", sa.String(100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_type", sa.String(20), nullable=False),
        sa.Column("created_by_id", sa.String(200), nullable=True),
        sa.Column("created_by_name", sa.String(200), nullable=True),
        sa.Column("created_by_organisation", sa.String(8), nullable=True),
        sa.CheckConstraint(
            "deadline >= received_on", name="ck_insight_requests_deadline_after_received"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_insight_requests_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_insight_requests"),
        sa.UniqueConstraint("reference", name="uq_insight_requests_reference"),
    )
    op.create_index(
        "ix_insight_requests_person_id_received_on",
        "insight_requests",
        ["person_id", "received_on"],
    )


def downgrade() -> None:
    op.drop_index("ix_insight_requests_person_id_received_on", table_name="insight_requests")
    op.drop_table("insight_requests")

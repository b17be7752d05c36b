"""Copies of applications in the job log, and My Plan's copies a week (issue 22).

Revision ID: 0021_joblog_copies
Revises: 0020_booking
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0021_joblog_copies"
down_revision: str | None = "0020_booking"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _actor(prefix: str, *, nullable: bool) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_type", sa.String(20), nullable=nullable),
        sa.Column(f"{prefix}_id", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_name", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_organisation", sa.String(8), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("job_plan_versions") as batch:
        batch.add_column(
            sa.Column("copies_per_week", sa.Integer(), nullable=False, server_default="0")
        )
        batch.create_check_constraint(
            "copies_per_week_range", "copies_per_week BETWEEN 0 AND applications_per_week"
        )
    op.create_table(
        "joblog_copies",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("entry_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        *_actor("created_by", nullable=False),
        sa.Column("source_reference", sa.String(100), nullable=True),
        sa.Column("removed_at", UtcDateTime(), nullable=True),
        *_actor("removed_by", nullable=True),
        sa.Column("removal_reference", sa.String(100), nullable=True),
        sa.CheckConstraint("kind IN ('pdf', 'jpeg', 'png')", name=op.f("ck_joblog_copies_kind")),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["joblog_entries.id"],
            name="fk_joblog_copies_entry_id_joblog_entries",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_joblog_copies_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_joblog_copies"),
    )
    op.create_index(
        "ix_joblog_copies_person_id_entry_id", "joblog_copies", ["person_id", "entry_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_joblog_copies_person_id_entry_id", table_name="joblog_copies")
    op.drop_table("joblog_copies")
    with op.batch_alter_table("job_plan_versions") as batch:
        batch.drop_constraint(op.f("ck_job_plan_versions_copies_per_week_range"), type_="check")
        batch.drop_column("copies_per_week")

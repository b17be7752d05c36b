"""Registrations as a jobseeker and absences (sickness, holiday and the other Annex 1 reasons).

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_REGISTRATION = "end_date IS NULL"
OPEN_SICKNESS = "reason = 'sickness' AND status = 'active' AND last_day IS NULL"


def _actor_columns(prefix: str, *, required: bool) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_type", sa.String(20), nullable=not required),
        sa.Column(f"{prefix}_id", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_name", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_organisation", sa.String(8), nullable=True),
    ]


def _create_registrations() -> None:
    op.create_table(
        "registrations",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("category", sa.String(30), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("degree", sa.String(20), nullable=False),
        sa.Column("weekly_hours", sa.Integer(), nullable=True),
        sa.Column("job_titles", sa.JSON(), nullable=False),
        sa.Column("contact_group_period_id", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_reference", sa.String(100), nullable=True),
        *_actor_columns("created_by", required=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("deregistration_reason", sa.String(30), nullable=True),
        sa.Column("deregistration_other_text", sa.String(500), nullable=True),
        sa.Column("deregistered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deregistration_reference", sa.String(100), nullable=True),
        *_actor_columns("deregistered_by", required=False),
        sa.CheckConstraint(
            "category IN ('unemployment_benefit', 'cash_benefit', 'without_benefit')",
            name="ck_registrations_category",
        ),
        sa.CheckConstraint("degree IN ('full_time', 'part_time')", name="ck_registrations_degree"),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date", name="ck_registrations_end_after_start"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_registrations_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_group_period_id"],
            ["contact_group_periods.id"],
            name="fk_registrations_contact_group_period_id_contact_group_periods",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_registrations"),
    )
    op.create_index(
        "ix_registrations_person_id_start_date", "registrations", ["person_id", "start_date"]
    )
    op.create_index(
        "uq_registrations_one_open_per_person",
        "registrations",
        ["person_id"],
        unique=True,
        sqlite_where=sa.text(OPEN_REGISTRATION),
        postgresql_where=sa.text(OPEN_REGISTRATION),
    )


def _create_absences() -> None:
    op.create_table(
        "absences",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column("fit_day", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_reference", sa.String(100), nullable=True),
        *_actor_columns("created_by", required=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reference", sa.String(100), nullable=True),
        *_actor_columns("ended_by", required=False),
        sa.CheckConstraint("status IN ('active', 'cancelled')", name="ck_absences_status"),
        sa.CheckConstraint(
            "last_day IS NULL OR last_day >= first_day", name="ck_absences_last_after_first"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name="fk_absences_person_id_persons", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_absences"),
    )
    op.create_index("ix_absences_person_id_first_day", "absences", ["person_id", "first_day"])
    op.create_index(
        "uq_absences_one_open_sickness_per_person",
        "absences",
        ["person_id"],
        unique=True,
        sqlite_where=sa.text(OPEN_SICKNESS),
        postgresql_where=sa.text(OPEN_SICKNESS),
    )


def upgrade() -> None:
    _create_registrations()
    _create_absences()


def downgrade() -> None:
    op.drop_index("uq_absences_one_open_sickness_per_person", table_name="absences")
    op.drop_index("ix_absences_person_id_first_day", table_name="absences")
    op.drop_table("absences")
    op.drop_index("uq_registrations_one_open_per_person", table_name="registrations")
    op.drop_index("ix_registrations_person_id_start_date", table_name="registrations")
    op.drop_table("registrations")

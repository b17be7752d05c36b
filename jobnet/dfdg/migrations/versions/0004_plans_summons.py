"""Job plans (Min plan) with versions and measures; summons to interviews with their changes.

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_plans",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("created_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_job_plans_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_plans")),
        sa.UniqueConstraint("person_id", name=op.f("uq_job_plans_person_id")),
    )
    op.create_table(
        "summons",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_cvr", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("place", sa.String(length=500), nullable=True),
        sa.Column("join_details", sa.String(length=500), nullable=True),
        sa.Column("contact_options", sa.String(length=1000), nullable=True),
        sa.Column("bring", sa.String(length=1000), nullable=True),
        sa.Column("letter_sent_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.Column("created_by_type", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.String(length=200), nullable=True),
        sa.Column("created_by_name", sa.String(length=200), nullable=True),
        sa.Column("created_by_organisation", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "form IN ('in_person', 'phone', 'video', 'digital')", name=op.f("ck_summons_form")
        ),
        sa.CheckConstraint(
            "status IN ('active', 'moved', 'cancelled')", name=op.f("ck_summons_status")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_summons_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summons")),
    )
    op.create_index(
        "ix_summons_organisation_cvr_starts_at",
        "summons",
        ["organisation_cvr", "starts_at"],
        unique=False,
    )
    op.create_index(
        "ix_summons_person_id_starts_at", "summons", ["person_id", "starts_at"], unique=False
    )
    op.create_table(
        "job_plan_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("revision_date", sa.Date(), nullable=False),
        sa.Column("targets", sa.JSON(), nullable=False),
        sa.Column("applications_per_week", sa.Integer(), nullable=False),
        sa.Column("organisation_cvr", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.Column("created_by_type", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.String(length=200), nullable=True),
        sa.Column("created_by_name", sa.String(length=200), nullable=True),
        sa.Column("created_by_organisation", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "applications_per_week BETWEEN 0 AND 30",
            name=op.f("ck_job_plan_versions_applications_per_week_range"),
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_job_plan_versions_number_positive")),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["job_plans.id"],
            name=op.f("fk_job_plan_versions_plan_id_job_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_plan_versions")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_job_plan_versions_plan_id_number")),
    )
    op.create_table(
        "summons_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("summons_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("letter_sent_date", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("previous_starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=False),
        sa.Column("place", sa.String(length=500), nullable=True),
        sa.Column("join_details", sa.String(length=500), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.Column("by_type", sa.String(length=20), nullable=False),
        sa.Column("by_id", sa.String(length=200), nullable=True),
        sa.Column("by_name", sa.String(length=200), nullable=True),
        sa.Column("by_organisation", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "kind IN ('created', 'moved', 'cancelled')", name=op.f("ck_summons_changes_kind")
        ),
        sa.ForeignKeyConstraint(
            ["summons_id"],
            ["summons.id"],
            name=op.f("fk_summons_changes_summons_id_summons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summons_changes")),
        sa.UniqueConstraint(
            "summons_id", "number", name=op.f("uq_summons_changes_summons_id_number")
        ),
    )
    op.create_table(
        "plan_measures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=30), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("provider_cvr", sa.String(length=8), nullable=True),
        sa.Column("provider_p_number", sa.String(length=10), nullable=True),
        sa.Column("provider_name", sa.String(length=200), nullable=True),
        sa.Column("occupation", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "type IN ('training', 'wage_subsidy', 'company_internship', 'job_search_course', "
            "'guidance', 'other')",
            name=op.f("ck_plan_measures_type"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_plan_measures_end_after_start")),
        sa.CheckConstraint(
            "weekly_hours >= 0 AND weekly_hours <= 37",
            name=op.f("ck_plan_measures_weekly_hours_range"),
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["job_plan_versions.id"],
            name=op.f("fk_plan_measures_version_id_job_plan_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_measures")),
        sa.UniqueConstraint("version_id", "key", name=op.f("uq_plan_measures_version_id_key")),
    )


def downgrade() -> None:
    op.drop_table("plan_measures")
    op.drop_table("summons_changes")
    op.drop_table("job_plan_versions")
    op.drop_index("ix_summons_person_id_starts_at", table_name="summons")
    op.drop_index("ix_summons_organisation_cvr_starts_at", table_name="summons")
    op.drop_table("summons")
    op.drop_table("job_plans")

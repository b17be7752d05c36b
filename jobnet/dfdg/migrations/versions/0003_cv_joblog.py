"""The CV (one per person, its list entries, versions) and the job log with its versions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cvs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("job_titles", sa.JSON(), nullable=False),
        sa.Column("job_area", sa.String(length=100), nullable=True),
        sa.Column("work_time", sa.String(length=20), nullable=True),
        sa.Column("driving_licences", sa.JSON(), nullable=False),
        sa.Column("profile", sa.String(length=2000), nullable=True),
        sa.Column("searchable", sa.Boolean(), nullable=False),
        sa.Column("approval_status", sa.String(length=20), nullable=False),
        sa.Column("approval_date", sa.Date(), nullable=True),
        sa.Column("approved_by_type", sa.String(length=20), nullable=True),
        sa.Column("approved_by_id", sa.String(length=200), nullable=True),
        sa.Column("approved_by_name", sa.String(length=200), nullable=True),
        sa.Column("approved_by_organisation", sa.String(length=8), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_type", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.String(length=200), nullable=True),
        sa.Column("created_by_name", sa.String(length=200), nullable=True),
        sa.Column("created_by_organisation", sa.String(length=8), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by_type", sa.String(length=20), nullable=True),
        sa.Column("updated_by_id", sa.String(length=200), nullable=True),
        sa.Column("updated_by_name", sa.String(length=200), nullable=True),
        sa.Column("updated_by_organisation", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "approval_status IN ('not_assessed', 'approved', 'not_approved')",
            name=op.f("ck_cvs_approval_status"),
        ),
        sa.CheckConstraint(
            "work_time IS NULL OR work_time IN ('full_time', 'part_time', 'both')",
            name=op.f("ck_cvs_work_time"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_cvs_person_id_persons"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cvs")),
        sa.UniqueConstraint("person_id", name=op.f("uq_cvs_person_id")),
    )
    op.create_table(
        "joblog_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_type", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.String(length=200), nullable=True),
        sa.Column("created_by_name", sa.String(length=200), nullable=True),
        sa.Column("created_by_organisation", sa.String(length=8), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by_type", sa.String(length=20), nullable=True),
        sa.Column("updated_by_id", sa.String(length=200), nullable=True),
        sa.Column("updated_by_name", sa.String(length=200), nullable=True),
        sa.Column("updated_by_organisation", sa.String(length=8), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_type", sa.String(length=20), nullable=True),
        sa.Column("deleted_by_id", sa.String(length=200), nullable=True),
        sa.Column("deleted_by_name", sa.String(length=200), nullable=True),
        sa.Column("deleted_by_organisation", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "kind IN ('advertised', 'unsolicited', 'other')", name=op.f("ck_joblog_entries_kind")
        ),
        sa.CheckConstraint(
            "status IN ('sent', 'interview', 'rejected', 'offered')",
            name=op.f("ck_joblog_entries_status"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_joblog_entries_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joblog_entries")),
    )
    op.create_index(
        "ix_joblog_entries_person_id_applied_on",
        "joblog_entries",
        ["person_id", "applied_on"],
        unique=False,
    )
    op.create_table(
        "cv_entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("cv_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("section", sa.String(length=20), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_type", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.String(length=200), nullable=True),
        sa.Column("created_by_name", sa.String(length=200), nullable=True),
        sa.Column("created_by_organisation", sa.String(length=8), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_by_type", sa.String(length=20), nullable=True),
        sa.Column("updated_by_id", sa.String(length=200), nullable=True),
        sa.Column("updated_by_name", sa.String(length=200), nullable=True),
        sa.Column("updated_by_organisation", sa.String(length=8), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by_type", sa.String(length=20), nullable=True),
        sa.Column("deleted_by_id", sa.String(length=200), nullable=True),
        sa.Column("deleted_by_name", sa.String(length=200), nullable=True),
        sa.Column("deleted_by_organisation", sa.String(length=8), nullable=True),
        sa.CheckConstraint(
            "section IN ('experience', 'education', 'courses', 'skills', 'languages')",
            name=op.f("ck_cv_entries_section"),
        ),
        sa.ForeignKeyConstraint(
            ["cv_id"], ["cvs.id"], name=op.f("fk_cv_entries_cv_id_cvs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_cv_entries_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv_entries")),
    )
    op.create_index(
        "ix_cv_entries_person_id_section", "cv_entries", ["person_id", "section"], unique=False
    )
    op.create_table(
        "joblog_entry_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_type", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=True),
        sa.Column("actor_organisation", sa.String(length=8), nullable=True),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'delete', 'approve')",
            name=op.f("ck_joblog_entry_versions_action"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["joblog_entries.id"],
            name=op.f("fk_joblog_entry_versions_entry_id_joblog_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_joblog_entry_versions_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_joblog_entry_versions")),
        sa.UniqueConstraint(
            "entry_id", "version", name=op.f("uq_joblog_entry_versions_entry_id_version")
        ),
    )
    op.create_index(
        op.f("ix_joblog_entry_versions_person_id"),
        "joblog_entry_versions",
        ["person_id"],
        unique=False,
    )
    op.create_table(
        "cv_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("cv_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.String(length=36), nullable=True),
        sa.Column("section", sa.String(length=30), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_type", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=True),
        sa.Column("actor_organisation", sa.String(length=8), nullable=True),
        sa.Column("source_reference", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "action IN ('create', 'update', 'delete', 'approve')",
            name=op.f("ck_cv_versions_action"),
        ),
        sa.ForeignKeyConstraint(
            ["cv_id"], ["cvs.id"], name=op.f("fk_cv_versions_cv_id_cvs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["cv_entries.id"],
            name=op.f("fk_cv_versions_entry_id_cv_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name=op.f("fk_cv_versions_person_id_persons"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cv_versions")),
    )
    op.create_index("ix_cv_versions_person_id_at", "cv_versions", ["person_id", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_cv_versions_person_id_at", table_name="cv_versions")
    op.drop_table("cv_versions")
    op.drop_index(op.f("ix_joblog_entry_versions_person_id"), table_name="joblog_entry_versions")
    op.drop_table("joblog_entry_versions")
    op.drop_index("ix_cv_entries_person_id_section", table_name="cv_entries")
    op.drop_table("cv_entries")
    op.drop_index("ix_joblog_entries_person_id_applied_on", table_name="joblog_entries")
    op.drop_table("joblog_entries")
    op.drop_table("cvs")

"""DFDG initial schema: persons, contact group periods, organisations, audit, idempotency.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "persons",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("cpr", sa.String(10), nullable=False),
        sa.Column("given_name", sa.String(200), nullable=False),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("street", sa.String(200), nullable=True),
        sa.Column("postcode", sa.String(4), nullable=True),
        sa.Column("city", sa.String(100), nullable=True),
        sa.Column("municipality_code", sa.String(4), nullable=True),
        sa.Column("address_protected", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_persons"),
        sa.UniqueConstraint("cpr", name="uq_persons_cpr"),
    )
    op.create_table(
        "organisations",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("cvr", sa.String(8), nullable=False),
        sa.Column("municipality_code", sa.String(4), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('jobcentre', 'akasse')", name="ck_organisations_kind"),
        sa.PrimaryKeyConstraint("id", name="pk_organisations"),
        sa.UniqueConstraint("cvr", name="uq_organisations_cvr"),
    )
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("system", sa.String(100), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_idempotency_records"),
        sa.UniqueConstraint("system", "key", name="uq_idempotency_records_system_key"),
    )
    op.create_table(
        "contact_group_periods",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("contact_group", sa.Integer(), nullable=False),
        sa.Column("match_group", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "contact_group BETWEEN 1 AND 8", name="ck_contact_group_periods_contact_group_range"
        ),
        sa.CheckConstraint(
            "(match_group IS NULL AND contact_group NOT IN (2, 3)) OR "
            "(match_group BETWEEN 1 AND 3 AND contact_group IN (2, 3))",
            name="ck_contact_group_periods_match_group_only_for_2_and_3",
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name="ck_contact_group_periods_end_after_start",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_contact_group_periods_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_contact_group_periods"),
    )
    op.create_index("ix_contact_group_periods_person_id", "contact_group_periods", ["person_id"])
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=True),
        sa.Column("actor_type", sa.String(20), nullable=False),
        sa.Column("actor_id", sa.String(200), nullable=True),
        sa.Column("actor_name", sa.String(200), nullable=True),
        sa.Column("organisation", sa.String(20), nullable=True),
        sa.Column("on_behalf_of", sa.String(200), nullable=True),
        sa.Column("purpose", sa.String(500), nullable=True),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("system", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name="fk_audit_entries_person_id_persons"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entries"),
    )
    op.create_index("ix_audit_entries_person_id_at", "audit_entries", ["person_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_entries_person_id_at", table_name="audit_entries")
    op.drop_table("audit_entries")
    op.drop_index("ix_contact_group_periods_person_id", table_name="contact_group_periods")
    op.drop_table("contact_group_periods")
    op.drop_table("idempotency_records")
    op.drop_table("organisations")
    op.drop_table("persons")

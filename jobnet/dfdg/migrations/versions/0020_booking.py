"""Booking one's own interview (issue 22): slots, booking requests and the slots they offer.

Revision ID: 0020_booking
Revises: 0019_fund_events
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0020_booking"
down_revision: str | None = "0019_fund_events"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORMS = "form IN ('in_person', 'phone', 'video', 'digital')"


def _actor(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_type", sa.String(20), nullable=False),
        sa.Column(f"{prefix}_id", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_name", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_organisation", sa.String(8), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "booking_slots",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("organisation_cvr", sa.String(8), nullable=False),
        sa.Column("starts_at", UtcDateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("place", sa.String(500), nullable=True),
        sa.Column("join_details", sa.String(500), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        *_actor("created_by"),
        sa.CheckConstraint(FORMS, name=op.f("ck_booking_slots_form")),
        sa.CheckConstraint("capacity >= 1", name=op.f("ck_booking_slots_capacity")),
        sa.CheckConstraint(
            "booked >= 0 AND booked <= capacity", name=op.f("ck_booking_slots_booked")
        ),
        sa.PrimaryKeyConstraint("id", name="pk_booking_slots"),
    )
    op.create_index(
        "ix_booking_slots_organisation_cvr_starts_at",
        "booking_slots",
        ["organisation_cvr", "starts_at"],
    )
    op.create_table(
        "booking_requests",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("organisation_cvr", sa.String(8), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("contact_options", sa.String(1000), nullable=True),
        sa.Column("bring", sa.String(1000), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("slot_id", sa.String(36), nullable=True),
        sa.Column("summons_id", sa.String(36), nullable=True),
        sa.Column("booked_at", UtcDateTime(), nullable=True),
        sa.Column("source_reference", sa.String(100), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        *_actor("created_by"),
        sa.CheckConstraint(
            "status IN ('open', 'booked', 'cancelled')", name=op.f("ck_booking_requests_status")
        ),
        sa.CheckConstraint(FORMS, name=op.f("ck_booking_requests_form")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_booking_requests_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["booking_slots.id"],
            name="fk_booking_requests_slot_id_booking_slots",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["summons_id"],
            ["summons.id"],
            name="fk_booking_requests_summons_id_summons",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_booking_requests"),
    )
    op.create_index(
        "ix_booking_requests_person_id_deadline", "booking_requests", ["person_id", "deadline"]
    )
    op.create_index(
        "ix_booking_requests_organisation_cvr_status",
        "booking_requests",
        ["organisation_cvr", "status"],
    )
    op.create_table(
        "booking_offers",
        sa.Column("request_id", sa.String(36), nullable=False),
        sa.Column("slot_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["booking_requests.id"],
            name="fk_booking_offers_request_id_booking_requests",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["booking_slots.id"],
            name="fk_booking_offers_slot_id_booking_slots",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("request_id", "slot_id", name="pk_booking_offers"),
    )


def downgrade() -> None:
    op.drop_table("booking_offers")
    op.drop_index("ix_booking_requests_organisation_cvr_status", table_name="booking_requests")
    op.drop_index("ix_booking_requests_person_id_deadline", table_name="booking_requests")
    op.drop_table("booking_requests")
    op.drop_index("ix_booking_slots_organisation_cvr_starts_at", table_name="booking_slots")
    op.drop_table("booking_slots")

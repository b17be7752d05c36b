"""Booking (issue 22): a caseworker withdraws a booking request, and takes a slot off the job
centre's list (the slot's row stays, marked removed).

Revision ID: 0022_booking_withdraw
Revises: 0021_joblog_copies
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0022_booking_withdraw"
down_revision: str | None = "0021_joblog_copies"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _actor(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_type", sa.String(20), nullable=True),
        sa.Column(f"{prefix}_id", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_name", sa.String(200), nullable=True),
        sa.Column(f"{prefix}_organisation", sa.String(8), nullable=True),
    ]


def upgrade() -> None:
    for column in [sa.Column("removed_at", UtcDateTime(), nullable=True), *_actor("removed_by")]:
        op.add_column("booking_slots", column)
    for column in [
        sa.Column("withdrawn_at", UtcDateTime(), nullable=True),
        *_actor("withdrawn_by"),
        sa.Column("withdrawal_reason", sa.String(500), nullable=True),
    ]:
        op.add_column("booking_requests", column)


def downgrade() -> None:
    with op.batch_alter_table("booking_requests") as batch:
        for name in (
            "withdrawal_reason",
            "withdrawn_by_organisation",
            "withdrawn_by_name",
            "withdrawn_by_id",
            "withdrawn_by_type",
            "withdrawn_at",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("booking_slots") as batch:
        for name in (
            "removed_by_organisation",
            "removed_by_name",
            "removed_by_id",
            "removed_by_type",
            "removed_at",
        ):
            batch.drop_column(name)

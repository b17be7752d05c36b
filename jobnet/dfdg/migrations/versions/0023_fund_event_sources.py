"""Where fund events come from by themselves (issue 24): a summons marked not attended (by
whom, when) and a booking request not booked by its deadline (one event a request).

Revision ID: 0023_fund_event_sources
Revises: 0022_booking_withdraw
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0023_fund_event_sources"
down_revision: str | None = "0022_booking_withdraw"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_TYPES = (
    "'no_show', 'job_refused', 'offer_refused', 'offer_absence', 'availability_doubt', "
    "'offer_start', 'offer_end', 'offer_change'"
)
NEW_TYPES = OLD_TYPES + ", 'booking_deadline_missed'"


def upgrade() -> None:
    with op.batch_alter_table("summons") as batch:
        batch.add_column(sa.Column("not_attended_at", UtcDateTime(), nullable=True))
        batch.add_column(sa.Column("not_attended_by_type", sa.String(20), nullable=True))
        batch.add_column(sa.Column("not_attended_by_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("not_attended_by_name", sa.String(200), nullable=True))
        batch.add_column(sa.Column("not_attended_by_organisation", sa.String(8), nullable=True))
    with op.batch_alter_table("fund_events") as batch:
        batch.add_column(sa.Column("booking_request_id", sa.String(36), nullable=True))
        batch.create_foreign_key(
            "fk_fund_events_booking_request_id_booking_requests",
            "booking_requests",
            ["booking_request_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_unique_constraint("uq_fund_events_booking_request_id", ["booking_request_id"])
        batch.drop_constraint("ck_fund_events_type", type_="check")
        batch.create_check_constraint("ck_fund_events_type", f"type IN ({NEW_TYPES})")


def downgrade() -> None:
    op.execute("DELETE FROM fund_events WHERE type = 'booking_deadline_missed'")
    with op.batch_alter_table("fund_events") as batch:
        batch.drop_constraint("ck_fund_events_type", type_="check")
        batch.create_check_constraint("ck_fund_events_type", f"type IN ({OLD_TYPES})")
        batch.drop_constraint("uq_fund_events_booking_request_id", type_="unique")
        batch.drop_constraint(
            "fk_fund_events_booking_request_id_booking_requests", type_="foreignkey"
        )
        batch.drop_column("booking_request_id")
    with op.batch_alter_table("summons") as batch:
        for name in ("at", "by_type", "by_id", "by_name", "by_organisation"):
            batch.drop_column(f"not_attended_{name}")

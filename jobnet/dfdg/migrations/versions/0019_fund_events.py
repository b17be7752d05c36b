"""Fund events: what the job centre reports to a member's unemployment insurance fund (issue 24).

Revision ID: 0019_fund_events
Revises: 0018_messages
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime
from jobnet.dfdg.models.fund_events import EVENT_TYPES, WEBHOOK_STATES

revision: str = "0019_fund_events"
down_revision: str | None = "0018_messages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fund_events",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("fund_id", sa.String(36), nullable=False),
        sa.Column("fund_sequence", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(30), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("municipality_code", sa.String(4), nullable=True),
        sa.Column("cause", sa.String(200), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("company_cvr", sa.String(8), nullable=True),
        sa.Column("company_name", sa.String(200), nullable=True),
        sa.Column("offer_status", sa.String(20), nullable=True),
        sa.Column("granted_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("weekly_hours", sa.Numeric(4, 1), nullable=True),
        sa.Column("summons_id", sa.String(36), nullable=True),
        sa.Column("source_reference", sa.String(100), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("created_by_type", sa.String(20), nullable=False),
        sa.Column("created_by_id", sa.String(200), nullable=True),
        sa.Column("created_by_name", sa.String(200), nullable=True),
        sa.Column("created_by_organisation", sa.String(8), nullable=True),
        sa.Column("delivered_at", UtcDateTime(), nullable=True),
        sa.Column("delivered_via", sa.String(20), nullable=True),
        sa.Column("webhook_state", sa.String(20), nullable=False),
        sa.Column("webhook_attempts", sa.Integer(), nullable=False),
        sa.Column("webhook_next_at", UtcDateTime(), nullable=True),
        sa.Column("webhook_last_error", sa.String(200), nullable=True),
        sa.CheckConstraint(f"type IN ({EVENT_TYPES})", name="ck_fund_events_type"),
        sa.CheckConstraint(
            f"webhook_state IN ({WEBHOOK_STATES})", name="ck_fund_events_webhook_state"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_fund_events_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["fund_id"], ["organisations.id"], name="fk_fund_events_fund_id_organisations"
        ),
        sa.ForeignKeyConstraint(
            ["summons_id"],
            ["summons.id"],
            name="fk_fund_events_summons_id_summons",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_fund_events"),
        sa.UniqueConstraint(
            "fund_id", "fund_sequence", name="uq_fund_events_fund_id_fund_sequence"
        ),
        sa.UniqueConstraint("summons_id", name="uq_fund_events_summons_id"),
    )
    op.create_index("ix_fund_events_person_id", "fund_events", ["person_id", "fund_sequence"])
    op.create_index(
        "ix_fund_events_webhook_state", "fund_events", ["webhook_state", "webhook_next_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_fund_events_webhook_state", table_name="fund_events")
    op.drop_index("ix_fund_events_person_id", table_name="fund_events")
    op.drop_table("fund_events")

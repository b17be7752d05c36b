"""Notifications (issue 23): how each person wants to be told, confirmation codes, and the
e-mails and SMS the outbox worker sends.

Revision ID: 0007_notifications
Revises: 0006_known_answers
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_notifications"
down_revision = "0006_known_answers"
branch_labels = None
depends_on = None

MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "notification_choices",
        sa.Column("subject", sa.String(120), primary_key=True),
        sa.Column("email", sa.String(254), nullable=True),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("by_email", sa.Boolean(), nullable=False),
        sa.Column("by_sms", sa.Boolean(), nullable=False),
        sa.Column("daily_digest", sa.Boolean(), nullable=False),
        sa.Column("organisation_cvr", sa.String(8), nullable=True),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("last_digest_on", sa.Date(), nullable=True),
        sa.Column("updated_at", MOMENT, nullable=False),
    )
    op.create_table(
        "notification_codes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("subject", sa.String(120), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("address", sa.String(254), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("expires_at", MOMENT, nullable=False),
        sa.Column("used_at", MOMENT, nullable=True),
    )
    op.create_index("ix_notification_codes_subject", "notification_codes", ["subject"])
    op.create_index("ix_notification_codes_address", "notification_codes", ["address"])
    op.create_table(
        "outgoing_notifications",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(160), nullable=False, unique=True),
        sa.Column("subject", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("address", sa.String(254), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("due_at", MOMENT, nullable=False),
        sa.Column("lease_until", MOMENT, nullable=True),
        sa.Column("last_error", sa.String(200), nullable=True),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("sent_at", MOMENT, nullable=True),
    )
    op.create_index("ix_outgoing_notifications_due", "outgoing_notifications", ["status", "due_at"])
    op.create_index(
        "ix_outgoing_notifications_subject_kind", "outgoing_notifications", ["subject", "kind"]
    )


def downgrade() -> None:
    op.drop_table("outgoing_notifications")
    op.drop_table("notification_codes")
    op.drop_table("notification_choices")

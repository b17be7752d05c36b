"""Messages between a person and their job centre: threads, messages, attachments (issue 23).

Revision ID: 0018_messages
Revises: 0017_notices
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from jobnet.dfdg.models.base import UtcDateTime

revision: str = "0018_messages"
down_revision: str | None = "0017_notices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "message_threads",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("organisation_cvr", sa.String(8), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("last_message_at", UtcDateTime(), nullable=False),
        sa.Column("started_by_type", sa.String(20), nullable=False),
        sa.Column("awaiting_answer", sa.Boolean(), nullable=False),
        sa.Column("taken_by_id", sa.String(200), nullable=True),
        sa.Column("taken_by_name", sa.String(200), nullable=True),
        sa.Column("taken_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["persons.id"],
            name="fk_message_threads_person_id_persons",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_message_threads"),
    )
    op.create_index(
        "ix_message_threads_person_id_last_message_at",
        "message_threads",
        ["person_id", "last_message_at"],
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("thread_id", sa.String(36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", UtcDateTime(), nullable=False),
        sa.Column("by_type", sa.String(20), nullable=False),
        sa.Column("by_id", sa.String(200), nullable=True),
        sa.Column("by_name", sa.String(200), nullable=True),
        sa.Column("by_organisation", sa.String(8), nullable=True),
        sa.Column("source_reference", sa.String(100), nullable=True),
        sa.Column("read_at", UtcDateTime(), nullable=True),
        sa.Column("read_by_name", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["thread_id"],
            ["message_threads.id"],
            name="fk_messages_thread_id_message_threads",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
        sa.UniqueConstraint("thread_id", "number", name="uq_messages_thread_id_number"),
    )
    op.create_table(
        "message_attachments",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("message_id", sa.String(36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('pdf', 'jpeg', 'png')", name=op.f("ck_message_attachments_kind")
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["messages.id"],
            name="fk_message_attachments_message_id_messages",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_message_attachments"),
        sa.UniqueConstraint(
            "message_id", "number", name="uq_message_attachments_message_id_number"
        ),
    )


def downgrade() -> None:
    op.drop_table("message_attachments")
    op.drop_table("messages")
    op.drop_index("ix_message_threads_person_id_last_message_at", table_name="message_threads")
    op.drop_table("message_threads")

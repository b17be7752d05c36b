"""DFDG's audit log is append-only, enforced by PostgreSQL: a trigger refuses every UPDATE and
DELETE of an audit entry, whoever asks. (The service's runtime role should also lack those
rights; docs/security.md has the grants.) SQLite, for development and tests, has no trigger.

Revision ID: 0012_audit_append_only
Revises: 0011_deregistration_day
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012_audit_append_only"
down_revision: str | None = "0011_deregistration_day"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTION = """
CREATE OR REPLACE FUNCTION dfdg_audit_entries_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$
"""
TRIGGER = """
CREATE TRIGGER audit_entries_append_only
BEFORE UPDATE OR DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION dfdg_audit_entries_append_only()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries")
    op.execute("DROP FUNCTION IF EXISTS dfdg_audit_entries_append_only()")

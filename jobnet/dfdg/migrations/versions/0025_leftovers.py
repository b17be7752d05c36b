"""A deregistration ends an open sickness too (leftovers 1): the law ends an absence with the
registration, so an open absence (no last day) of a deregistered registration ends on the last
registered day, the day before the deregistration day, marked `end_cause` "deregistration"
(ended, status cancelled, when it began on or after that day). Until 0025 DFDG left it open.

Existing data is brought in line: every active absence without a last day that began within a
registration which has a deregistration day gets that end, recorded with the deregistration's
reference and actor. No schema change.

Revision ID: 0025_leftovers
Revises: 0024_duty_fixes
Create Date: 2026-12-05
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0025_leftovers"
down_revision: str | None = "0024_duty_fixes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEREGISTRATION = "deregistration"

_registrations = sa.table(
    "registrations",
    sa.column("person_id", sa.String),
    sa.column("start_date", sa.Date),
    sa.column("end_date", sa.Date),
    sa.column("deregistration_reference", sa.String),
    sa.column("deregistered_by_type", sa.String),
    sa.column("deregistered_by_id", sa.String),
    sa.column("deregistered_by_name", sa.String),
    sa.column("deregistered_by_organisation", sa.String),
)
_absences = sa.table(
    "absences",
    sa.column("id", sa.String),
    sa.column("person_id", sa.String),
    sa.column("first_day", sa.Date),
    sa.column("last_day", sa.Date),
    sa.column("status", sa.String),
    sa.column("cancelled_at", sa.DateTime(timezone=True)),
    sa.column("ended_at", sa.DateTime(timezone=True)),
    sa.column("end_reference", sa.String),
    sa.column("ended_by_type", sa.String),
    sa.column("ended_by_id", sa.String),
    sa.column("ended_by_name", sa.String),
    sa.column("ended_by_organisation", sa.String),
    sa.column("end_cause", sa.String),
)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def upgrade() -> None:
    connection = op.get_bind()
    now = datetime.now(UTC)
    open_absences = sa.select(_absences).where(
        _absences.c.status == "active", _absences.c.last_day.is_(None)
    )
    for absence in connection.execute(open_absences).all():
        first_day = _as_date(absence.first_day)
        within = (
            sa.select(_registrations)
            .where(
                _registrations.c.person_id == absence.person_id,
                _registrations.c.end_date.is_not(None),
                _registrations.c.start_date <= first_day,
                _registrations.c.end_date >= first_day,
            )
            .order_by(_registrations.c.start_date.desc())
            .limit(1)
        )
        registration = connection.execute(within).first()
        if registration is None:
            continue
        end = _as_date(registration.end_date)
        values: dict[str, object] = {
            "ended_at": now,
            "end_reference": registration.deregistration_reference,
            "ended_by_type": registration.deregistered_by_type,
            "ended_by_id": registration.deregistered_by_id,
            "ended_by_name": registration.deregistered_by_name,
            "ended_by_organisation": registration.deregistered_by_organisation,
            "end_cause": DEREGISTRATION,
        }
        if first_day >= end:
            values.update(status="cancelled", cancelled_at=now)
        else:
            values["last_day"] = end - timedelta(days=1)
        connection.execute(_absences.update().where(_absences.c.id == absence.id).values(**values))


def downgrade() -> None:
    """The data change is not undone: the ended absences stay ended (the law says so)."""

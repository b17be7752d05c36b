"""The deregistration day is the first day the person is no longer registered (issue 20, defects
1 and 4): the contact-group period ends the day before (or is withdrawn when deregistered on the
day it began), and absences reaching past the deregistration are shortened or ended.

Existing data is brought in line: a period ended ON its registration's deregistration day now
ends the day before (withdrawn when that is before its start), and holidays and other absences
with a last day on or after a deregistration day are shortened to end the day before, or ended
(status cancelled, `end_cause` "deregistration") when they would begin on or after it.

Revision ID: 0011_deregistration_day
Revises: 0010
Create Date: 2026-12-05
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0011_deregistration_day"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEREGISTRATION = "deregistration"

_registrations = sa.table(
    "registrations",
    sa.column("id", sa.String),
    sa.column("person_id", sa.String),
    sa.column("start_date", sa.Date),
    sa.column("end_date", sa.Date),
    sa.column("deregistration_reference", sa.String),
    sa.column("deregistered_by_type", sa.String),
    sa.column("deregistered_by_id", sa.String),
    sa.column("deregistered_by_name", sa.String),
    sa.column("deregistered_by_organisation", sa.String),
)
_periods = sa.table(
    "contact_group_periods",
    sa.column("id", sa.Integer),
    sa.column("person_id", sa.String),
    sa.column("start_date", sa.Date),
    sa.column("end_date", sa.Date),
    sa.column("withdrawn", sa.Boolean),
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
    sa.column("reported_last_day", sa.Date),
)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _bring_in_line(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.select(_registrations).order_by(_registrations.c.person_id, _registrations.c.start_date)
    ).all()
    by_person: dict[str, list[sa.Row]] = {}
    for row in rows:
        by_person.setdefault(row.person_id, []).append(row)
    now = datetime.now(UTC)
    for person_id, registrations in by_person.items():
        for index, registration in enumerate(registrations):
            if registration.end_date is None:
                continue
            start, end = _as_date(registration.start_date), _as_date(registration.end_date)
            following = registrations[index + 1] if index + 1 < len(registrations) else None
            until = _as_date(following.start_date) if following is not None else None
            _periods_in_line(connection, person_id, start, end)
            _absences_in_line(connection, person_id, registration, start, end, until, now)


def _periods_in_line(connection: sa.Connection, person_id: str, start: date, end: date) -> None:
    periods = connection.execute(
        sa.select(_periods).where(
            _periods.c.person_id == person_id,
            _periods.c.start_date >= start,
            _periods.c.start_date <= end,
            _periods.c.end_date.is_(None) | (_periods.c.end_date >= end),
        )
    ).all()
    for period in periods:
        period_start = _as_date(period.start_date)
        values: dict[str, object] = (
            {"end_date": end - timedelta(days=1)}
            if period_start < end
            else {"end_date": period_start, "withdrawn": True}
        )
        connection.execute(_periods.update().where(_periods.c.id == period.id).values(**values))


def _absences_in_line(
    connection: sa.Connection,
    person_id: str,
    registration: sa.Row,
    start: date,
    end: date,
    until: date | None,
    now: datetime,
) -> None:
    query = sa.select(_absences).where(
        _absences.c.person_id == person_id,
        _absences.c.status == "active",
        _absences.c.first_day >= start,
        _absences.c.last_day.is_not(None),
        _absences.c.last_day >= end,
    )
    if until is not None:
        query = query.where(_absences.c.first_day < until)
    ended_by = {
        "ended_at": now,
        "end_reference": registration.deregistration_reference,
        "ended_by_type": registration.deregistered_by_type,
        "ended_by_id": registration.deregistered_by_id,
        "ended_by_name": registration.deregistered_by_name,
        "ended_by_organisation": registration.deregistered_by_organisation,
        "end_cause": DEREGISTRATION,
    }
    for absence in connection.execute(query).all():
        first_day = _as_date(absence.first_day)
        if first_day >= end:
            values = {**ended_by, "status": "cancelled", "cancelled_at": now}
        else:
            values = {
                **ended_by,
                "reported_last_day": absence.last_day,
                "last_day": end - timedelta(days=1),
            }
        connection.execute(_absences.update().where(_absences.c.id == absence.id).values(**values))


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): SQLite adds a column with a constant default in place,
    # and a batch copy could not drop a table that registrations reference.
    op.add_column(
        "contact_group_periods",
        sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("absences", sa.Column("end_cause", sa.String(30), nullable=True))
    op.add_column("absences", sa.Column("reported_last_day", sa.Date(), nullable=True))
    _bring_in_line(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("absences") as batch:
        batch.drop_column("reported_last_day")
        batch.drop_column("end_cause")
    with op.batch_alter_table("contact_group_periods") as batch:
        batch.drop_column("withdrawn")

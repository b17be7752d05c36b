"""The migration 0011_deregistration_day brings stored data in line with the deregistration day
(issue 20, defects 1 and 4): a period that ended ON its deregistration day ends the day before
(withdrawn when that is its first day), and holidays past the deregistration are shortened or
ended, marked as ended by it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from jobnet.db import Store
from jobnet.dfdg.models.base import VERSION_TABLE

MIGRATIONS = Path(__file__).parents[3] / "jobnet" / "dfdg" / "migrations"


def _store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'dfdg.sqlite'}", MIGRATIONS)


def _migrate(store: Store, revision: str) -> None:
    with store.engine.begin() as connection:
        config = store.alembic_config()
        config.attributes["connection"] = connection
        config.set_main_option("version_table", VERSION_TABLE)
        command.upgrade(config, revision)


def _insert(connection: sa.Connection, table: str, **values: object) -> None:
    rows = sa.table(table, *(sa.column(name) for name in values))
    connection.execute(rows.insert().values(**values))


ACTOR = {"created_by_type": "citizen"}


def test_stored_periods_and_holidays_follow_the_deregistration_day(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _migrate(store, "0010")
    now = "2026-11-01 10:00:00"
    with store.engine.begin() as connection:
        for person in ("p1", "p2"):
            _insert(
                connection,
                "persons",
                id=person,
                cpr=person * 5,
                given_name="A",
                family_name="B",
                address_protected=False,
                created_at=now,
            )
        # p1: registered 1 November, deregistered from 1 December.
        _insert(connection, "contact_group_periods", id=1, person_id="p1", contact_group=1,
                start_date="2026-11-01", end_date="2026-12-01")  # fmt: skip
        # p2: registered and deregistered on 20 November (withdrawn).
        _insert(connection, "contact_group_periods", id=2, person_id="p2", contact_group=1,
                start_date="2026-11-20", end_date="2026-11-20")  # fmt: skip
        for rid, person, start, end, period in (
            ("r1", "p1", "2026-11-01", "2026-12-01", 1),
            ("r2", "p2", "2026-11-20", "2026-11-20", 2),
        ):
            _insert(connection, "registrations", id=rid, person_id=person,
                    category="unemployment_benefit", start_date=start, degree="full_time",
                    job_titles="[]", contact_group_period_id=period, registered_at=now,
                    end_date=end, deregistration_reason="education",
                    deregistration_reference="JN-DR", deregistered_by_type="citizen",
                    **ACTOR)  # fmt: skip
        for aid, first, last in (
            ("kept", "2026-11-10", "2026-11-14"),
            ("across", "2026-11-25", "2026-12-05"),
            ("after", "2026-12-10", "2026-12-14"),
        ):
            _insert(connection, "absences", id=aid, person_id="p1", reason="holiday",
                    first_day=first, last_day=last, status="active", created_at=now,
                    **ACTOR)  # fmt: skip
    _migrate(store, "heads")
    with store.engine.connect() as connection:
        periods = dict(
            connection.execute(sa.text("SELECT id, end_date FROM contact_group_periods")).all()
        )
        withdrawn = dict(
            connection.execute(sa.text("SELECT id, withdrawn FROM contact_group_periods")).all()
        )
        absences = {
            row.id: row
            for row in connection.execute(
                sa.text(
                    "SELECT id, last_day, status, end_cause, reported_last_day, end_reference "
                    "FROM absences"
                )
            )
        }
    assert str(periods[1]) == str(date(2026, 11, 30)) and not withdrawn[1]
    assert str(periods[2]) == str(date(2026, 11, 20)) and withdrawn[2]
    kept, across, after = absences["kept"], absences["across"], absences["after"]
    assert (kept.status, kept.end_cause) == ("active", None)
    assert (str(across.last_day), str(across.reported_last_day)) == ("2026-11-30", "2026-12-05")
    assert (across.status, across.end_cause) == ("active", "deregistration")
    assert (after.status, after.end_cause, after.end_reference) == (
        "cancelled",
        "deregistration",
        "JN-DR",
    )
    store.engine.dispose()

"""The migration 0025_leftovers ends the open sicknesses of deregistered registrations on the
last registered day (leftovers 1), and leaves a sickness of someone still registered open."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from tests.integration.dfdg.test_deregistration_day_migration import (
    ACTOR,
    _insert,
    _migrate,
    _store,
)


def test_a_stored_open_sickness_ends_with_its_deregistration(tmp_path: Path) -> None:
    store = _store(tmp_path)
    _migrate(store, "0024_duty_fixes")
    now = "2026-11-01 10:00:00"
    with store.engine.begin() as connection:
        for number, (person, end) in enumerate((("p1", "2026-12-01"), ("p2", None)), start=1):
            _insert(connection, "persons", id=person, cpr=person * 5, given_name="A",
                    family_name="B", address_protected=False, created_at=now)  # fmt: skip
            _insert(connection, "contact_group_periods", id=number, person_id=person,
                    contact_group=1, start_date="2026-11-01", end_date=None)  # fmt: skip
            _insert(connection, "registrations", id=f"r{number}", person_id=person,
                    category="unemployment_benefit", start_date="2026-11-01",
                    degree="full_time", job_titles="[]", contact_group_period_id=number,
                    registered_at=now, end_date=end, deregistration_reference="JN-DR",
                    deregistered_by_type="citizen" if end else None, **ACTOR)  # fmt: skip
            _insert(connection, "absences", id=f"sick{number}", person_id=person,
                    reason="sickness", first_day="2026-11-10", last_day=None, status="active",
                    created_at=now, **ACTOR)  # fmt: skip
    _migrate(store, "heads")
    with store.engine.connect() as connection:
        rows = {
            row.id: row
            for row in connection.execute(
                sa.text("SELECT id, last_day, status, end_cause, end_reference FROM absences")
            )
        }
    ended, still_open = rows["sick1"], rows["sick2"]
    assert (str(ended.last_day), ended.status, ended.end_cause) == (
        "2026-11-30",
        "active",
        "deregistration",
    )
    assert ended.end_reference == "JN-DR"
    assert (still_open.last_day, still_open.end_cause) == (None, None)
    store.engine.dispose()

"""Fill DFDG on PostgreSQL with many made-up persons and records, fast, for scale benchmarks.

`flask --app jobnet.dfdg:create_dfdg_app dfdg seed-scale --persons N --records M` streams rows
with COPY: N persons, each with one contact-group period (group 1) and one open registration;
then past holidays (30 % of the records), joblog entries (20 %) and audit entries (the rest),
spread evenly over the persons. Every person is fictitious: CPR numbers are built from the index
(`seed_cpr(i)`, serial numbers 3900-3999, which no demo person uses), ids are fixed UUIDs, so a
benchmark can log in as person i through the MitID simulator. Foreign-key triggers are skipped
while copying (the rows are consistent by construction), then the tables are analysed.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine

DATES_PER_SERIAL = 40 * 12 * 28  # birth years 1960-1999, months, days 1-28
MAX_PERSONS = DATES_PER_SERIAL * 100
CHUNK = 20_000
FIRST_START = date(2024, 1, 1)
SYSTEM = "jobnet-web"


def seed_cpr(index: int) -> str:
    """The CPR number of seeded person `index` (a real date, serial 3900-3999)."""
    day_index, serial = index % DATES_PER_SERIAL, 3900 + index // DATES_PER_SERIAL
    year, rest = 60 + day_index // 336, day_index % 336
    return f"{1 + rest % 28:02d}{1 + rest // 28:02d}{year:02d}{serial:04d}"


def seed_person_id(index: int) -> str:
    return str(uuid.UUID(int=(0x5EED << 112) | index))


def _start(index: int) -> date:
    return FIRST_START + timedelta(days=index % 600)


def _text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _copy(
    connection: Any, table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]
) -> int:
    count = 0
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        lines: list[str] = []
        for row in rows:
            lines.append("\t".join(_text(value) for value in row))
            if len(lines) == CHUNK:
                copy.write("\n".join(lines) + "\n")
                count += len(lines)
                lines = []
        if lines:
            copy.write("\n".join(lines) + "\n")
            count += len(lines)
    return count


def _spread(total: int, persons: int) -> Iterator[tuple[int, int]]:
    """(person index, number for that person) sharing `total` out evenly."""
    each, extra = divmod(total, persons)
    for index in range(persons):
        yield index, each + (1 if index < extra else 0)


def seed_scale(
    engine: Engine, persons: int, records: int, report: Callable[[str], None] = print
) -> dict[str, int]:
    """Add the persons and records; returns rows written per table."""
    if engine.dialect.name != "postgresql":
        raise ValueError("seed-scale needs PostgreSQL (it uses COPY)")
    if not 0 < persons <= MAX_PERSONS:
        raise ValueError(f"--persons must be between 1 and {MAX_PERSONS}")
    rest = max(records - persons, 0)
    absences, joblog = rest * 3 // 10, rest * 2 // 10
    audits = rest - absences - joblog
    now = datetime.now(UTC)
    written: dict[str, int] = {}
    raw = engine.raw_connection()
    connection: Any = None
    try:
        connection = raw.driver_connection
        assert connection is not None
        connection.autocommit = False
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")  # no FK triggers
            cursor.execute("SELECT coalesce(max(id), 0) FROM contact_group_periods")
            first_period = int(cursor.fetchone()[0]) + 1

        def timed(table: str, columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> None:
            began = time.monotonic()
            written[table] = _copy(connection, table, columns, rows)
            report(f"{table}: {written[table]:,} rows in {time.monotonic() - began:.0f} s")

        timed(
            "persons",
            (
                "id",
                "cpr",
                "given_name",
                "family_name",
                "street",
                "postcode",
                "city",
                "municipality_code",
                "address_protected",
                "created_at",
            ),
            (
                (
                    seed_person_id(i),
                    seed_cpr(i),
                    "Test",
                    f"Person {i}",
                    f"Testvej {1 + i % 200}",
                    "8000",
                    "Aarhus C",
                    "0751",
                    False,
                    now,
                )
                for i in range(persons)
            ),
        )
        timed(
            "contact_group_periods",
            ("id", "person_id", "contact_group", "match_group", "start_date", "end_date"),
            (
                (first_period + i, seed_person_id(i), 1, None, _start(i), None)
                for i in range(persons)
            ),
        )
        titles = json.dumps(["Lagermedarbejder"])
        timed(
            "registrations",
            (
                "id",
                "person_id",
                "category",
                "start_date",
                "degree",
                "job_titles",
                "contact_group_period_id",
                "registered_at",
                "created_by_type",
                "created_by_id",
                "created_by_name",
            ),
            (
                (
                    str(uuid.UUID(int=(0x5EED1 << 108) | i)),
                    seed_person_id(i),
                    "unemployment_benefit",
                    _start(i),
                    "full_time",
                    titles,
                    first_period + i,
                    now,
                    "citizen",
                    seed_person_id(i),
                    f"Test Person {i}",
                )
                for i in range(persons)
            ),
        )

        def holidays() -> Iterator[tuple[Any, ...]]:
            serial = 0
            for i, many in _spread(absences, persons):
                for n in range(many):
                    first = _start(i) + timedelta(days=14 + 21 * n)
                    serial += 1
                    yield (
                        str(uuid.UUID(int=(0x5EED2 << 108) | serial)),
                        seed_person_id(i),
                        "holiday",
                        first,
                        first + timedelta(days=4),
                        "active",
                        now,
                        "citizen",
                        seed_person_id(i),
                    )

        timed(
            "absences",
            (
                "id",
                "person_id",
                "reason",
                "first_day",
                "last_day",
                "status",
                "created_at",
                "created_by_type",
                "created_by_id",
            ),
            holidays(),
        )

        def joblog_entries() -> Iterator[tuple[Any, ...]]:
            serial = 0
            for i, many in _spread(joblog, persons):
                for n in range(many):
                    serial += 1
                    yield (
                        str(uuid.UUID(int=(0x5EED3 << 108) | serial)),
                        seed_person_id(i),
                        _start(i) + timedelta(days=3 + 2 * n),
                        f"Virksomhed {serial % 5000} ApS",
                        "Lagermedarbejder",
                        "advertised" if n % 3 else "unsolicited",
                        "sent",
                        1,
                        now,
                        "citizen",
                        seed_person_id(i),
                        f"Test Person {i}",
                    )

        timed(
            "joblog_entries",
            (
                "id",
                "person_id",
                "applied_on",
                "employer",
                "job_title",
                "kind",
                "status",
                "version",
                "created_at",
                "created_by_type",
                "created_by_id",
                "created_by_name",
            ),
            joblog_entries(),
        )

        def audit_entries() -> Iterator[tuple[Any, ...]]:
            for i, many in _spread(audits, persons):
                for n in range(many):
                    yield (
                        seed_person_id(i),
                        "citizen",
                        seed_person_id(i),
                        "status.read",
                        "web",
                        SYSTEM,
                        "ok",
                        now - timedelta(hours=n + 1),
                    )

        timed(
            "audit_entries",
            (
                "person_id",
                "actor_type",
                "actor_id",
                "action",
                "channel",
                "system",
                "outcome",
                "at",
            ),
            audit_entries(),
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('contact_group_periods', 'id'), "
                "(SELECT max(id) FROM contact_group_periods))"
            )
            cursor.execute("SET session_replication_role = origin")
        connection.commit()
        connection.autocommit = True
        began = time.monotonic()
        with connection.cursor() as cursor:
            for table in written:
                cursor.execute(f"ANALYZE {table}")
        report(f"analysed in {time.monotonic() - began:.0f} s")
    finally:
        # The connection goes back to the engine's pool: as the pool gave it, not in autocommit
        # (SQLAlchemy's transactions and savepoints on it would fail).
        if connection is not None and connection.autocommit:
            connection.rollback()
            connection.autocommit = False
        raw.close()
    return written

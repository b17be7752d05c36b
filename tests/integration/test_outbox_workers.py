"""Two outbox workers at once deliver every command exactly once: the lease stops double sends,
and DFDG registers each command once (its idempotency key would make a repeat harmless)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from jobnet.clients.dfdg_client.commands import holiday_command
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.journeys import outbox, outbox_worker
from jobnet.web.store.models import OutboxCommand
from tests.integration.outbox_helpers import app_with_demo_data
from tests.integration.test_journeys import TODAY

REGISTERED_DEMO_PERSONS = ("1203851234", "0812824167", "1908871245", "0601983694")
HOLIDAYS_EACH = 4


class CountingDfdg:
    """WSGI middleware in front of the in-process DFDG: counts writes per idempotency key."""

    def __init__(self, inner: Callable[..., Any]) -> None:
        self.inner = inner
        self.lock = threading.Lock()
        self.writes: Counter[str] = Counter()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ["REQUEST_METHOD"] == "POST":
            with self.lock:
                self.writes[environ.get("HTTP_IDEMPOTENCY_KEY", "")] += 1
        return self.inner(environ, start_response)


@pytest.fixture
def counted(make_app: Callable[..., Flask]) -> Iterator[tuple[Flask, CountingDfdg]]:
    app = app_with_demo_data(make_app)
    dfdg_app = app.extensions["dfdg_app"]
    counter = CountingDfdg(dfdg_app.wsgi_app)
    dfdg_app.wsgi_app = counter  # type: ignore[method-assign]
    yield app, counter
    dfdg_app.wsgi_app = counter.inner  # type: ignore[method-assign]


def _person_ids(app: Flask) -> list[str]:
    from jobnet.dfdg.models.persons import Person

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        rows = session.scalars(select(Person).where(Person.cpr.in_(REGISTERED_DEMO_PERSONS)))
        return [person.id for person in rows]


def _record_holidays(app: Flask) -> list[OutboxCommand]:
    """Non-overlapping holidays for several persons, all waiting in the outbox."""
    store = app.extensions["web_store"]
    recorded = []
    for person_id in _person_ids(app):
        actor = Actor(type="citizen", id=person_id, name="Demo")
        for week in range(HOLIDAYS_EACH):
            first = TODAY + timedelta(days=90 + 7 * week)
            reference = outbox.new_reference()
            command = holiday_command(person_id, first, first + timedelta(days=2), reference)
            recorded.append(
                outbox.record(
                    store,
                    person_id=person_id,
                    kind=command.kind,
                    method=command.method,
                    path=command.path,
                    body=command.body,
                    summary={},
                    actor=actor,
                    idempotency_key=outbox.new_idempotency_key(),
                    reference=reference,
                )
            )
    return recorded


def _commands(app: Flask) -> list[OutboxCommand]:
    with app.extensions["web_store"].session() as db:
        return list(db.scalars(select(OutboxCommand)))


def _holidays_by_reference(app: Flask) -> Counter[str | None]:
    from jobnet.dfdg.models.registrations import Absence

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        rows = session.scalars(select(Absence).where(Absence.reason == "holiday"))
        # The demo data's own holiday has no source reference.
        return Counter(row.source_reference for row in rows if row.source_reference)


def test_two_workers_deliver_each_command_exactly_once(
    counted: tuple[Flask, CountingDfdg],
) -> None:
    app, dfdg = counted
    recorded = _record_holidays(app)
    assert len(recorded) == len(REGISTERED_DEMO_PERSONS) * HOLIDAYS_EACH

    workers = [outbox_worker.Worker(app, interval=0.01) for _ in range(2)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 60
    try:
        while any(c.status == outbox.RECEIVED for c in _commands(app)):
            assert time.monotonic() < deadline, "the workers did not settle every command"
            time.sleep(0.05)
    finally:
        for worker in workers:
            worker.stop()
        for worker in workers:
            worker.join(timeout=10)

    commands = _commands(app)
    assert {c.status for c in commands} == {outbox.REGISTERED}
    assert all(c.attempts == 1 for c in commands)
    # The lease: DFDG saw each command once, not once per worker.
    assert sorted(dfdg.writes.values()) == [1] * len(recorded)
    assert set(dfdg.writes) == {c.idempotency_key for c in recorded}
    # DFDG registered each command once.
    assert _holidays_by_reference(app) == Counter({c.reference: 1 for c in recorded})


def test_two_workers_racing_for_the_same_commands_send_each_once(
    counted: tuple[Flask, CountingDfdg],
) -> None:
    """Both workers see the same due list and try every command at the same moment."""
    app, dfdg = counted
    recorded = _record_holidays(app)
    store, client = app.extensions["web_store"], app.extensions["dfdg_client"]
    due = outbox.due(store, limit=100)
    assert len(due) == len(REGISTERED_DEMO_PERSONS)  # one per person: a person's queue is ordered
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def race() -> None:
        try:
            start.wait(timeout=10)
            for command_id in due:
                outbox.deliver(store, client, command_id)
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [threading.Thread(target=race) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not failures
    assert sorted(dfdg.writes.values()) == [1] * len(due)
    # The rest follow in each person's order, each sent once.
    for _ in range(HOLIDAYS_EACH * 2):
        outbox.deliver_due(store, client)
    assert sorted(dfdg.writes.values()) == [1] * len(recorded)
    assert _holidays_by_reference(app) == Counter({c.reference: 1 for c in recorded})


def test_the_outbox_work_command_delivers_what_is_due_once(
    counted: tuple[Flask, CountingDfdg],
) -> None:
    app, dfdg = counted
    recorded = _record_holidays(app)
    runner = app.test_cli_runner()
    for _ in range(HOLIDAYS_EACH):
        result = runner.invoke(args=["outbox", "work", "--once"])
        assert result.exit_code == 0, result.output
        assert "commands settled" in result.output
    assert {c.status for c in _commands(app)} == {outbox.REGISTERED}
    assert sorted(dfdg.writes.values()) == [1] * len(recorded)

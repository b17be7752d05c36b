"""The DFDG client's status reads, command builders and send_command, with typed errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta

import httpx
import pytest
from flask import Flask

from jobnet.clients.dfdg_client.client import DfdgClient
from jobnet.clients.dfdg_client.commands import (
    Command,
    cancel_holiday_command,
    deregister_command,
    holiday_command,
    recovery_command,
    register_command,
    sickness_command,
)
from jobnet.clients.dfdg_client.errors import (
    DfdgConflict,
    DfdgForbidden,
    DfdgNotFound,
    DfdgRejected,
    DfdgUnavailable,
)
from jobnet.clients.dfdg_client.status import Absence, PersonStatus, Registration
from jobnet.clients.dfdg_client.values import Actor, RecordedBy
from jobnet.dfdg import create_dfdg_app
from jobnet.dfdg.demo import load_demo_data
from tests.integration.dfdg.conftest import empty_dfdg_tables

TOKEN = "client-status-test-token"
TODAY = date(2026, 11, 23)
CITIZEN = Actor(type="citizen", name="Oliver Thomsen", channel="web")


def citizen_of(person_id: str) -> Actor:
    """The citizen acting on their own data: DFDG requires them to name themself."""
    return replace(CITIZEN, id=person_id)


CASEWORKER = Actor(
    type="caseworker",
    id="CVR:29190013-RID:41120005",
    name="Louise Frandsen",
    organisation="29190013",
    purpose="case_processing",
)
OLIVER = "3001932361"  # a demo person without a contact group
LARS = "0507921457"  # registered, open sickness


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture(scope="module")
def dfdg_service(database_url_factory: Callable[[str], str]) -> Iterator[Flask]:
    app = create_dfdg_app(
        {
            "TESTING": True,
            "DFDG_DATABASE_URL": database_url_factory("dfdg_client_status"),
            "DFDG_SYSTEM_TOKENS": f"jobnet-web={TOKEN}",
            "AUTO_MIGRATE": True,
            "DFDG_FIXED_TODAY": TODAY.isoformat(),
        }
    )
    yield app
    app.extensions["dfdg_store"].engine.dispose()


@pytest.fixture
def dfdg(dfdg_service: Flask) -> Iterator[DfdgClient]:
    store = dfdg_service.extensions["dfdg_store"]
    with store.session() as session:
        load_demo_data(session, TODAY)
    with DfdgClient.in_process(dfdg_service, TOKEN, timeout=5.0) as client:
        yield client
    empty_dfdg_tables(store)  # TRUNCATE on PostgreSQL: the audit log refuses DELETE


def _person(dfdg: DfdgClient, cpr: str) -> str:
    person_id = dfdg.lookup_person(cpr, CITIZEN)
    assert person_id is not None
    return person_id


def _send(dfdg: DfdgClient, command: Command, key: str, actor: Actor | None = None) -> dict:
    """Send as `actor`, by default as the citizen the command's path names."""
    if actor is None:
        actor = citizen_of(command.path.split("/")[2])
    return dfdg.send_command(
        command.method, command.path, command.body, actor=actor, idempotency_key=key
    )


# --- builders ---------------------------------------------------------------------------------


def test_builders_make_json_ready_commands() -> None:
    register = register_command(
        "p/1",
        category="cash_benefit",
        start_date=date(2026, 12, 1),
        degree="part_time",
        weekly_hours=20,
        job_titles=("Kok",),
        reference="JN-AAAA-BBBB",
    )
    assert register == Command(
        "registration",
        "POST",
        "/persons/p%2F1/registrations",
        {
            "category": "cash_benefit",
            "start_date": "2026-12-01",
            "degree": "part_time",
            "job_titles": ["Kok"],
            "weekly_hours": 20,
            "reference": "JN-AAAA-BBBB",
        },
    )
    deregister = deregister_command(
        "p", when=date(2026, 12, 2), reason="other", other_reason="Barsel", reference=None
    )
    assert (deregister.kind, deregister.path) == ("deregistration", "/persons/p/deregistrations")
    assert deregister.body == {"date": "2026-12-02", "reason": "other", "other_reason": "Barsel"}
    assert sickness_command("p", date(2026, 11, 20), "R").body == {
        "reason": "sickness",
        "first_day": "2026-11-20",
        "reference": "R",
    }
    assert recovery_command("p", date(2026, 11, 22), None) == Command(
        "recovery", "POST", "/persons/p/recoveries", {"fit_day": "2026-11-22"}
    )
    holiday = holiday_command("p", date(2026, 12, 1), date(2026, 12, 5), "R")
    assert (holiday.kind, holiday.body["last_day"]) == ("holiday", "2026-12-05")
    cancel = cancel_holiday_command("p", "a-1", "R")
    assert cancel == Command(
        "holiday_cancellation", "POST", "/persons/p/absences/a-1/cancellation", {"reference": "R"}
    )


# --- a whole journey through send_command ------------------------------------------------------


def test_journey_through_send_command_and_reads(dfdg: DfdgClient) -> None:
    person_id = _person(dfdg, OLIVER)
    register = register_command(
        person_id,
        category="unemployment_benefit",
        start_date=day(-20),
        degree="full_time",
        weekly_hours=None,
        job_titles=["Maler"],
        reference="JN-REG1-0001",
    )
    with pytest.raises(DfdgRejected) as past:
        _send(dfdg, register, "reg-past")
    assert (past.value.status, past.value.code) == (422, "start_in_the_past")
    assert past.value.title
    assert [(e.field, e.code) for e in past.value.errors] == [("start_date", "start_in_the_past")]
    assert past.value.errors[0].message

    register = register_command(
        person_id,
        category="unemployment_benefit",
        start_date=TODAY,
        degree="full_time",
        weekly_hours=None,
        job_titles=["Maler"],
        reference="JN-REG1-0001",
    )
    answer = _send(dfdg, register, "reg-1")
    assert _send(dfdg, register, "reg-1") == answer  # a retry gets the first answer
    assert answer["source_reference"] == "JN-REG1-0001"

    sick = _send(dfdg, sickness_command(person_id, TODAY, "JN-SICK-0001"), "sick-1")
    _send(dfdg, recovery_command(person_id, day(0), "JN-FIT0-0001"), "fit-1")
    holiday = _send(dfdg, holiday_command(person_id, day(7), day(9), "JN-HOLI-0001"), "hol-1")
    later = _send(dfdg, holiday_command(person_id, day(20), day(21), None), "hol-2", CASEWORKER)
    cancelled = _send(dfdg, cancel_holiday_command(person_id, holiday["id"], "JN-CANC-0001"), "c")
    assert cancelled["status"] == "cancelled"

    status = dfdg.status(person_id, citizen_of(person_id), with_counts=True)
    assert isinstance(status, PersonStatus)
    assert status.full_name == "Oliver Thomsen"
    assert status.today == TODAY
    assert status.contact_group is not None and status.contact_group.contact_group == 1
    assert isinstance(status.registration, Registration)
    assert status.registration.start_date == TODAY
    assert status.registration.job_titles == ("Maler",)
    assert status.sickness is None
    assert [h.id for h in status.holidays] == [later["id"]]
    assert status.holidays[0].created_by == RecordedBy(
        type="caseworker",
        name="Louise Frandsen",
        organisation="29190013",
        organisation_name="Jobcenter Odense",
    )
    assert status.counts is not None
    assert (status.counts.registrations, status.counts.absences) == (1, 3)
    assert dfdg.status(person_id, citizen_of(person_id)).counts is None  # what pages ask for

    absences = dfdg.absences(person_id, citizen_of(person_id))
    assert all(isinstance(item, Absence) for item in absences)
    by_id = {item.id: item for item in absences}
    assert by_id[holiday["id"]].is_cancelled
    assert by_id[sick["id"]].last_day == TODAY and by_id[sick["id"]].fit_day == TODAY
    assert by_id[sick["id"]].end_reference == "JN-FIT0-0001"
    assert not by_id[sick["id"]].is_open

    _send(
        dfdg,
        deregister_command(
            person_id, when=day(5), reason="education", other_reason=None, reference="JN-DERE-0001"
        ),
        "dereg",
    )
    registrations = dfdg.registrations(person_id, citizen_of(person_id))
    assert [r.end_date for r in registrations] == [day(5)]
    assert registrations[0].deregistered_by == RecordedBy(type="citizen", name="Oliver Thomsen")
    assert registrations[0].deregistered_at is not None


def test_status_of_a_demo_person_with_an_open_sickness(dfdg: DfdgClient) -> None:
    lars = _person(dfdg, LARS)
    status = dfdg.status(lars, citizen_of(lars))
    assert status.sickness is not None and status.sickness.is_open
    assert status.sickness.first_day == day(-3)
    assert status.is_registered


# --- typed errors -----------------------------------------------------------------------------


def test_rule_errors_are_typed(dfdg: DfdgClient) -> None:
    lars = _person(dfdg, LARS)
    with pytest.raises(DfdgRejected) as already:
        _send(dfdg, sickness_command(lars, TODAY, None), "sick-again")
    assert already.value.code == "already_sick"
    assert already.value.problem_type == "rule-violation"
    with pytest.raises(DfdgForbidden) as forbidden:
        dfdg.send_command(
            "POST",
            f"/persons/{lars}/absences",
            {"reason": "civic_duty", "first_day": TODAY.isoformat()},
            actor=citizen_of(lars),
            idempotency_key="civic",
        )
    assert (forbidden.value.status, forbidden.value.code) == (403, "caseworker_only")
    with pytest.raises(DfdgNotFound) as missing:
        _send(dfdg, cancel_holiday_command(lars, "no-such-absence", None), "cancel-x")
    assert (missing.value.status, missing.value.code) == (404, "not-found")
    with pytest.raises(DfdgNotFound):
        dfdg.status("nobody", citizen_of("nobody"))
    with pytest.raises(DfdgRejected) as invalid:
        dfdg.send_command(
            "POST",
            f"/persons/{lars}/recoveries",
            {"fit_day": "soon"},
            actor=citizen_of(lars),
            idempotency_key="bad",
        )
    assert invalid.value.code == "validation-error"
    assert invalid.value.errors[0].field == "fit_day"


def _mock(handler: Callable[[httpx.Request], httpx.Response]) -> DfdgClient:
    return DfdgClient("http://dfdg.test", TOKEN, 1.0, transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    ("response", "error_class", "code"),
    [
        (
            httpx.Response(
                503, json={"type": "urn:x:service-unavailable", "title": "Down", "status": 503}
            ),
            DfdgUnavailable,
            "service-unavailable",
        ),
        (httpx.Response(500, text="oops"), DfdgUnavailable, "DfdgUnavailable"),
        (
            httpx.Response(
                409,
                json={
                    "type": "urn:x:idempotency-request-in-progress",
                    "title": "Busy",
                    "status": 409,
                },
            ),
            DfdgConflict,
            "idempotency-request-in-progress",
        ),
        (
            httpx.Response(
                422,
                json={
                    "type": "urn:x:rule-violation",
                    "title": "Rule",
                    "status": 422,
                    "code": "overlaps",
                    "errors": [{"field": "first_day", "code": "overlaps", "message": "Overlaps"}],
                },
            ),
            DfdgRejected,
            "overlaps",
        ),
    ],
)
def test_send_command_maps_answers_to_typed_errors(
    response: httpx.Response, error_class: type, code: str
) -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return response

    with _mock(answer) as client, pytest.raises(error_class) as caught:
        client.send_command(
            "post", "/persons/p/absences", {"a": 1}, actor=CITIZEN, idempotency_key="key-1"
        )
    assert caught.value.status == response.status_code
    assert caught.value.code == code
    assert caught.value.title
    request = seen[0]
    assert (request.method, request.url.path) == ("POST", "/api/v1/persons/p/absences")
    assert request.headers["Idempotency-Key"] == "key-1"
    assert request.headers["X-Actor-Assertion"].count(".") == 2  # a signed JWT


def test_send_command_when_dfdg_cannot_be_reached() -> None:
    def fail(_request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("slow")

    with _mock(fail) as client, pytest.raises(DfdgUnavailable) as caught:
        client.send_command("POST", "/persons/p/recoveries", {}, actor=CITIZEN, idempotency_key="k")
    assert caught.value.code == "DfdgUnavailable"
    assert caught.value.status is None
    with _mock(fail) as client, pytest.raises(ValueError):
        client.send_command("POST", "persons/p", {}, actor=CITIZEN, idempotency_key="k")

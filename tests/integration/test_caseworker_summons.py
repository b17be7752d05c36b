"""Summons by the job centre: create, move and cancel through the outbox, seen at once by the
citizen and marked new until they read it; the start page's interviews today."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.demo_identities import DEMO_CASEWORKERS
from tests.helpers import login_citizen
from tests.integration.test_caseworker import (
    HANNE,
    METTE,
    audit,
    caseworker,  # noqa: F401 - the fixture
    open_citizen,
)
from tests.integration.test_journeys import (
    TODAY,
    answer,
    date_fields,
    errors,
    journey_app,  # noqa: F401 - the fixture
    submit,
)

BIRGITTE = DEMO_CASEWORKERS[2]  # Jobcenter Aarhus
DAY = TODAY + timedelta(days=3)


def summons_rows(app: Flask) -> list[Any]:
    from jobnet.dfdg.models.summons import Summons

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return list(session.scalars(select(Summons).order_by(Summons.created_at)))


def create_summons(client: FlaskClient, day: date = DAY, clock: str = "10:00", **extra: str) -> Any:
    client.get("/sagsbehandler/indkaldelse/ny/")
    answer(
        client,
        "/sagsbehandler/indkaldelse/ny/tidspunkt",
        {**date_fields("starts_on", day), "starts_time": clock, "duration_minutes": "45"},
    )
    answer(
        client,
        "/sagsbehandler/indkaldelse/ny/samtale",
        {
            "type": "job_interview",
            "form": "in_person",
            "place": "Jobcenter København, Nyropsgade 1",
        },
    )
    answer(
        client,
        "/sagsbehandler/indkaldelse/ny/brev",
        {
            "contact_options": "Ring 33 66 33 66",
            "bring": "Dit CV",
            **date_fields("letter_sent_date", TODAY),
            **extra,
        },
    )
    return submit(client, "sagsbehandler/indkaldelse/ny")


def citizen_client(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.get("/language/en")
    login_citizen(client, METTE)
    return client


def test_a_summons_is_written_to_dfdg_and_the_citizen_sees_it_as_new(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    before = len(summons_rows(journey_app))
    open_citizen(caseworker, METTE, "interview")
    response = create_summons(caseworker)
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert "Registered in the employment database" in receipt
    assert "Summons to an interview" in receipt
    rows = summons_rows(journey_app)
    assert len(rows) == before + 1
    summons = rows[-1]
    assert summons.starts_at.astimezone(UTC) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert (summons.form, summons.type, summons.duration_minutes) == (
        "in_person",
        "job_interview",
        45,
    )
    assert summons.place == "Jobcenter København, Nyropsgade 1"
    assert (summons.contact_options, summons.bring) == ("Ring 33 66 33 66", "Dit CV")
    assert summons.source_reference == response.location.split("/")[-1]
    assert summons.created_by_name == HANNE.full_name
    writes = [e for e in audit(journey_app) if e.action == "summons.create"]
    assert writes[-1].purpose == "interview" and writes[-1].organisation == "29190011"

    citizen = citizen_client(journey_app)
    min_side = citizen.get("/min-side/").get_data(as_text=True)
    assert f'href="/indkaldelser/{summons.id}"' in min_side
    assert "New" in min_side.split(f'href="/indkaldelser/{summons.id}"')[0].rsplit("<li>", 1)[1]
    listing = citizen.get("/indkaldelser/").get_data(as_text=True)
    card = listing.split(f'/indkaldelser/{summons.id}"')[1].split("</li>")[0]
    assert 'class="badge badge-info">New<' in card

    detail = citizen.get(f"/indkaldelser/{summons.id}").get_data(as_text=True)
    assert "Nyropsgade 1" in detail
    assert summons_rows(journey_app)[-1].seen_sequence == 0
    assert (
        f'href="/indkaldelser/{summons.id}"'
        not in citizen.get("/min-side/").get_data(as_text=True).split("See your interviews")[0]
    )
    listing = citizen.get("/indkaldelser/").get_data(as_text=True)
    assert "badge" not in listing.split(f'/indkaldelser/{summons.id}"')[1].split("</li>")[0]


def test_a_caseworkers_read_does_not_mark_it_seen(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    create_summons(caseworker)
    summons = summons_rows(journey_app)[-1]
    assert caseworker.get(f"/indkaldelser/{summons.id}").status_code == 200
    assert summons_rows(journey_app)[-1].seen_sequence is None
    overview = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    assert "Not seen by the citizen yet" in overview


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_time": ""}, "Enter the time of the interview"),
        ({"starts_time": "25:00"}, "Enter the time as hours and minutes"),
        ({**date_fields("starts_on", TODAY - timedelta(days=1))}, "later than now"),
        ({"starts_time": "00:00", **date_fields("starts_on", TODAY)}, "later than now"),
        ({**date_fields("starts_on", TODAY + timedelta(days=400))}, "at most one year ahead"),
        ({**date_fields("starts_on", date(2027, 3, 28)), "starts_time": "02:30"}, "does not exist"),
        ({"duration_minutes": "600"}, "The duration must be 5 to 480 minutes"),
    ],
)
def test_time_messages(
    caseworker: FlaskClient,  # noqa: F811
    fields: dict[str, str],
    message: str,
) -> None:
    open_citizen(caseworker, METTE)
    caseworker.get("/sagsbehandler/indkaldelse/ny/")
    data = {**date_fields("starts_on", DAY), "starts_time": "10:00", "duration_minutes": "60"}
    page = answer(caseworker, "/sagsbehandler/indkaldelse/ny/tidspunkt", {**data, **fields})
    assert any(message in e for e in errors(page)), errors(page)


def test_place_join_details_and_letter_date_messages(caseworker: FlaskClient) -> None:  # noqa: F811
    open_citizen(caseworker, METTE)
    caseworker.get("/sagsbehandler/indkaldelse/ny/")
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/samtale",
        {"type": "cv_interview", "form": "in_person"},
    )
    assert "Enter the place of an interview in person." in errors(page)
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/samtale",
        {"type": "cv_interview", "form": "video"},
    )
    assert "Enter how the citizen joins a video or digital interview." in errors(page)
    page = answer(caseworker, "/sagsbehandler/indkaldelse/ny/samtale", {"form": "phone"})
    assert "Choose the type of interview" in errors(page)
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/ny/brev",
        date_fields("letter_sent_date", TODAY + timedelta(days=1)),
    )
    assert "The date the letter is sent cannot be in the future." in errors(page)


def _summons_id(app: Flask) -> str:
    return str(summons_rows(app)[-1].id)


def test_move_then_cancel_keeps_the_history_and_is_new_again(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE, "interview")
    create_summons(caseworker)
    summons_id = _summons_id(journey_app)
    citizen = citizen_client(journey_app)
    citizen.get(f"/indkaldelser/{summons_id}")  # seen

    overview = caseworker.get("/sagsbehandler/borger").get_data(as_text=True)
    move_link = f"/sagsbehandler/indkaldelse/flyt/?summons={summons_id}"
    assert move_link in overview
    assert caseworker.get(move_link).location == "/sagsbehandler/indkaldelse/flyt/ny-tid"
    same = {
        **date_fields("starts_on", DAY),
        "starts_time": "10:00",
        "reason": "Sygdom",
        **date_fields("letter_sent_date", TODAY),
    }
    page = answer(caseworker, "/sagsbehandler/indkaldelse/flyt/ny-tid", same)
    assert "The summons already has this time." in errors(page)
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/flyt/ny-tid",
        {**same, "reason": "", "starts_time": "13:15"},
    )
    assert "Enter why it is moved" in errors(page)
    answer(caseworker, "/sagsbehandler/indkaldelse/flyt/ny-tid", {**same, "starts_time": "13:15"})
    response = submit(caseworker, "sagsbehandler/indkaldelse/flyt")
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert "Interview moved" in receipt and "Registered in the employment database" in receipt
    moved = summons_rows(journey_app)[-1]
    assert (moved.status, moved.sequence, moved.seen_sequence) == ("moved", 1, 0)
    assert moved.starts_at.astimezone(UTC) == datetime(2026, 11, 25, 12, 15, tzinfo=UTC)
    assert "Moved:" in citizen.get("/min-side/").get_data(as_text=True)
    writes = [e for e in audit(journey_app) if e.action == "summons.move"]
    assert writes[-1].purpose == "interview"

    caseworker.get(f"/sagsbehandler/indkaldelse/aflys/?summons={summons_id}")
    page = answer(
        caseworker,
        "/sagsbehandler/indkaldelse/aflys/aarsag",
        date_fields("letter_sent_date", TODAY),
    )
    assert "Enter why it is cancelled" in errors(page)
    answer(
        caseworker,
        "/sagsbehandler/indkaldelse/aflys/aarsag",
        {"reason": "Borgeren er i job", **date_fields("letter_sent_date", TODAY)},
    )
    response = submit(caseworker, "sagsbehandler/indkaldelse/aflys")
    assert "Interview cancelled" in caseworker.get(response.location).get_data(as_text=True)
    cancelled = summons_rows(journey_app)[-1]
    assert (cancelled.status, cancelled.sequence) == ("cancelled", 2)
    detail = citizen.get(f"/indkaldelser/{summons_id}").get_data(as_text=True)
    assert "The interview is cancelled" in detail and "Borgeren er i job" in detail
    assert summons_rows(journey_app)[-1].seen_sequence == 2
    assert [e.action for e in audit(journey_app) if e.action == "summons.cancel"]
    # a cancelled summons cannot be moved
    caseworker.get(f"/sagsbehandler/indkaldelse/flyt/?summons={summons_id}")
    page = caseworker.get("/sagsbehandler/indkaldelse/flyt/ny-tid").get_data(as_text=True)
    assert "The summons is cancelled." in page


def test_moving_an_unknown_summons_is_not_found(caseworker: FlaskClient) -> None:  # noqa: F811
    open_citizen(caseworker, METTE)
    assert caseworker.get("/sagsbehandler/indkaldelse/flyt/?summons=nope").status_code == 404


def test_interviews_today_on_the_start_page_are_audited_per_person(
    caseworker: FlaskClient,  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    page = caseworker.get("/sagsbehandler/").get_data(as_text=True)
    assert "Interviews today" in page
    open_citizen(caseworker, METTE, "interview")
    create_summons(caseworker, day=TODAY, clock="23:30")
    page = caseworker.get("/sagsbehandler/").get_data(as_text=True)
    table = page.split("Interviews today")[1].split("</table>")[0]
    assert "Mette Nielsen" in table and "23:30" in table and "Job interview" in table
    assert "<caption>" in table and 'scope="col"' in table
    listed = [e for e in audit(journey_app) if e.action == "summons.day_list"]
    mette = summons_rows(journey_app)[-1].person_id
    assert any(e.person_id == mette and e.actor_name == HANNE.full_name for e in listed)


def test_interviews_today_empty_state(journey_app: Flask) -> None:  # noqa: F811
    from tests.helpers import login_caseworker

    client = journey_app.test_client()
    client.get("/language/en")
    login_caseworker(client, DEMO_CASEWORKERS[5].professional_id)  # Aalborg
    page = client.get("/sagsbehandler/").get_data(as_text=True)
    assert "There are no interviews today." in page


def test_another_job_centre_cannot_summon_the_citizen(
    journey_app: Flask,  # noqa: F811
) -> None:
    from jobnet.clients.dfdg_client.errors import DfdgForbidden
    from jobnet.clients.dfdg_client.summons import SummonsInput, create_summons_command
    from jobnet.clients.dfdg_client.values import Actor

    client = journey_app.extensions["dfdg_client"]
    mette = next(p for p in _persons(journey_app) if p.cpr == METTE)
    actor = Actor(
        type="caseworker",
        id=BIRGITTE.professional_id,
        name=BIRGITTE.full_name,
        organisation=BIRGITTE.organisation_cvr,
        purpose="interview",
    )
    command = create_summons_command(
        mette.id,
        SummonsInput(
            starts_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
            form="phone",
            type="job_interview",
            letter_sent_date=TODAY,
        ),
    )
    before = len(summons_rows(journey_app))
    with pytest.raises(DfdgForbidden):
        client.send_command(
            command.method, command.path, command.body, actor=actor, idempotency_key="k-aarhus-1"
        )
    assert len(summons_rows(journey_app)) == before
    denied = [e for e in audit(journey_app) if e.outcome == "denied"]
    assert denied and denied[-1].organisation == BIRGITTE.organisation_cvr
    assert denied[-1].person_id == mette.id


def _persons(app: Flask) -> list[Any]:
    from jobnet.dfdg.models.persons import Person

    store = app.extensions["dfdg_app"].extensions["dfdg_store"]
    with store.session() as session:
        return list(session.scalars(select(Person)))


def test_a_citizen_cannot_reach_the_summons_pages(journey_app: Flask) -> None:  # noqa: F811
    citizen = citizen_client(journey_app)
    for path in (
        "/sagsbehandler/indkaldelse/ny/",
        "/sagsbehandler/indkaldelse/ny/tidspunkt",
        "/sagsbehandler/indkaldelse/ny/tjek",
        "/sagsbehandler/indkaldelse/flyt/?summons=x",
        "/sagsbehandler/indkaldelse/flyt/ny-tid",
        "/sagsbehandler/indkaldelse/aflys/aarsag",
    ):
        assert citizen.get(path).status_code == 403, path
    assert citizen.post("/sagsbehandler/indkaldelse/ny/send").status_code in (400, 403)


def test_the_receipt_reads_well_in_danish(
    caseworker: FlaskClient,  # noqa: F811
) -> None:
    open_citizen(caseworker, METTE)
    response = create_summons(caseworker)
    caseworker.get("/language/da")
    receipt = caseworker.get(response.location).get_data(as_text=True)
    assert re.search(r"25\. november 2026", receipt)

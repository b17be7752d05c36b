"""Min side: coming holidays still on their way to DFDG, who registered what, and My reports
with the time DFDG registered each one and a page of them all."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient

from jobnet.clients.dfdg_client.commands import sickness_command
from jobnet.clients.dfdg_client.values import Actor
from jobnet.web.journeys import outbox, outbox_reads
from tests.helpers import csrf_token
from tests.integration.outbox_helpers import (
    FaultyTransport,
    make_due,
    mette_client,
    outbox_commands,
    run_worker_round,
)
from tests.integration.test_journeys import (  # noqa: F401 - fixtures
    METTE,
    TODAY,
    citizen,
    journey_app,
    register_by_jobcentre,
    report_holiday,
    submit,
)


def _section(page: str, heading: str) -> str:
    """The card under the h3 `heading` on Min side."""
    return page.split(f'<h3 class="h4">{heading}</h3>')[1].split('<h3 class="h4">')[0]


def _rows(page: str) -> list[str]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [re.sub(r"\s+", " ", row) for row in body.split("<tr>")[1:]]


def test_a_holiday_in_the_outbox_shows_as_received_not_yet_registered(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    report_holiday(client, TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    check = client.get("/ferie/tjek")
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', check.get_data(as_text=True))
    assert key
    transport.mode = "down"
    sent = client.post("/ferie/send", data={"csrf_token": csrf_token(check), "key": key.group(1)})
    reference = sent.location.split("/")[-1]
    transport.mode = "ok"
    [command] = outbox_commands(app)
    assert command.status == outbox.RECEIVED
    holiday = _section(client.get("/min-side/").get_data(as_text=True), "Holiday")
    assert "25 November 2026 to 27 November 2026" in holiday
    assert "Received, not yet registered" in holiday
    assert "You can cancel it once it is registered" in holiday
    assert f'href="/kvittering/{reference}"' in holiday
    assert holiday.count("/aflys") == 1  # only the demo holiday DFDG holds can be cancelled
    # Delivered: the same holiday is now DFDG's, cancellable, and shown once.
    make_due(app)
    run_worker_round(app)
    holiday = _section(client.get("/min-side/").get_data(as_text=True), "Holiday")
    assert holiday.count("25 November 2026 to 27 November 2026") == 1
    assert "Received, not yet registered" not in holiday
    assert holiday.count("/aflys") == 2


def test_what_a_caseworker_registered_says_who_did(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    report_holiday(client, TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    submit(client, "ferie")
    holiday = _section(client.get("/min-side/").get_data(as_text=True), "Holiday")
    items = [item for item in holiday.split("<li>")[1:] if " to " in item]
    [own] = [item for item in items if "25 November 2026" in item]
    [demo] = [item for item in items if "25 November 2026" not in item]
    assert "Registered by Hanne Mikkelsen, Jobcenter København" in demo
    assert "Registered by" not in own  # the person's own report needs no name
    jobseeker = _section(client.get("/min-side/").get_data(as_text=True), "Jobseeker")
    assert "Registered by" not in jobseeker  # Mette registered herself in the demo
    register_by_jobcentre(journey_app, METTE, "sickness", TODAY - timedelta(days=1), None)
    sickness = _section(client.get("/min-side/").get_data(as_text=True), "Sickness")
    assert "You are reported sick from 21 November 2026" in sickness
    assert "Registered by Hanne Møller, Jobcenter København" in sickness


def test_my_reports_show_when_dfdg_registered_each(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    report_holiday(client, TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    reference = submit(client, "ferie").location.split("/")[-1]
    [command] = [c for c in outbox_commands(journey_app) if c.reference == reference]
    assert command.registered_at is not None
    from jobnet.web.platform.i18n import format_local_datetime

    with journey_app.test_request_context(headers={"Accept-Language": "en"}):
        when = format_local_datetime(command.registered_at, "short")
    page = client.get("/min-side/").get_data(as_text=True)
    [row] = [row for row in _rows(page) if reference in row]
    assert "Registered" in row and f"in DFDG {when}" in row
    assert 'href="/min-side/indberetninger"' in page


def _reference(row: str) -> str:
    found = re.search(r">(JN-[A-Z0-9-]+)</a>", row)
    assert found, row
    return found.group(1)


def _many_reports(app: Flask, person_id: str, count: int) -> list[str]:
    """`count` sickness receipts straight in the web store, oldest first (their references)."""
    references = []
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    for number in range(count):
        reference = outbox.new_reference()
        command = sickness_command(person_id, date(2026, 1, 1), reference)
        recorded = outbox.record(
            app.extensions["web_store"],
            person_id=person_id,
            kind=command.kind,
            method=command.method,
            path=command.path,
            body=command.body,
            summary={"first_day": "2026-01-01"},
            actor=Actor(type="citizen"),
            idempotency_key=f"many-{number}",
            reference=reference,
        )
        references.append(recorded.reference)
    with app.extensions["web_store"].session() as db:
        from sqlalchemy import update

        from jobnet.web.store.models import OutboxCommand

        for number, reference in enumerate(references):
            db.execute(
                update(OutboxCommand)
                .where(OutboxCommand.reference == reference)
                .values(created_at=start + timedelta(hours=number), status=outbox.REGISTERED)
            )
    return references


def test_min_side_shows_the_newest_ten_and_all_reports_are_paged(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
    journey_app: Flask,  # noqa: F811
) -> None:
    client = citizen(METTE)
    # No reports yet: Min side says so and links to no list of all of them.
    assert 'href="/min-side/indberetninger"' not in client.get("/min-side/").get_data(as_text=True)
    empty = client.get("/min-side/indberetninger")
    assert empty.status_code == 200
    assert "You have not sent any reports through Jobnet yet." in empty.get_data(as_text=True)
    report_holiday(client, TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    newest = submit(client, "ferie").location.split("/")[-1]
    [command] = outbox_commands(journey_app)
    older = _many_reports(journey_app, command.person_id, 30)  # all sent before the holiday
    page = client.get("/min-side/").get_data(as_text=True)
    shown = [_reference(row) for row in _rows(page)]
    assert shown == [newest, *reversed(older[-9:])]
    first_page = client.get("/min-side/indberetninger").get_data(as_text=True)
    assert "You have sent 31 reports through Jobnet." in first_page
    assert "Page 1 of 2" in first_page
    assert 'href="/min-side/indberetninger?side=2"' in first_page
    assert "Previous page" not in first_page
    second_page = client.get("/min-side/indberetninger?side=2").get_data(as_text=True)
    assert "Page 2 of 2" in second_page and "Next page" not in second_page
    listed = [_reference(row) for html in (first_page, second_page) for row in _rows(html)]
    assert listed == [newest, *reversed(older)]
    assert len(_rows(first_page)) == 25
    assert client.get("/min-side/indberetninger?side=3").status_code == 404
    assert client.get("/min-side/indberetninger?side=0").status_code == 404


def test_a_report_still_on_its_way_counts_even_when_ten_newer_ones_hide_it(
    journey_app: Flask,  # noqa: F811
) -> None:
    store = journey_app.extensions["web_store"]
    references = _many_reports(journey_app, "person-with-many", 12)
    with store.session() as db:
        from sqlalchemy import update

        from jobnet.web.store.models import OutboxCommand

        db.execute(
            update(OutboxCommand)
            .where(OutboxCommand.reference == references[0])
            .values(status=outbox.RECEIVED)
        )

    overview = outbox_reads.overview_for_person(
        store, "person-with-many", latest=10, pending_kinds={"sickness"}
    )
    assert [c.reference for c in overview.latest] == list(reversed(references[2:]))
    assert [c.reference for c in overview.pending] == [references[0]]
    assert (
        outbox_reads.overview_for_person(
            store, "person-with-many", latest=10, pending_kinds={"holiday"}
        ).pending
        == []
    )


def test_a_cancellation_on_its_way_frees_the_holidays_dates(
    faulty: tuple[Flask, FaultyTransport],
) -> None:
    app, transport = faulty
    client = mette_client(app)
    page = client.get("/min-side/").get_data(as_text=True)
    [cancel_path] = re.findall(r'href="(/ferie/[^"]+/aflys)"', _section(page, "Holiday"))
    confirm = client.get(cancel_path)
    key = re.search(r'name="key" type="hidden" value="([^"]+)"', confirm.get_data(as_text=True))
    assert key
    transport.mode = "writes_down"  # the holiday is read, the cancellation is not delivered
    sent = client.post(cancel_path, data={"csrf_token": csrf_token(confirm), "key": key.group(1)})
    assert sent.status_code == 302
    transport.mode = "ok"
    [command] = outbox_commands(app)
    assert command.status == outbox.RECEIVED

    holiday = _section(client.get("/min-side/").get_data(as_text=True), "Holiday")
    assert "Cancellation received, not yet registered" in holiday
    assert "/aflys" not in holiday
    # The cancel page reached again (the back button): the cancellation's own receipt.
    again = client.get(cancel_path)
    assert again.status_code == 302
    assert again.location == f"/kvittering/{command.reference}"
    demo = re.search(r"(\d+ \w+ \d{4}) to (\d+ \w+ \d{4})", holiday)
    assert demo
    first, last = (datetime.strptime(d, "%d %B %Y").date() for d in demo.groups())
    # The same dates again: no overlap with the holiday being cancelled.
    page = report_holiday(client, first, last)
    assert page.status_code == 302, page.get_data(as_text=True)


def test_all_reports_is_for_the_person_only(
    citizen: Callable[[str], FlaskClient],  # noqa: F811
) -> None:
    mette = citizen(METTE)
    report_holiday(mette, TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    reference = submit(mette, "ferie").location.split("/")[-1]
    assert reference in mette.get("/min-side/indberetninger").get_data(as_text=True)
    other = citizen("0601983694").get("/min-side/indberetninger").get_data(as_text=True)
    assert reference not in other
    assert "You have not sent any reports through Jobnet yet." in other


def test_all_reports_needs_login(journey_app: Flask) -> None:  # noqa: F811
    response = journey_app.test_client().get("/min-side/indberetninger")
    assert response.status_code == 302
    assert response.location.startswith("/auth/")

"""Events for the unemployment insurance funds (issue 24, chapter 11 of the order).

A job centre's no-show for a member of fund A reaches fund A's own system through its feed,
once and in order with the member's other events; fund B's system and fund B's employees never
see it (refused and audited); the member sees it with who received it. §§ 61-62 deadlines are
refused on the day after the limit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.audit import AuditEntry
from tests.dfdg_assertions import raw_client
from tests.integration.dfdg.fund_event_helpers import (
    FUND_A,
    FUND_B,
    SYSTEM_A,
    TOKEN_A,
    TOKEN_B,
    follow,
    fund_headers,
    fund_systems_registered,
    join,
    member,
)
from tests.integration.dfdg.jobseeker_helpers import (
    TODAY,
    audit_actions,
    days,
    get,
    new_person,
    post,
    rule_code,
    today_is,
)
from tests.integration.dfdg.test_summons_api import summons_body


@pytest.fixture
def fund_systems(dfdg_app: Flask) -> Iterator[Flask]:
    with fund_systems_registered(dfdg_app) as app:
        yield app


def _fund_staff(caseworker: dict[str, str], cvr: str) -> dict[str, str]:
    return {
        **caseworker,
        "X-Actor-Id": f"CVR:{cvr}-RID:41120007",
        "X-Actor-Name": "Maja%20Lund",
        "X-Actor-Organisation": cvr,
    }


def _event(client: FlaskClient, person_id: str, headers: dict[str, str], **body: Any) -> Any:
    return post(client, f"/persons/{person_id}/fund-events", body, headers)


def _summons_for_tomorrow(
    app: Flask, client: FlaskClient, person_id: str, headers: dict[str, str]
) -> str:
    """A summons, sent TODAY, to an interview tomorrow at 10:00; its id."""
    starts = f"{days(1).isoformat()}T10:00:00+01:00"
    body = summons_body(starts_at=starts, letter_sent_date=TODAY.isoformat())
    with today_is(app, TODAY):
        made = post(client, f"/persons/{person_id}/summons", body, headers)
    assert made.status_code == 201, made.get_data(as_text=True)
    return str(made.get_json()["id"])


def _no_show(
    app: Flask, client: FlaskClient, store: Store, person_id: str, headers: dict[str, str]
) -> Any:
    """A summons for tomorrow 10:00, then, tomorrow, marked not attended."""
    summons_id = _summons_for_tomorrow(app, client, person_id, headers)
    with today_is(app, days(1)):
        return post(client, f"/persons/{person_id}/summons/{summons_id}/no-show", {}, headers)


def test_a_no_show_reaches_fund_a_once_in_order_and_never_fund_b(
    fund_systems: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    citizen: dict[str, str],
    tmp_path: Path,
) -> None:
    person = member(dfdg_store, "0303901234", FUND_A)
    with today_is(fund_systems, TODAY):
        first = _event(
            dfdg_client, person, caseworker, type="job_refused", event_date=TODAY.isoformat()
        )
        assert first.status_code == 201, first.get_data(as_text=True)
    no_show = _no_show(fund_systems, dfdg_client, dfdg_store, person, caseworker)
    assert no_show.status_code == 201, no_show.get_data(as_text=True)
    assert no_show.get_json()["fund_event"]["source"] == "automatic"
    assert no_show.get_json()["fund_event"]["fund"]["cvr"] == FUND_A
    assert (
        no_show.get_json()["not_attended"]["by"]["organisation"]
        == (caseworker["X-Actor-Organisation"])
    )

    # Fund A's own system follows its feed: both events, the member's in the order recorded.
    result, events = follow(fund_systems, FUND_A, TOKEN_A, tmp_path / "a.cursor")
    assert result.exit_code == 0, result.output
    assert [e["type"] for e in events] == ["job_refused", "no_show"]
    assert all(e["person_id"] == person for e in events)
    # Run again: nothing twice.
    again, repeated = follow(fund_systems, FUND_A, TOKEN_A, tmp_path / "a.cursor")
    assert again.exit_code == 0 and repeated == []
    assert (tmp_path / "a.cursor").read_text().strip() == "2"

    # Fund B's system: its own feed has nothing of it, and fund A's feed is refused (audited).
    result_b, events_b = follow(fund_systems, FUND_B, TOKEN_B, tmp_path / "b.cursor")
    assert result_b.exit_code == 0 and events_b == []
    refused, _ = follow(fund_systems, FUND_A, TOKEN_B, tmp_path / "b-on-a.cursor")
    assert refused.exit_code != 0 and "403" in refused.output
    with dfdg_store.session() as session:
        denied = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "fund_events.feed", AuditEntry.outcome == "denied"
            )
        ).all()
    assert [entry.system for entry in denied] == ["fund-b-system"]

    # Fund B's employees: the member is not theirs, so unknown to them (404, audited as denied).
    with today_is(fund_systems, days(1)):
        staff_b = get(
            dfdg_client, f"/persons/{person}/fund-events", _fund_staff(caseworker, FUND_B)
        )
    assert staff_b.status_code == 404
    assert ("person.access", "denied") in audit_actions(dfdg_store, person)

    # The member sees both, sent to fund A and delivered through the feed, newest first.
    with today_is(fund_systems, days(1)):
        own = get(dfdg_client, f"/persons/{person}/fund-events", citizen)
    assert own.status_code == 200
    seen = own.get_json()["events"]
    assert [e["type"] for e in seen] == ["no_show", "job_refused"]
    assert {e["fund"]["cvr"] for e in seen} == {FUND_A}
    assert all(e["delivered_at"] and e["delivered_via"] == "feed" for e in seen)
    # The member's access log names fund A's system as the reader.
    with dfdg_store.session() as session:
        systems = set(
            session.scalars(
                select(AuditEntry.system).where(
                    AuditEntry.person_id == person, AuditEntry.action == "fund_event.delivered"
                )
            )
        )
    assert systems == {SYSTEM_A}


def test_a_change_of_fund_moves_the_events_recorded_after_it(
    fund_systems: Flask,
    dfdg_client: FlaskClient,
    dfdg_store: Store,
    caseworker: dict[str, str],
    tmp_path: Path,
) -> None:
    person = member(dfdg_store, "0303901234", FUND_A)
    with today_is(fund_systems, TODAY):
        assert (
            _event(
                dfdg_client,
                person,
                caseworker,
                type="availability_doubt",
                event_date=TODAY.isoformat(),
            ).status_code
            == 201
        )
    join(dfdg_store, person, FUND_B, days(1))
    with today_is(fund_systems, days(1)):
        moved = _event(
            dfdg_client, person, caseworker, type="offer_refused", event_date=days(1).isoformat()
        )
        assert moved.status_code == 201 and moved.get_json()["fund"]["cvr"] == FUND_B
    _, events_a = follow(fund_systems, FUND_A, TOKEN_A, tmp_path / "a.cursor")
    _, events_b = follow(fund_systems, FUND_B, TOKEN_B, tmp_path / "b.cursor")
    assert [e["type"] for e in events_a] == ["availability_doubt"]
    assert [e["type"] for e in events_b] == ["offer_refused"]


def test_section_61_deadline_the_day_after_is_the_last(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    with today_is(fund_systems, TODAY):
        late = _event(
            dfdg_client, person, caseworker, type="job_refused", event_date=days(-2).isoformat()
        )
        code, fields = rule_code(late)
        assert code == "reported_too_late" and fields == {"event_date": "reported_too_late"}
        assert late.get_json()["errors"][0]["rules"] == "fund_event"
        in_time = _event(
            dfdg_client, person, caseworker, type="job_refused", event_date=days(-1).isoformat()
        )
        assert in_time.status_code == 201
    assert ("fund_event.create", "rejected") in audit_actions(dfdg_store, person)


def test_a_no_show_is_refused_two_days_after_the_interview(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    made = _summons_for_tomorrow(fund_systems, dfdg_client, person, caseworker)
    path = f"/persons/{person}/summons/{made}/no-show"
    with today_is(fund_systems, TODAY):
        assert rule_code(post(dfdg_client, path, {}, caseworker))[0] == "interview_not_held_yet"
    with today_is(fund_systems, days(3)):
        assert rule_code(post(dfdg_client, path, {}, caseworker))[0] == "reported_too_late"
    with today_is(fund_systems, days(2)):
        assert post(dfdg_client, path, {}, caseworker).status_code == 201
        assert rule_code(post(dfdg_client, path, {}, caseworker))[0] == "not_attended_twice"


def test_any_citizens_summons_is_marked_not_attended_and_only_a_members_reaches_a_fund(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    """Not attended is the summons' own record, for everyone; the no_show event arises from it
    only for a fund member in contact group 1 (§ 60)."""
    outsider = new_person(dfdg_store, "0404901234", group=2)
    marked = _no_show(fund_systems, dfdg_client, dfdg_store, outsider, caseworker)
    assert marked.status_code == 201, marked.get_data(as_text=True)
    body = marked.get_json()
    assert body["fund_event"] is None
    with today_is(fund_systems, days(1)):
        summons = get(
            dfdg_client, f"/persons/{outsider}/summons/{body['summons_id']}", caseworker
        ).get_json()
        events = get(dfdg_client, f"/persons/{outsider}/fund-events", caseworker).get_json()
    assert summons["not_attended"]["at"] == body["not_attended"]["at"]
    assert summons["not_attended"]["by"]["type"] == "caseworker"
    assert events["events"] == []
    assert ("fund_event.no_show", "ok") in audit_actions(dfdg_store, outsider)


def test_a_cancelled_summons_is_not_marked_and_a_comment_goes_to_the_fund(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    made = [_summons_for_tomorrow(fund_systems, dfdg_client, person, caseworker) for _ in range(2)]
    with today_is(fund_systems, TODAY):
        cancel = {"letter_sent_date": TODAY.isoformat(), "reason": "Sygdom"}
        post(dfdg_client, f"/persons/{person}/summons/{made[0]}/cancellation", cancel, caseworker)
    with today_is(fund_systems, days(1)):
        cancelled = post(
            dfdg_client, f"/persons/{person}/summons/{made[0]}/no-show", {}, caseworker
        )
        assert rule_code(cancelled)[0] == "summons_cancelled"
        commented = post(
            dfdg_client,
            f"/persons/{person}/summons/{made[1]}/no-show",
            {"comment": "  Ringede ikke  "},
            caseworker,
        )
    assert commented.status_code == 201, commented.get_data(as_text=True)
    assert commented.get_json()["fund_event"]["comment"] == "Ringede ikke"


def test_a_summons_is_not_marked_not_attended_on_a_day_with_a_held_interview(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    made = _summons_for_tomorrow(fund_systems, dfdg_client, person, caseworker)
    with today_is(fund_systems, days(1)):
        held = {"held_on": days(1).isoformat(), "form": "in_person", "agreement": "Ny plan"}
        assert (
            post(dfdg_client, f"/persons/{person}/interviews", held, caseworker).status_code == 201
        )
        answer = post(dfdg_client, f"/persons/{person}/summons/{made}/no-show", {}, caseworker)
    assert rule_code(answer)[0] == "interview_recorded_held"


def test_a_missed_booking_is_never_reported_by_hand(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    with today_is(fund_systems, TODAY):
        answer = _event(
            dfdg_client,
            person,
            caseworker,
            type="booking_deadline_missed",
            event_date=TODAY.isoformat(),
        )
    assert rule_code(answer) == ("arises_by_itself", {"type": "arises_by_itself"})


def _offer(**overrides: Any) -> dict[str, Any]:
    body = {
        "type": "offer_start",
        "company_cvr": "12345678",
        "company_name": "Tømrerfirma A/S",
        "status": "granted",
        "granted_on": days(-3).isoformat(),
        "start_date": days(5).isoformat(),
        "end_date": days(60).isoformat(),
        "weekly_hours": 30,
    }
    return {**body, **overrides}


def test_section_62_an_offers_start_between_granted_and_its_first_day(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    person = member(dfdg_store, "0303901234")
    with today_is(fund_systems, TODAY):
        early = _event(dfdg_client, person, caseworker, **_offer(granted_on=days(1).isoformat()))
        assert rule_code(early)[0] == "reported_before_granted"
        late = _event(dfdg_client, person, caseworker, **_offer(start_date=days(-1).isoformat()))
        assert rule_code(late)[0] == "reported_after_start"
        missing = _event(dfdg_client, person, caseworker, **_offer(weekly_hours=None))
        assert rule_code(missing)[1] == {"weekly_hours": "offer_details_missing"}
        on_start = _event(dfdg_client, person, caseworker, **_offer(start_date=TODAY.isoformat()))
        assert on_start.status_code == 201, on_start.get_data(as_text=True)
        offer = on_start.get_json()["offer"]
        assert offer["weekly_hours"] == 30 and offer["company_cvr"] == "12345678"
    # § 62(1) no. 2: an end is reported on the end date, not the day after.
    end = _offer(
        type="offer_end",
        status="ended",
        start_date=days(-30).isoformat(),
        end_date=days(-1).isoformat(),
    )
    with today_is(fund_systems, TODAY):
        assert rule_code(_event(dfdg_client, person, caseworker, **end))[0] == (
            "end_not_reported_on_end_date"
        )
    with today_is(fund_systems, days(-1)):
        assert _event(dfdg_client, person, caseworker, **end).status_code == 201


def test_only_members_in_contact_group_1_and_only_the_job_centre(
    fund_systems: Flask, dfdg_client: FlaskClient, dfdg_store: Store, caseworker: dict[str, str]
) -> None:
    from tests.integration.dfdg.jobseeker_helpers import new_person

    outsider = new_person(dfdg_store, "0404901234", group=1)
    member_a = member(dfdg_store, "0303901234")
    body = {"type": "job_refused", "event_date": TODAY.isoformat()}
    with today_is(fund_systems, TODAY):
        assert rule_code(_event(dfdg_client, outsider, caseworker, **body))[0] == (
            "not_a_fund_member"
        )
        fund_staff = _event(dfdg_client, member_a, _fund_staff(caseworker, FUND_A), **body)
        assert rule_code(fund_staff, 403)[0] == "jobcentre_only"


def test_the_feed_is_the_funds_systems_own(
    fund_systems: Flask, caseworker: dict[str, str], auth: dict[str, str]
) -> None:
    client = raw_client(fund_systems)
    assert client.get(f"/api/v1/funds/{FUND_A}/events", headers=auth).status_code == 403
    unknown = client.get("/api/v1/funds/29190011/events", headers=fund_headers(TOKEN_A))
    assert unknown.status_code == 403  # a job centre's CVR: not in the system's funds
    bad = client.get(f"/api/v1/funds/{FUND_A}/events?after=x", headers=fund_headers(TOKEN_A))
    assert bad.status_code == 422
    ok = client.get(f"/api/v1/funds/{FUND_A}/events", headers=fund_headers(TOKEN_A))
    assert ok.status_code == 200 and ok.get_json()["cursor"] == "0"
    assert ok.get_json()["events"] == [] and ok.get_json()["fund"]["cvr"] == FUND_A
    assert timedelta(days=0) == timedelta()

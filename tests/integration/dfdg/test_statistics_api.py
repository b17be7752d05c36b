"""DFDG's public statistics: counted right, disclosure-controlled, revised after late data."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import select

from jobnet.db import Store
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.registrations import Registration
from jobnet.dfdg.stats_compute import compute_in_store
from jobnet.domain import municipalities
from jobnet.domain.statistics import Measure
from tests.integration.dfdg.helpers import assert_problem
from tests.integration.dfdg.stats_helpers import joblog, jobseeker, sickness

TODAY = date(2026, 11, 23)  # the last complete month is October 2026
MARCH = date(2026, 3, 1)


def _get(client: FlaskClient, auth: dict[str, str], **params: str) -> dict[str, Any]:
    response = client.get("/api/v1/statistics", query_string=params, headers=auth)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _figures(body: dict[str, Any]) -> dict[tuple[str, str, str, int | None], dict[str, Any]]:
    return {
        (f["month"], f["area_kind"], f["area_code"], f["contact_group"]): f for f in body["figures"]
    }


def _direct_registered(store: Store, municipality: str, day: date) -> int:
    """Registered jobseekers in a municipality at the end of `day`, counted row by row."""
    with store.session() as session:
        rows = session.execute(
            select(Registration, Person).join(Person, Person.id == Registration.person_id)
        ).all()
    return sum(
        1
        for registration, person in rows
        if person.municipality_code == municipality
        and registration.start_date <= day
        and (registration.end_date is None or registration.end_date >= day)
    )


def test_figures_equal_a_direct_count(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    for _ in range(7):
        jobseeker(dfdg_store, "0101", 1, date(2026, 1, 10))
    for _ in range(6):
        jobseeker(dfdg_store, "0101", 2, date(2026, 2, 3), end=date(2026, 4, 15))
    for _ in range(8):
        jobseeker(dfdg_store, "0751", 1, date(2026, 3, 5))
    compute_in_store(dfdg_store, TODAY)

    body = _get(
        dfdg_client,
        auth,
        measure="registered",
        municipality="0101",
        **{"from": "2026-01", "to": "2026-06"},
    )
    figures = _figures(body)
    for month, day in [
        ("2026-01", date(2026, 1, 31)),
        ("2026-03", date(2026, 3, 31)),
        ("2026-05", date(2026, 5, 31)),
    ]:
        expected = _direct_registered(dfdg_store, "0101", day)
        assert figures[(month, "municipality", "0101", None)]["value"] == expected
    assert figures[("2026-03", "municipality", "0101", 2)]["value"] == 6
    assert figures[("2026-03", "comparison_group", "1", None)]["value"] == 21
    assert figures[("2026-03", "country", "DK", None)]["value"] == 21
    assert figures[("2026-05", "municipality", "0101", 2)]["value"] == 0

    new = _figures(
        _get(dfdg_client, auth, measure="new_registrations", **{"from": "2026-01", "to": "2026-04"})
    )
    assert [
        new[(m, "country", "DK", None)]["value"]
        for m in ("2026-01", "2026-02", "2026-03", "2026-04")
    ] == [7, 6, 8, 0]
    gone = _figures(
        _get(dfdg_client, auth, measure="deregistrations", **{"from": "2026-04", "to": "2026-04"})
    )
    assert gone[("2026-04", "country", "DK", None)]["value"] == 6


def test_small_cells_are_suppressed_and_cannot_be_worked_out(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    for _ in range(9):
        jobseeker(dfdg_store, "0101", 1, date(2026, 1, 10))
    for _ in range(2):
        jobseeker(dfdg_store, "0101", 2, date(2026, 1, 10))  # a small cell
    for _ in range(6):
        jobseeker(dfdg_store, "0147", 1, date(2026, 1, 10))
    for _ in range(6):
        jobseeker(dfdg_store, "0147", 8, date(2026, 1, 10))
    compute_in_store(dfdg_store, TODAY)

    month = {"from": "2026-02", "to": "2026-02"}
    kbh = _figures(_get(dfdg_client, auth, measure="registered", municipality="0101", **month))
    frb = _figures(_get(dfdg_client, auth, measure="registered", municipality="0147", **month))
    published = {**kbh, **frb}
    small = published[("2026-02", "municipality", "0101", 2)]
    assert small["suppressed"] and small["value"] is None and small["persons"] is None

    def known(area: tuple[str, str], group: int | None) -> int | None:
        return published[("2026-02", *area, group)]["value"]

    # Every published total minus its published parts leaves at least two unknowns.
    lines: list[
        tuple[tuple[tuple[str, str], int | None], list[tuple[tuple[str, str], int | None]]]
    ] = []
    for area in [
        ("municipality", "0101"),
        ("municipality", "0147"),
        ("comparison_group", "1"),
        ("country", "DK"),
    ]:
        lines.append(((area, None), [(area, g) for g in range(1, 9)]))
    for group in [None, *range(1, 9)]:
        lines.append(
            (
                (("comparison_group", "1"), group),
                [(("municipality", c), group) for c in ("0101", "0147")],
            )
        )
        lines.append(((("country", "DK"), group), [(("comparison_group", "1"), group)]))
    for total, parts in lines:
        cells = [total, *parts]
        hidden = [cell for cell in cells if known(*cell) is None]
        assert len(hidden) != 1, f"{hidden} could be worked out from {total}"


def test_late_data_revises_the_month(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    people = [jobseeker(dfdg_store, "0461", 1, date(2026, 1, 5)) for _ in range(6)]
    for person in people[:5]:
        sickness(dfdg_store, person, date(2026, 3, 2), date(2026, 3, 6))
    first = compute_in_store(dfdg_store, TODAY)
    assert first.revised == 0
    before = _get(
        dfdg_client, auth, measure="sickness_reports", **{"from": "2026-03", "to": "2026-03"}
    )
    assert _figures(before)[("2026-03", "country", "DK", None)]["value"] == 5
    assert before["revisions"] == []

    sickness(dfdg_store, people[5], date(2026, 3, 20), date(2026, 3, 25))  # reported late
    second = compute_in_store(dfdg_store, TODAY)
    assert second.revised == 1  # March of sickness reports, nothing else

    after = _get(
        dfdg_client, auth, measure="sickness_reports", **{"from": "2026-01", "to": "2026-06"}
    )
    assert _figures(after)[("2026-03", "country", "DK", None)]["value"] == 6
    assert [(r["month"], r["revision"]) for r in after["revisions"]] == [("2026-03", 2)]
    assert compute_in_store(dfdg_store, TODAY).revised == 0  # nothing new: nothing revised


def test_joblog_entries_count_entries_and_persons(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    people = [jobseeker(dfdg_store, "0851", 1, date(2026, 1, 5)) for _ in range(5)]
    for person in people:
        joblog(dfdg_store, person, date(2026, 2, 10))
        joblog(dfdg_store, person, date(2026, 2, 11))
    compute_in_store(dfdg_store, TODAY)
    figures = _figures(
        _get(
            dfdg_client,
            auth,
            measure="joblog_entries",
            municipality="0851",
            **{"from": "2026-02", "to": "2026-02"},
        )
    )
    cell = figures[("2026-02", "municipality", "0851", None)]
    assert (cell["value"], cell["persons"]) == (10, 5)


def test_measures_and_coverage(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    jobseeker(dfdg_store, "0101", 1, date(2026, 8, 10))
    compute_in_store(dfdg_store, TODAY)
    body = dfdg_client.get("/api/v1/statistics/measures", headers=auth).get_json()
    assert [m["code"] for m in body["measures"]] == [m.value for m in Measure]
    assert (body["first_month"], body["last_month"], body["min_persons"]) == (
        "2026-08",
        "2026-10",
        5,
    )


def test_statistics_are_public_and_the_same_with_or_without_a_token(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    for _ in range(6):
        jobseeker(dfdg_store, "0101", 1, date(2026, 1, 10))
    for _ in range(2):
        jobseeker(dfdg_store, "0101", 2, date(2026, 1, 10))  # a small cell
    compute_in_store(dfdg_store, TODAY)
    params = {"measure": "registered", "municipality": "0101", "from": "2026-02", "to": "2026-02"}
    for path, query in (("/api/v1/statistics", params), ("/api/v1/statistics/measures", {})):
        anonymous = dfdg_client.get(path, query_string=query)
        assert anonymous.status_code == 200, anonymous.get_data(as_text=True)
        assert (
            anonymous.get_json()
            == dfdg_client.get(path, query_string=query, headers=auth).get_json()
        )
    figures = _figures(dfdg_client.get("/api/v1/statistics", query_string=params).get_json())
    small = figures[("2026-02", "municipality", "0101", 2)]
    assert small["suppressed"] and small["value"] is None and small["persons"] is None


def test_person_data_still_needs_the_bearer_token(dfdg_client: FlaskClient) -> None:
    assert_problem(dfdg_client.get("/api/v1/persons/p-1/status"), 401, "unauthorized")


def test_bad_parameters_are_named(dfdg_client: FlaskClient, auth: dict[str, str]) -> None:
    def fields(**params: str) -> set[str]:
        response = dfdg_client.get("/api/v1/statistics", query_string=params, headers=auth)
        return {
            error["field"] for error in assert_problem(response, 422, "validation-error")["errors"]
        }

    assert fields(measure="nonsense") == {"measure"}
    assert fields(measure="registered", municipality="9999") == {"municipality"}
    assert fields(measure="registered", **{"from": "2026-05", "to": "2026-01"}) == {"from"}
    assert fields(measure="registered", to="2026-13") == {"to"}


def test_the_statistics_are_in_the_openapi_document(dfdg_client: FlaskClient) -> None:
    paths = dfdg_client.get("/api/v1/openapi.json").get_json()["paths"]
    assert {"/api/v1/statistics", "/api/v1/statistics/measures"} <= set(paths)
    names = {p["name"] for p in paths["/api/v1/statistics"]["get"]["parameters"]}
    assert names == {"measure", "from", "to", "municipality"}
    for path in ("/api/v1/statistics", "/api/v1/statistics/measures"):
        operation = paths[path]["get"]
        assert operation["security"] == []  # public: no bearer token
        assert "401" not in operation["responses"]


def test_every_municipality_has_a_comparison_group() -> None:
    assert len(municipalities.MUNICIPALITIES) == 98
    assert all(municipalities.comparison_group_of(m.code) for m in municipalities.MUNICIPALITIES)

"""Input no client should send is refused with a problem document, never a 500.

Numbers beyond what the database can hold, JSON nested deeper than the parser goes, integers of
more digits than Python converts, and strings holding a lone UTF-16 surrogate (which cannot be
encoded as UTF-8, so cannot be stored) each once gave DFDG's 500 (issue 20 defect 10, issue 26
item 7).
"""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from jobnet.db import Store
from tests.integration.dfdg.helpers import assert_problem, error_fields
from tests.integration.dfdg.jobseeker_helpers import new_person

BIGGEST = 2**63 - 1


def _post_raw(client: FlaskClient, path: str, body: str, headers: dict[str, str], key: str) -> Any:
    return client.post(
        path,
        data=body.encode("utf-8", "surrogatepass"),
        content_type="application/json",
        headers={**headers, "Idempotency-Key": key},
    )


@pytest.mark.parametrize("before", [str(BIGGEST + 1), "9" * 40, "1" + "0" * 4400])
def test_audit_log_page_number_beyond_the_database_is_422_naming_it(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], before: str
) -> None:
    person_id = new_person(dfdg_store)
    response = dfdg_client.get(
        f"/api/v1/persons/{person_id}/audit-log",
        query_string={"before": before},
        headers=citizen,
    )
    body = assert_problem(response, 422, "validation-error")
    assert set(error_fields(body)) == {"before"}


def test_the_biggest_page_number_the_database_holds_is_a_page(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    response = dfdg_client.get(
        f"/api/v1/persons/{person_id}/audit-log",
        query_string={"before": str(BIGGEST)},
        headers=citizen,
    )
    assert response.status_code == 200, response.get_data(as_text=True)


def test_a_body_number_beyond_the_database_is_422_naming_it(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store, group=2, match=1)
    response = dfdg_client.post(
        f"/api/v1/persons/{person_id}/registrations",
        json={
            "category": "part_time",
            "start_date": "2026-12-01",
            "degree": "part_time",
            "weekly_hours": -(2**80),
            "job_titles": ["Lagermedarbejder"],
        },
        headers={**citizen, "Idempotency-Key": "big-hours"},
    )
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize("depth", [33, 900, 10_000, 100_000])
def test_json_nested_too_deep_is_400(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], depth: int
) -> None:
    person_id = new_person(dfdg_store)
    body = '{"name": ' + "[" * depth + "]" * depth + "}"
    response = _post_raw(
        dfdg_client, f"/api/v1/persons/{person_id}/cv/skills", body, citizen, f"deep-{depth}"
    )
    problem = assert_problem(response, 400, "malformed-json")
    assert "deep" in problem["detail"]


def test_an_integer_of_a_hundred_thousand_digits_is_400(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str]
) -> None:
    person_id = new_person(dfdg_store)
    body = '{"name": "Truckkort", "level": ' + "9" * 100_000 + "}"
    response = _post_raw(
        dfdg_client, f"/api/v1/persons/{person_id}/cv/skills", body, citizen, "digits"
    )
    problem = assert_problem(response, 400, "malformed-json")
    assert "digits" in problem["detail"]


@pytest.mark.parametrize("escaped", [True, False])
def test_a_lone_surrogate_in_a_string_is_refused_naming_the_field(
    dfdg_client: FlaskClient, dfdg_store: Store, citizen: dict[str, str], escaped: bool
) -> None:
    person_id = new_person(dfdg_store)
    text = "\\ud800" if escaped else "\ud800"
    body = '{"name": "Truck' + text + 'kort"}'
    response = _post_raw(
        dfdg_client, f"/api/v1/persons/{person_id}/cv/skills", body, citizen, f"sur-{escaped}"
    )
    if escaped:
        problem = assert_problem(response, 422, "validation-error")
        assert error_fields(problem) == {"name": "surrogate_character"}
    else:  # the raw bytes are not UTF-8 at all
        assert_problem(response, 400, "malformed-json")

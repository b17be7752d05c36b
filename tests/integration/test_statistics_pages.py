"""The public statistics page and its CSV download, in Danish and English."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import html5lib
import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.stats_compute import compute_in_store
from tests.integration.dfdg.stats_helpers import jobseeker, sickness

TODAY = date(2026, 11, 23)
PAGE = "/statistik/?measure=registered&municipality=0101&period_from=2026-01&period_to=2026-03"


def _store(app: Flask) -> Store:
    return app.extensions["dfdg_app"].extensions["dfdg_store"]


@pytest.fixture
def figures(app: Flask) -> Flask:
    store = _store(app)
    for _ in range(7):
        jobseeker(store, "0101", 1, date(2026, 1, 10))
    for _ in range(2):
        jobseeker(store, "0101", 2, date(2026, 1, 10))
    for _ in range(6):
        jobseeker(store, "0147", 1, date(2026, 2, 1))
    compute_in_store(store, TODAY)
    return app


def test_the_page_shows_table_chart_and_comparison(figures: Flask, client: FlaskClient) -> None:
    response = client.get(PAGE)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(body)
    assert '<html lang="da"' in body
    assert body.count("<h1") == 1
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in body
    assert '<title id="chart-title">' in body and '<desc id="chart-desc">' in body
    assert "style=" not in body
    assert "<caption id=" in body and 'scope="row"' in body and 'scope="col"' in body
    assert "København" in body and "Denmark" not in body
    # January: 0101 has 9 persons (7 + 2); the 2 are suppressed, and so is a cell beside them.
    assert ">9<" in body
    assert '<span aria-hidden="true">–</span>' in body
    assert 'id="suppressed-note"' in body


def test_the_page_in_english(figures: Flask, client: FlaskClient) -> None:
    body = client.get(PAGE, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en"' in body
    assert "Statistics on jobseekers" in body
    assert "The whole country" in body
    assert "January 2026" in body


def test_the_form_works_without_choices_and_reports_a_bad_period(
    figures: Flask, client: FlaskClient
) -> None:
    assert client.get("/statistik/").status_code == 200
    body = client.get(
        "/statistik/?measure=registered&period_from=2026-03&period_to=2026-01"
    ).get_data(as_text=True)
    assert 'id="error-summary"' in body
    assert 'id="monthly-table"' not in body


def test_csv_download(figures: Flask, client: FlaskClient) -> None:
    response = client.get(
        PAGE.replace("/statistik/?", "/statistik/csv?"), headers={"Accept-Language": "en"}
    )
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == [
        "Measure",
        "Month",
        "Area",
        "Area code",
        "Breakdown",
        "Category",
        "Value",
        "Persons",
        "Per 1,000 inhabitants aged 16-66",
        "Revised",
    ]
    by_key = {(r[1], r[3], r[5]): r[6] for r in rows[1:]}
    assert by_key[("2026-01", "0101", "All contact groups")] == "9"
    assert by_key[("2026-01", "0101", "Cash benefit recipient")] == "–"
    assert by_key[("2026-02", "DK", "All contact groups")] == "15"


def test_revised_figures_are_marked(figures: Flask, client: FlaskClient) -> None:
    store = _store(figures)
    people = [jobseeker(store, "0101", 1, date(2025, 12, 1)) for _ in range(5)]
    compute_in_store(store, TODAY)  # December 2025 now has data: computed, not revised
    for person in people:
        sickness(store, person, date(2026, 2, 2), date(2026, 2, 4))
    sickness(store, people[0], date(2026, 3, 2), date(2026, 3, 3))
    compute_in_store(store, TODAY)
    url = PAGE.replace("measure=registered", "measure=sickness_reports")
    body = client.get(url, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Figures revised" in body
    assert "February 2026: revised" in body


def test_no_figures_yet(client: FlaskClient) -> None:
    body = client.get("/statistik/").get_data(as_text=True)
    assert 'id="monthly-table"' not in body
    assert "<h1>" in body


def test_the_landing_page_links_to_the_statistics(client: FlaskClient) -> None:
    assert 'href="/statistik/"' in client.get("/").get_data(as_text=True)


# -- the JSON and its OpenAPI document ------------------------------------------------------

JSON = PAGE.replace("/statistik/?", "/statistik/data.json?")
CSV = PAGE.replace("/statistik/?", "/statistik/csv?")


Cells = list[tuple[str, str, str, str, str, str]]


def _csv_cells(client: FlaskClient, url: str) -> Cells:
    response = client.get(url, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    return [(r[1], r[3], r[4], r[5], r[6], r[7]) for r in rows[1:]]


def _json_cells(body: dict[str, Any]) -> Cells:
    def text(number: object) -> str:
        return "–" if number is None else str(number)

    return [
        (
            f["month"],
            f["area_code"],
            "Contact group",
            f["contact_group_name"] or "All contact groups",
            text(f["value"]),
            text(f["persons"]),
        )
        for f in body["figures"]
    ] + [
        (
            f["month"],
            f["area_code"],
            f["breakdown_name"],
            f["category_name"],
            text(f["value"]),
            text(f["persons"]),
        )
        for f in body["breakdowns"]
    ]


@pytest.mark.parametrize(
    "page",
    [
        PAGE,
        PAGE.replace("municipality=0101", "municipality="),
        PAGE.replace("measure=registered", "measure=sickness_reports"),
    ],
    ids=["municipality", "country", "flow"],
)
def test_the_json_has_the_csv_figures(figures: Flask, client: FlaskClient, page: str) -> None:
    response = client.get(
        page.replace("/statistik/?", "/statistik/data.json?"), headers={"Accept-Language": "en"}
    )
    assert response.status_code == 200 and response.mimetype == "application/json"
    body = response.get_json()
    cells = _json_cells(body)
    assert cells and cells == _csv_cells(client, page.replace("/statistik/?", "/statistik/csv?"))
    assert (body["from_month"], body["to_month"], body["min_persons"]) == ("2026-01", "2026-03", 5)


def test_the_json_needs_no_login_and_suppressed_stays_suppressed(
    figures: Flask, client: FlaskClient
) -> None:
    response = client.get(JSON, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    cells = {(f["month"], f["area_code"], f["contact_group"]): f for f in body["figures"]}
    assert cells[("2026-01", "0101", None)] == {
        "month": "2026-01",
        "area_kind": "municipality",
        "area_code": "0101",
        "contact_group": None,
        "contact_group_name": None,
        "value": 9,
        "persons": 9,
        "suppressed": False,
        "per_1000_inhabitants_16_66": None,  # no population table in these tests
        "revised": False,
    }
    small = cells[("2026-01", "0101", 2)]  # 2 persons
    assert small["suppressed"] and small["value"] is None and small["persons"] is None
    hidden = [f for f in body["figures"] + body["breakdowns"] if f["suppressed"]]
    assert len(hidden) >= 2  # the small cell and one it could be worked out from
    assert all(f["value"] is None and f["persons"] is None for f in hidden)
    assert sum(1 for cell in _csv_cells(client, CSV) if cell[4] == "–") == len(hidden)
    assert [a["name"] for a in body["areas"]][-1] == "The whole country"


def test_the_json_names_a_bad_parameter(figures: Flask, client: FlaskClient) -> None:
    bad = "/statistik/data.json?measure=registered&period_from=2026-03&period_to=2026-01"
    response = client.get(bad, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert set(response.get_json()["errors"]) == {"period_to"}
    unknown = client.get("/statistik/data.json?measure=nonsense")
    assert unknown.status_code == 400 and "measure" in unknown.get_json()["errors"]


def test_the_json_without_figures_yet(client: FlaskClient) -> None:
    response = client.get("/statistik/data.json")
    assert response.status_code == 400 and "errors" in response.get_json()


def test_the_openapi_document_describes_the_json_and_the_csv(
    figures: Flask, client: FlaskClient
) -> None:
    from jsonschema import Draft202012Validator
    from openapi_spec_validator import validate

    document = client.get("/statistik/openapi.json").get_json()
    validate(document)
    assert document["security"] == []
    json_op = document["paths"]["/statistik/data.json"]["get"]
    assert "/statistik/csv" in document["paths"]
    names = {p["name"] for p in json_op["parameters"] if p["in"] == "query"}
    assert names == {"measure", "municipality", "period_from", "period_to"}
    # The answer fits the schema the document gives it.
    schema = {"$ref": "#/components/schemas/Figures", "components": document["components"]}
    body = client.get(JSON).get_json()
    assert list(Draft202012Validator(schema).iter_errors(body)) == []
    broken = {**body, "figures": [{**body["figures"][0], "value": "9"}]}
    assert list(Draft202012Validator(schema).iter_errors(broken))


def test_the_page_links_to_the_json_and_its_description(
    figures: Flask, client: FlaskClient
) -> None:
    body = client.get(PAGE, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'href="/statistik/data.json?measure=registered&amp;municipality=0101' in body
    assert 'href="/statistik/openapi.json"' in body

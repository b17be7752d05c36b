"""The statistics page's comparison: rates per 1,000 inhabitants aged 16-66 on the right
denominators, the comparison group's members, the breakdown tables, revised figures marked, and
synthetic figures labelled."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobnet.db import Store
from jobnet.dfdg.models.statistics import MunicipalityPopulation
from jobnet.dfdg.stats_compute import compute_in_store
from jobnet.domain import municipalities
from tests.integration.dfdg.stats_helpers import jobseeker

TODAY = date(2026, 11, 23)
PAGE = "/statistik/?measure=registered&municipality=0101&period_from=2026-01&period_to=2026-03"
EN = {"Accept-Language": "en"}
GROUP_1 = [m.code for m in municipalities.members("1")]


def _store(app: Flask) -> Store:
    return app.extensions["dfdg_app"].extensions["dfdg_store"]


def _populations(store: Store, source: str = "Statistics Denmark (test)") -> dict[str, int]:
    """Inhabitants aged 16-66: 2,000 in København, 1,000 in every other municipality."""
    inhabitants = {
        m.code: 2000 if m.code == "0101" else 1000 for m in municipalities.MUNICIPALITIES
    }
    with store.session() as session:
        session.add_all(
            MunicipalityPopulation(
                municipality_code=code,
                inhabitants_16_66=count,
                source=source,
                updated_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
            for code, count in inhabitants.items()
        )
    return inhabitants


@pytest.fixture
def figures(app: Flask) -> Flask:
    store = _store(app)
    for _ in range(9):
        jobseeker(store, "0101", 1, date(2026, 1, 10))
    for _ in range(6):
        jobseeker(store, "0751", 1, date(2026, 2, 1))
    compute_in_store(store, TODAY)
    return app


def test_rates_are_per_1000_inhabitants_of_the_area(figures: Flask, client: FlaskClient) -> None:
    inhabitants = _populations(_store(figures))
    body = client.get(PAGE.replace("/statistik/?", "/statistik/data.json?"), headers=EN).get_json()
    rates = {
        (f["month"], f["area_kind"]): f["per_1000_inhabitants_16_66"]
        for f in body["figures"]
        if f["contact_group"] is None
    }
    group = sum(inhabitants[code] for code in GROUP_1)
    country = sum(inhabitants.values())
    assert rates[("2026-01", "municipality")] == 4.5  # 9 of København's 2,000
    assert rates[("2026-02", "comparison_group")] == round(15 * 1000 / group, 2)  # 9 + 6 Aarhus
    assert rates[("2026-02", "country")] == round(15 * 1000 / country, 2)
    assert [a["inhabitants_16_66"] for a in body["areas"]] == [2000, group, country]
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert "København: per 1,000 inhabitants aged 16-66" in page
    assert "4.5" in page
    assert "Synthetic figures" not in page


def test_without_a_population_table_the_averages_per_municipality_stay(
    figures: Flask, client: FlaskClient
) -> None:
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert "average per municipality" in page
    assert "per 1,000 inhabitants" not in page.split('id="monthly-table"')[1].split("</table>")[0]


def test_the_comparison_group_is_listed_with_the_chosen_municipality(
    figures: Flask, client: FlaskClient
) -> None:
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    members = page.split('class="jobnet-group-members"')[1].split("</ul>")[0]
    for code in GROUP_1:
        assert municipalities.BY_CODE[code].name in members
    assert "<strong>København</strong> (chosen)" in members
    assert "Odsherred" not in members
    country = client.get(PAGE.replace("municipality=0101", "municipality="), headers=EN)
    assert "jobnet-group-members" not in country.get_data(as_text=True)


def test_the_breakdown_tables_follow_the_measure(figures: Flask, client: FlaskClient) -> None:
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert "By age" in page and "By gender" in page
    assert "By duration of the current registration" in page
    by_age = page.split("By age")[1].split("By gender")[0]
    assert "60 years and over" in by_age  # the test persons were born in 1900
    assert "A year or more" in page.split("By duration of the current registration")[1]
    sick = client.get(PAGE.replace("registered", "sickness_reports"), headers=EN)
    body = sick.get_data(as_text=True)
    assert "By age" in body and "By duration of the current registration" not in body


def test_figures_changed_by_late_data_are_marked(figures: Flask, client: FlaskClient) -> None:
    store = _store(figures)
    for _ in range(2):
        jobseeker(store, "0101", 1, date(2026, 2, 20))  # known only now
    compute_in_store(store, TODAY)
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert "marks a figure that changed" in page
    monthly = page.split('id="monthly-table"')[1].split("</table>")[0]
    january, february = monthly.split("February 2026")
    assert "(revised)" not in january
    assert "(revised)" in february.split("March 2026")[0]
    response = client.get(PAGE.replace("/statistik/?", "/statistik/csv?"), headers=EN)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    revised = {(r[1], r[3], r[5]) for r in rows[1:] if r[9] == "yes"}
    assert ("2026-02", "0101", "All contact groups") in revised
    assert ("2026-01", "0101", "All contact groups") not in revised


def test_synthetic_figures_are_labelled(figures: Flask, client: FlaskClient) -> None:
    _populations(_store(figures), source="synthetic")
    page = client.get(PAGE, headers=EN).get_data(as_text=True)
    assert "Synthetic figures" in page
    assert "made-up jobseekers" in page
    body = client.get(PAGE.replace("/statistik/?", "/statistik/data.json?"), headers=EN)
    assert body.get_json()["synthetic"] is True

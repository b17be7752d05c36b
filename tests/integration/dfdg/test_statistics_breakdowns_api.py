"""DFDG's statistics by age band, gender and duration; the population table behind the rates;
the cells revised by late data; and the synthetic population of the embedded default."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy import delete, func, select

from jobnet.db import Store
from jobnet.dfdg.models.persons import Person
from jobnet.dfdg.models.statistics import MunicipalityPopulation
from jobnet.dfdg.stats_compute import compute_in_store
from jobnet.dfdg.synthetic import generate, load_synthetic_if_empty
from jobnet.domain import municipalities
from jobnet.domain.disclosure import Relation, recoverable
from jobnet.domain.statistics import CATEGORIES, Breakdown
from tests.integration.dfdg.stats_helpers import jobseeker

TODAY = date(2026, 11, 23)  # the last complete month is October 2026


def _get(client: FlaskClient, auth: dict[str, str], **params: str) -> dict[str, Any]:
    params = {"measure": "registered", **params}
    response = client.get("/api/v1/statistics", query_string=params, headers=auth)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _cpr(born: date, serial: int) -> str:
    """A CPR number born on `born` (serial 4xxx: born 1937-2036); odd serial: male."""
    return f"{born:%d%m}{born.year % 100:02d}{serial:04d}"


def test_breakdowns_count_age_gender_and_duration(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    # At the end of October 2026: six women of 34 registered since May (five months), and
    # seven men of 61 registered since September 2025 (over a year).
    for serial in range(4000, 4012, 2):
        jobseeker(dfdg_store, "0101", 1, date(2026, 5, 4), cpr=_cpr(date(1992, 3, 1), serial))
    for serial in range(4001, 4015, 2):
        jobseeker(dfdg_store, "0101", 1, date(2025, 9, 1), cpr=_cpr(date(1965, 6, 1), serial))
    compute_in_store(dfdg_store, TODAY)
    body = _get(dfdg_client, auth, municipality="0101", **{"from": "2026-10", "to": "2026-10"})
    found = {
        (f["area_kind"], f["breakdown"], f["category"]): f["value"]
        for f in body["breakdowns"]
        if f["value"]
    }
    for area in ("municipality", "comparison_group", "country"):
        assert found[(area, "age", "30_39")] == 6
        assert found[(area, "age", "60_plus")] == 7
        assert found[(area, "gender", "female")] == 6
        assert found[(area, "gender", "male")] == 7
        assert found[(area, "duration", "3_6")] == 6
        assert found[(area, "duration", "12_plus")] == 7
    assert len(found) == 18  # nothing else
    new = _get(
        dfdg_client, auth, measure="new_registrations", **{"from": "2026-05", "to": "2026-05"}
    )
    assert {f["breakdown"] for f in new["breakdowns"]} == {"age", "gender"}  # no duration


def test_suppression_holds_across_the_breakdowns_in_the_api(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    """Three women and eleven men in Dragør: the women are hidden in the gender breakdown, and
    nothing published (contact groups, age bands, durations, group, country) gives them away."""
    for serial in range(4000, 4006, 2):
        jobseeker(dfdg_store, "0155", 1, date(2026, 9, 1), cpr=_cpr(date(1990, 1, 1), serial))
    for serial in range(4001, 4023, 2):
        jobseeker(dfdg_store, "0155", 1, date(2026, 9, 1), cpr=_cpr(date(1990, 1, 1), serial))
    for serial in range(4001, 4041, 2):
        jobseeker(dfdg_store, "0151", 1, date(2026, 2, 1), cpr=_cpr(date(1980, 1, 1), serial))
    compute_in_store(dfdg_store, TODAY)
    body = _get(dfdg_client, auth, municipality="0155", **{"from": "2026-10", "to": "2026-10"})
    known: dict[tuple[str, str, str, str], int | None] = {}
    for f in body["figures"]:
        group = "" if f["contact_group"] is None else str(f["contact_group"])
        known[(f["area_kind"], f["area_code"], "", group)] = f["value"]
    for f in body["breakdowns"]:
        known[(f["area_kind"], f["area_code"], f["breakdown"], f["category"])] = f["value"]
    women = ("municipality", "0155", "gender", "female")
    assert known[women] is None
    assert known[("municipality", "0155", "", "")] == 14  # the total is published
    relations = []
    for kind, code in (("municipality", "0155"), ("comparison_group", "2"), ("country", "DK")):
        total = (kind, code, "", "")
        relations.append(Relation(total, tuple((kind, code, "", str(g)) for g in range(1, 9))))
        for breakdown in Breakdown:
            parts = tuple((kind, code, breakdown.value, c) for c in CATEGORIES[breakdown])
            relations.append(Relation(total, parts))
    hidden = {key for key, value in known.items() if value is None}
    assert recoverable(relations, hidden) == set()
    for relation in relations:
        assert sum(cell in hidden for cell in relation.cells()) != 1


def _populations(store: Store, inhabitants: dict[str, int]) -> None:
    with store.session() as session:
        session.execute(delete(MunicipalityPopulation))
        session.add_all(
            MunicipalityPopulation(
                municipality_code=code,
                inhabitants_16_66=count,
                source="test",
                updated_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
            for code, count in inhabitants.items()
        )


def test_populations_are_the_members_sum_for_a_group_and_the_country(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    jobseeker(dfdg_store, "0101", 1, date(2026, 9, 1))
    compute_in_store(dfdg_store, TODAY)
    every = {m.code: 1000 + int(m.code) for m in municipalities.MUNICIPALITIES}
    _populations(dfdg_store, every)
    body = _get(dfdg_client, auth, municipality="0101")
    found = {(p["area_kind"], p["area_code"]): p["inhabitants_16_66"] for p in body["populations"]}
    group = municipalities.members("1")
    assert found == {
        ("municipality", "0101"): 1101,
        ("comparison_group", "1"): sum(every[m.code] for m in group),
        ("country", "DK"): sum(every.values()),
    }
    del every["0147"]  # Frederiksberg unknown: group 1 and the country have no denominator
    _populations(dfdg_store, every)
    body = _get(dfdg_client, auth, municipality="0101")
    found = {(p["area_kind"], p["area_code"]): p["inhabitants_16_66"] for p in body["populations"]}
    assert found == {
        ("municipality", "0101"): 1101,
        ("comparison_group", "1"): None,
        ("country", "DK"): None,
    }


def test_a_late_registration_marks_the_figures_it_changes_as_revised(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    for _ in range(8):
        jobseeker(dfdg_store, "0751", 1, date(2026, 6, 10))
    compute_in_store(dfdg_store, TODAY)
    jobseeker(dfdg_store, "0751", 1, date(2026, 8, 12))  # registered in August, known late
    result = compute_in_store(dfdg_store, TODAY)
    assert result.revised == 4  # registered August to October; new registrations in August

    def revised(measure: str) -> dict[tuple[str, str, int | None], bool]:
        body = _get(dfdg_client, auth, measure=measure, municipality="0751", **{"from": "2026-06"})
        return {
            (f["month"], f["area_kind"], f["contact_group"]): f["revised"] for f in body["figures"]
        }

    registered = revised("registered")
    for month in ("2026-08", "2026-09", "2026-10"):
        assert registered[(month, "municipality", None)]
        assert registered[(month, "country", None)]
        assert registered[(month, "municipality", 1)]
        assert not registered[(month, "municipality", 2)]  # still 0
    assert not registered[("2026-07", "municipality", None)]
    assert not registered[("2026-06", "country", None)]
    new = revised("new_registrations")
    assert [key for key, mark in new.items() if mark and key[2] is None] == [
        ("2026-08", "municipality", None),
        ("2026-08", "comparison_group", None),
        ("2026-08", "country", None),
    ]
    body = _get(dfdg_client, auth, measure="registered", municipality="0751")
    assert any(f["revised"] for f in body["breakdowns"] if f["month"] == "2026-08")
    assert [r["month"] for r in body["revisions"]] == ["2026-08", "2026-09", "2026-10"]

    # The next publication with news: August's marks are history, July's change is news.
    jobseeker(dfdg_store, "0751", 1, date(2026, 7, 2), end=date(2026, 7, 20))
    compute_in_store(dfdg_store, TODAY)
    new = revised("new_registrations")
    assert [key for key, mark in new.items() if mark and key[2] is None] == [
        ("2026-07", "municipality", None),
        ("2026-07", "comparison_group", None),
        ("2026-07", "country", None),
    ]
    # A run with nothing new publishes nothing new: the marks stay.
    compute_in_store(dfdg_store, TODAY)
    assert revised("new_registrations") == new


def test_the_synthetic_population_is_deterministic_and_apart_from_the_demo() -> None:
    first, second = generate(300, TODAY, seed=7), generate(300, TODAY, seed=7)
    assert first == second
    assert generate(300, TODAY, seed=8) != first
    cprs = [row["cpr"] for row in first.persons]
    assert len(set(cprs)) == len(cprs)
    assert all(4000 <= int(cpr[6:]) <= 4999 for cpr in cprs)
    assert {row["given_name"] for row in first.persons} == {"Syntetisk"}
    assert all(row["organisation_cvr"].startswith("99") for row in first.summons)


def test_a_fresh_start_gives_figures_worth_reading(
    dfdg_store: Store, dfdg_client: FlaskClient, auth: dict[str, str]
) -> None:
    assert load_synthetic_if_empty(dfdg_store, 0) is None
    loaded = load_synthetic_if_empty(dfdg_store, 12000)
    assert loaded is not None and loaded["persons"] == 12000
    assert load_synthetic_if_empty(dfdg_store, 12000) is None  # once only
    with dfdg_store.session() as session:
        places = session.scalars(select(Person.municipality_code).distinct()).all()
        assert session.scalar(select(func.count()).select_from(MunicipalityPopulation)) == 98
    assert set(places) == set(municipalities.BY_CODE)
    compute_in_store(dfdg_store)
    hidden = cells = 0
    for measure in ("registered", "new_registrations", "sickness_reports", "joblog_entries"):
        body = _get(dfdg_client, auth, measure=measure)
        totals = [f["value"] for f in body["figures"] if f["contact_group"] is None]
        assert len(totals) == 12 and None not in totals
        assert max(totals) > 1.1 * min(totals), f"{measure} is a flat line: {totals}"
        every = body["figures"] + body["breakdowns"]
        hidden += sum(f["suppressed"] for f in every)
        cells += len(every)
    assert hidden / cells < 0.25
    body = _get(dfdg_client, auth, municipality="0751")
    rates = {
        p["area_kind"]: 1000 * total / p["inhabitants_16_66"]
        for p in body["populations"]
        for f in body["figures"]
        if f["month"] == body["to_month"]
        and f["contact_group"] is None
        and (f["area_kind"], f["area_code"]) == (p["area_kind"], p["area_code"])
        and (total := f["value"])
    }
    assert 15 < rates["country"] < 60, rates  # jobseekers per 1,000 aged 16-66

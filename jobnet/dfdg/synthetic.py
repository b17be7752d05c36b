"""A synthetic population for the embedded default, so the public statistics have something to
show: jobseekers in all 98 municipalities with ages, genders and contact groups, registered and
deregistered over the last months with the seasons (more registrations in winter, more
deregistrations in spring), and their sickness, holidays, interviews and job log entries at
plausible rates.

Deterministic: the same size, seed and day give the same rows. Written with bulk inserts (a few
hundred thousand rows in seconds on SQLite). Every synthetic person is fictitious and apart
from the named demo persons: CPR serial numbers 4000-4999 (no demo person's, nor `seed-scale`'s
3900-3999), the given name "Syntetisk", no address, and interviews held by job centres that
do not exist in DFDG (CVR 99xxxx00), so no caseworker of the demo sees them. The population
table gets each municipality's inhabitants aged 16-66 scaled to the same size, marked
"synthetic", so the rates per 1,000 look like Denmark's.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from jobnet.db import Store
from jobnet.dfdg import clock
from jobnet.dfdg.models.cv import JoblogEntry
from jobnet.dfdg.models.persons import ContactGroupPeriod, Person
from jobnet.dfdg.models.registrations import Absence, Registration
from jobnet.dfdg.models.statistics import MunicipalityPopulation
from jobnet.dfdg.models.summons import Summons
from jobnet.dfdg.synthetic_places import (
    AGES,
    APPLICATIONS,
    EMPLOYERS,
    ENDS,
    GROUPS,
    HOLIDAYS,
    INHABITANTS_THOUSANDS,
    INTERVIEWS,
    JOB_TITLES,
    JOBSEEKERS_PER_1000,
    SICKNESS,
    STARTS,
    WORKING_AGE_SHARE,
)
from jobnet.domain import municipalities
from jobnet.domain.statistics import add_months, month_end, month_start

SOURCE = "synthetic"
GIVEN_NAME = "Syntetisk"
SERIAL_FIRST = 4000  # CPR serials 4000-4999: the 7th digit 4 gives birth years 1937-2036
MONTHS_BACK = 48  # registrations start up to this many months back, so that the stock is
RECORDS_MONTHS = 24  # settled in the months published; other records only in those months
CHUNK = 5000
SECOND_REGISTRATION = 0.18  # share of deregistered persons who register again later
_ID_PREFIX = 0x5717E71C  # the first 32 bits of every synthetic row's UUID
_KINDS = {"person": 1, "registration": 2, "absence": 3, "summons": 4, "joblog": 5}


def synthetic_id(kind: str, serial: int) -> str:
    return str(uuid.UUID(int=(_ID_PREFIX << 96) | (_KINDS[kind] << 64) | serial))


@dataclass
class Rows:
    """The rows to insert, by table."""

    persons: list[dict[str, Any]] = field(default_factory=list)
    periods: list[dict[str, Any]] = field(default_factory=list)
    registrations: list[dict[str, Any]] = field(default_factory=list)
    absences: list[dict[str, Any]] = field(default_factory=list)
    summons: list[dict[str, Any]] = field(default_factory=list)
    joblog: list[dict[str, Any]] = field(default_factory=list)
    populations: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in vars(self).items()}


def working_age(code: str) -> float:
    group = municipalities.BY_CODE[code].comparison_group
    return INHABITANTS_THOUSANDS[code] * 1000 * WORKING_AGE_SHARE[group]


class _Generator:
    def __init__(self, persons: int, today: date, seed: int, first_period_id: int) -> None:
        self.rng = random.Random(seed)
        self.size = persons
        self.today = today
        self.first_day = add_months(month_start(today), -MONTHS_BACK)
        self.records_from = add_months(month_start(today), -RECORDS_MONTHS)
        self.rows = Rows()
        self.next_period = first_period_id
        self.serials: dict[tuple[date, int], int] = {}
        self.counter = dict.fromkeys(_KINDS, 0)
        self.at = datetime.combine(today, time(3), tzinfo=UTC)
        codes = sorted(INHABITANTS_THOUSANDS)
        self.factor = {code: self.rng.uniform(0.75, 1.3) for code in codes}
        weights = [
            working_age(c)
            * JOBSEEKERS_PER_1000[municipalities.BY_CODE[c].comparison_group]
            * self.factor[c]
            for c in codes
        ]
        self.codes = codes
        self.code_weights = list(_cumulative(weights))
        days = [self.first_day + timedelta(days=n) for n in range((today - self.first_day).days)]
        self.days = days
        self.day_weights = list(_cumulative(STARTS[day.month - 1] for day in days))
        self.group_weights = list(_cumulative(share for share, *_ in GROUPS.values()))

    def _id(self, kind: str) -> str:
        self.counter[kind] += 1
        return synthetic_id(kind, self.counter[kind])

    def _cpr(self, born: date, male: bool) -> str:
        taken = self.serials.get((born, male), 0)
        self.serials[(born, male)] = taken + 1
        serial = SERIAL_FIRST + 2 * taken + (1 if male else 0)
        return f"{born:%d%m}{born.year % 100:02d}{serial:04d}"

    def _born(self, start: date) -> date:
        youngest, oldest, _ = self.rng.choices(AGES, weights=[a[2] for a in AGES])[0]
        age_days = self.rng.randint(youngest * 365, oldest * 365 + 364)
        return start - timedelta(days=age_days)

    def _end(self, group: int, start: date) -> date:
        """The registration's end: drawn for the group, and again (up to three times) as the
        season of its month makes an end less likely."""
        median = GROUPS[group][1]
        for _ in range(4):
            end = start + timedelta(
                days=max(7, int(self.rng.lognormvariate(math.log(median), 0.8)))
            )
            if self.rng.random() < ENDS[end.month - 1] / max(ENDS):
                break
        return end

    def generate(self) -> Rows:
        starts = self.rng.choices(self.days, cum_weights=self.day_weights, k=self.size)
        places = self.rng.choices(self.codes, cum_weights=self.code_weights, k=self.size)
        for start, code in zip(sorted(starts), places, strict=True):
            self._person(start, code)
        self._populations()
        return self.rows

    def _person(self, start: date, code: str) -> None:
        person_id = self._id("person")
        male = self.rng.random() < 0.53
        born = self._born(start)
        self.rows.persons.append(
            {
                "id": person_id,
                "cpr": self._cpr(born, male),
                "given_name": GIVEN_NAME,
                "family_name": f"Person {self.counter['person']}",
                "municipality_code": code,
                "address_protected": False,
                "created_at": self.at,
            }
        )
        while start < self.today:
            group = self.rng.choices(list(GROUPS), cum_weights=self.group_weights)[0]
            end = self._end(group, start)
            self._registration(person_id, code, group, start, end)
            if end >= self.today or self.rng.random() > SECOND_REGISTRATION:
                return
            start = end + timedelta(days=self.rng.randint(30, 300))

    def _registration(self, person_id: str, code: str, group: int, start: date, end: date) -> None:
        ended = end < self.today
        period_id = self.next_period
        self.next_period += 1
        self.rows.periods.append(
            {
                "id": period_id,
                "person_id": person_id,
                "contact_group": group,
                "match_group": self.rng.randint(1, 3) if group in (2, 3) else None,
                "start_date": start,
                "end_date": end if ended else None,
            }
        )
        category = {1: "unemployment_benefit", 2: "cash_benefit", 3: "cash_benefit"}
        self.rows.registrations.append(
            {
                "id": self._id("registration"),
                "person_id": person_id,
                "category": category.get(group, "without_benefit"),
                "start_date": start,
                "degree": "full_time" if self.rng.random() < 0.9 else "part_time",
                "weekly_hours": None,
                "job_titles": [self.rng.choice(JOB_TITLES)],
                "contact_group_period_id": period_id,
                "registered_at": self.at,
                "created_by_type": "citizen",
                "created_by_id": person_id,
                "end_date": end if ended else None,
                "deregistration_reason": self.rng.choice(
                    ("job_as_employee", "job_as_employee", "job_as_employee", "education", "other")
                )
                if ended
                else None,
                "deregistered_at": self.at if ended else None,
                "deregistered_by_type": "citizen" if ended else None,
            }
        )
        last = min(end, self.today - timedelta(days=1))
        month = max(month_start(start), self.records_from)
        while month <= last:
            first_day, last_day = max(start, month), min(last, month_end(month))
            share = ((last_day - first_day).days + 1) / month_end(month).day
            self._month(person_id, code, group, first_day, last_day, share)
            month = add_months(month, 1)

    def _times(self, rate: float) -> int:
        whole = int(rate)
        return whole + (1 if self.rng.random() < rate - whole else 0)

    def _day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def _month(
        self, person_id: str, code: str, group: int, first: date, last: date, share: float
    ) -> None:
        calendar = first.month - 1
        _, _, interviews, applications = GROUPS[group]
        for reason, rate, longest in (
            ("sickness", 0.035 * SICKNESS[calendar], 21),
            ("holiday", 0.06 * HOLIDAYS[calendar], 14),
        ):
            for _ in range(self._times(rate * share)):
                day = self._day(first, last)
                self.rows.absences.append(
                    {
                        "id": self._id("absence"),
                        "person_id": person_id,
                        "reason": reason,
                        "first_day": day,
                        "last_day": min(
                            day + timedelta(days=self.rng.randint(1, longest)),
                            max(day, self.today - timedelta(days=1)),
                        ),
                        "status": "active",
                        "created_at": self.at,
                        "created_by_type": "citizen",
                        "created_by_id": person_id,
                    }
                )
        for _ in range(self._times(interviews * INTERVIEWS[calendar] * share)):
            day = self._day(first, last)
            starts = datetime.combine(day, time(8 + self.rng.randint(0, 6)), tzinfo=UTC)
            self.rows.summons.append(
                {
                    "id": self._id("summons"),
                    "person_id": person_id,
                    "organisation_cvr": f"99{code}00",
                    "status": "cancelled" if self.rng.random() < 0.05 else "active",
                    "sequence": 0,
                    "starts_at": starts,
                    "duration_minutes": 45,
                    "form": self.rng.choice(("in_person", "in_person", "phone", "video")),
                    "type": self.rng.choice(("job_interview", "follow_up", "cv_interview")),
                    "place": "Jobcentret",
                    "letter_sent_date": day - timedelta(days=14),
                    "created_at": self.at,
                    "created_by_type": "caseworker",
                }
            )
        for _ in range(self._times(applications * APPLICATIONS[calendar] * share)):
            self.rows.joblog.append(
                {
                    "id": self._id("joblog"),
                    "person_id": person_id,
                    "applied_on": self._day(first, last),
                    "employer": self.rng.choice(EMPLOYERS),
                    "job_title": self.rng.choice(JOB_TITLES),
                    "kind": self.rng.choice(("advertised", "advertised", "unsolicited")),
                    "status": "sent",
                    "version": 1,
                    "created_at": self.at,
                    "created_by_type": "citizen",
                    "created_by_id": person_id,
                }
            )

    def _populations(self) -> None:
        """Inhabitants aged 16-66, scaled so the country's jobseekers per 1,000 over the last
        year are as in JOBSEEKERS_PER_1000 (each municipality above or below by its factor)."""
        year_ago = self.today - timedelta(days=365)
        days_registered = sum(
            (min(r["end_date"] or self.today, self.today) - max(r["start_date"], year_ago)).days
            for r in self.rows.registrations
            if (r["end_date"] or self.today) > year_ago
        )
        stock = days_registered / 365
        expected = sum(
            working_age(c) * JOBSEEKERS_PER_1000[municipalities.BY_CODE[c].comparison_group] / 1000
            for c in self.codes
        )
        scale = stock / expected if expected else 0.0
        for code in self.codes:
            self.rows.populations.append(
                {
                    "municipality_code": code,
                    "inhabitants_16_66": max(1, round(working_age(code) * scale)),
                    "source": SOURCE,
                    "updated_at": self.at,
                }
            )


def _cumulative(weights: Iterator[float] | Sequence[float]) -> Iterator[float]:
    total = 0.0
    for weight in weights:
        total += weight
        yield total


def generate(persons: int, today: date, seed: int = 25, first_period_id: int = 1) -> Rows:
    """The synthetic rows for `persons` jobseekers as of `today` (pure and deterministic)."""
    return _Generator(persons, today, seed, first_period_id).generate()


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    for begin in range(0, len(rows), CHUNK):
        session.execute(insert(model), rows[begin : begin + CHUNK])


def load_synthetic(
    session: Session, persons: int, today: date | None = None, seed: int = 25
) -> dict[str, int]:
    """Insert the synthetic population (rows per table)."""
    first_period = (session.scalar(select(func.max(ContactGroupPeriod.id))) or 0) + 1
    rows = generate(persons, today or clock.today(), seed, first_period)
    for model, table in (
        (Person, rows.persons),
        (ContactGroupPeriod, rows.periods),
        (Registration, rows.registrations),
        (Absence, rows.absences),
        (Summons, rows.summons),
        (JoblogEntry, rows.joblog),
        (MunicipalityPopulation, rows.populations),
    ):
        _insert(session, model, table)
    return rows.counts()


def load_synthetic_if_empty(store: Store, persons: int, seed: int = 25) -> dict[str, int] | None:
    """On first start: the synthetic population, unless DFDG has populations already (or the
    size is 0)."""
    if persons <= 0:
        return None
    with store.session() as session:
        if session.scalar(select(func.count()).select_from(MunicipalityPopulation)):
            return None
        return load_synthetic(session, persons, seed=seed)

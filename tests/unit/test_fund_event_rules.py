"""The deadlines of §§ 61-62 and the details of § 63, at and beyond each boundary."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from jobnet.domain.fund_events import (
    Broken,
    FundEventProblem,
    FundEventType,
    Offer,
    OfferStatus,
    check_covered,
    check_fund_event,
    check_offer_start,
    check_reported_in_time,
)

TODAY = date(2026, 11, 23)
NO_OFFER = Offer(None, None, None, None, None, None, None)


def _offer(**overrides: object) -> Offer:
    values: dict[str, object] = {
        "company_cvr": "12345678",
        "company_name": "Firma",
        "status": OfferStatus.GRANTED,
        "granted_on": TODAY - timedelta(days=2),
        "start_date": TODAY + timedelta(days=3),
        "end_date": TODAY + timedelta(days=30),
        "weekly_hours": Decimal("30"),
    }
    values.update(overrides)
    return Offer(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days_back", "problem"),
    [
        (-1, FundEventProblem.IN_THE_FUTURE),
        (0, None),
        (1, None),
        (2, FundEventProblem.REPORTED_TOO_LATE),
    ],
)
def test_section_61_the_same_day_or_the_day_after(
    days_back: int, problem: FundEventProblem | None
) -> None:
    assert check_reported_in_time(TODAY - timedelta(days=days_back), TODAY) == problem


def test_section_62_a_start_between_granted_and_the_first_day() -> None:
    start = TODAY + timedelta(days=3)
    assert check_offer_start(TODAY, start, TODAY) is None
    assert check_offer_start(TODAY - timedelta(days=1), TODAY, TODAY) is None
    too_early = check_offer_start(TODAY + timedelta(days=1), start, TODAY)
    assert too_early == Broken("granted_on", FundEventProblem.REPORTED_BEFORE_GRANTED)
    too_late = check_offer_start(TODAY - timedelta(days=9), TODAY - timedelta(days=1), TODAY)
    assert too_late == Broken("start_date", FundEventProblem.REPORTED_AFTER_START)
    backwards = check_offer_start(start + timedelta(days=1), start, TODAY)
    assert backwards == Broken("granted_on", FundEventProblem.GRANTED_AFTER_START)


def test_section_62_an_end_on_its_end_date_only() -> None:
    kind = FundEventType.OFFER_END
    on_time = _offer(start_date=TODAY - timedelta(days=9), end_date=TODAY)
    assert check_fund_event(kind, None, TODAY, offer=on_time) is None
    late = _offer(start_date=TODAY - timedelta(days=9), end_date=TODAY - timedelta(days=1))
    broken = check_fund_event(kind, None, TODAY, offer=late)
    assert broken == Broken("end_date", FundEventProblem.END_NOT_REPORTED_ON_END_DATE)


def test_section_63_an_offer_needs_its_details() -> None:
    kind = FundEventType.OFFER_CHANGE
    assert check_fund_event(kind, TODAY, TODAY, offer=_offer()) is None
    missing = check_fund_event(kind, TODAY, TODAY, offer=_offer(weekly_hours=None))
    assert missing == Broken("weekly_hours", FundEventProblem.OFFER_DETAILS_MISSING)
    hours = check_fund_event(kind, TODAY, TODAY, offer=_offer(weekly_hours=Decimal("38")))
    assert hours == Broken("weekly_hours", FundEventProblem.HOURS_OUT_OF_RANGE)
    cvr = check_fund_event(kind, TODAY, TODAY, offer=_offer(company_cvr="1234"))
    assert cvr == Broken("company_cvr", FundEventProblem.COMPANY_INVALID)
    ends = check_fund_event(kind, TODAY, TODAY, offer=_offer(end_date=TODAY + timedelta(days=1)))
    assert ends == Broken("end_date", FundEventProblem.END_BEFORE_START)


def test_texts_and_who_is_covered() -> None:
    kind = FundEventType.JOB_REFUSED
    long = check_fund_event(kind, TODAY, TODAY, offer=NO_OFFER, comment="x" * 2001)
    assert long == Broken("comment", FundEventProblem.COMMENT_TOO_LONG)
    assert check_fund_event(kind, TODAY, TODAY, offer=NO_OFFER, comment="x" * 2000) is None
    assert check_covered(1, True) is None
    assert check_covered(2, True) == FundEventProblem.NOT_CONTACT_GROUP_1
    assert check_covered(1, False) == FundEventProblem.NOT_A_FUND_MEMBER

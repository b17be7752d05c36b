"""The CV's rules at their edges: phone and e-mail formats, lengths, periods, duplicates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jobnet.domain import cv
from jobnet.domain.fields import FieldProblem, Issue, check_url, clean_text

TODAY = date(2026, 11, 25)


def codes(issues: list[Issue]) -> dict[str, str]:
    return {issue.field: issue.code.value for issue in issues}


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("20304050", "20304050"),
        ("20 30 40 50", "20304050"),
        ("+45 20 30 40 50", "20304050"),
        ("0045-2030-4050", "20304050"),
        ("(+45) 20.30.40.50", "20304050"),
        ("2030405", None),
        ("203040501", None),
        ("02030405", None),
        ("12345678", None),
        ("+46 20304050", None),
        ("2030405a", None),
        ("", None),
    ],
)
def test_danish_phone_numbers(raw: str, digits: str | None) -> None:
    assert cv.normalise_phone(raw) == digits


def test_phone_is_shown_in_pairs() -> None:
    assert cv.format_phone("20304050") == "20 30 40 50"
    assert cv.format_phone(None) == ""


@pytest.mark.parametrize(
    ("email", "problem"),
    [
        ("mette@example.dk", None),
        ("a.b+c@sub.example.co.uk", None),
        ("", None),
        ("mette@example", FieldProblem.INVALID_EMAIL),
        ("mette example@x.dk", FieldProblem.INVALID_EMAIL),
        ("@example.dk", FieldProblem.INVALID_EMAIL),
        ("a@@example.dk", FieldProblem.INVALID_EMAIL),
        ("a" * 250 + "@x.dk", FieldProblem.TOO_LONG),
    ],
)
def test_email(email: str, problem: FieldProblem | None) -> None:
    assert cv.check_email(email) == problem


def test_contact_both_optional() -> None:
    assert cv.check_contact(None, None) == []
    assert codes(cv.check_contact("x", "1")) == {"email": "invalid_email", "phone": "invalid_phone"}


def test_job_wishes() -> None:
    assert cv.check_job_wishes(["Kok"], None, "full_time") == []
    assert codes(cv.check_job_wishes(["", " "], None, "full_time")) == {"titles": "required"}
    six = [f"Job {n}" for n in range(6)]
    assert codes(cv.check_job_wishes(six, None, "both")) == {"titles": "too_many"}
    five_with_repeats = [*[f"Job {n}" for n in range(5)], "job 1"]
    assert cv.check_job_wishes(five_with_repeats, None, "both") == []
    assert codes(cv.check_job_wishes(["x" * 101], None, "both")) == {"titles": "too_long"}
    assert codes(cv.check_job_wishes(["Kok"], "y" * 101, None)) == {
        "area": "too_long",
        "work_time": "required",
    }
    assert codes(cv.check_job_wishes(["Kok"], None, "sometimes")) == {"work_time": "invalid_choice"}


def test_clean_titles_trims_and_drops_repeats() -> None:
    assert cv.clean_titles([" Kok ", "kok", None, "Tjener  i  byen"]) == ["Kok", "Tjener i byen"]


def test_driving_licences() -> None:
    assert cv.check_driving_licences(["B", "CE"]) == []
    assert cv.check_driving_licences([]) == []
    assert codes(cv.check_driving_licences(["Z"])) == {"licences": "invalid_choice"}
    assert codes(cv.check_driving_licences(["B", "B"])) == {"licences": "duplicate"}


def test_profile_length_edge() -> None:
    assert cv.check_profile("x" * 2000) == []
    assert codes(cv.check_profile("x" * 2001)) == {"text": "too_long"}


def _experience(**overrides: object) -> list[Issue]:
    values: dict[str, object] = {
        "employer": "Netto",
        "title": "Kasse",
        "start_date": TODAY - timedelta(days=100),
        "end_date": TODAY,
        "ongoing": False,
        "description": None,
        "today": TODAY,
    }
    return cv.check_experience(**{**values, **overrides})  # type: ignore[arg-type]


def test_experience_periods_at_their_edges() -> None:
    assert _experience() == []  # ends today
    assert _experience(start_date=TODAY, end_date=TODAY) == []  # one day
    assert codes(_experience(start_date=TODAY + timedelta(days=1))) == {
        "start_date": "in_the_future",
        "end_date": "end_before_start",
    }
    assert codes(_experience(end_date=TODAY + timedelta(days=1))) == {"end_date": "in_the_future"}
    assert codes(_experience(end_date=TODAY - timedelta(days=101))) == {
        "end_date": "end_before_start"
    }
    assert codes(_experience(end_date=None)) == {"end_date": "end_missing"}
    assert _experience(end_date=None, ongoing=True) == []
    assert codes(_experience(ongoing=True)) == {"end_date": "end_and_ongoing"}
    assert codes(_experience(start_date=None)) == {"start_date": "required"}


def test_experience_texts() -> None:
    assert codes(_experience(employer=" ", title="x" * 201, description="d" * 2001)) == {
        "employer": "required",
        "title": "too_long",
        "description": "too_long",
    }
    assert _experience(title="x" * 200, description="d" * 2000) == []


def test_education_completed_or_not() -> None:
    start = TODAY - timedelta(days=700)
    common = {"institution": "SDU", "programme": "HA", "start_date": start, "today": TODAY}
    future = TODAY + timedelta(days=100)
    assert cv.check_education(**common, end_date=future, completed=False) == []
    assert cv.check_education(**common, end_date=None, completed=False) == []
    assert codes(cv.check_education(**common, end_date=future, completed=True)) == {
        "end_date": "in_the_future"
    }
    assert codes(cv.check_education(**common, end_date=None, completed=True)) == {
        "end_date": "end_missing"
    }
    before = start - timedelta(days=1)
    assert codes(cv.check_education(**common, end_date=before, completed=False)) == {
        "end_date": "end_before_start"
    }


def test_course_date_not_in_the_future() -> None:
    assert cv.check_course(name="Kursus", provider=None, completed_on=TODAY, today=TODAY) == []
    tomorrow = TODAY + timedelta(days=1)
    found = cv.check_course(name="", provider="p" * 201, completed_on=tomorrow, today=TODAY)
    assert codes(found) == {
        "name": "required",
        "provider": "too_long",
        "completed_on": "in_the_future",
    }


def test_skills_and_languages_are_not_repeated() -> None:
    assert cv.check_skill(name="Excel", others=["Word"]) == []
    assert codes(cv.check_skill(name=" excel ", others=["Excel"])) == {"name": "duplicate"}
    assert codes(cv.check_language(language="Engelsk", level="fluent", others=["engelsk"])) == {
        "language": "duplicate"
    }
    assert codes(cv.check_language(language="Tysk", level="expert")) == {"level": "invalid_choice"}


def test_approval() -> None:
    assert cv.check_approval("approved", TODAY, TODAY) == []
    assert cv.check_approval("not_assessed", None, TODAY) == []
    assert codes(cv.check_approval("approved", None, TODAY)) == {"date": "required"}
    tomorrow = TODAY + timedelta(days=1)
    assert codes(cv.check_approval("approved", tomorrow, TODAY)) == {"date": "in_the_future"}


def test_clean_text_keeps_line_breaks() -> None:
    assert clean_text("  a   b \n\n c ") == "a b\n\nc"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://job.example.dk/1?x=2", None),
        ("http://localhost:8000/a", None),
        ("HTTPS://EXAMPLE.DK", None),
        ("", None),
        ("javascript:alert(1)", FieldProblem.INVALID_URL),
        ("ftp://example.dk", FieldProblem.INVALID_URL),
        ("https://", FieldProblem.INVALID_URL),
        ("https://exa mple.dk", FieldProblem.INVALID_URL),
        ("example.dk/job", FieldProblem.INVALID_URL),
        ("https://intranet/job", FieldProblem.INVALID_URL),
        ("https://[::1", FieldProblem.INVALID_URL),
        ("https://example.dk/" + "a" * 500, FieldProblem.TOO_LONG),
    ],
)
def test_urls(url: str, problem: FieldProblem | None) -> None:
    assert check_url(url, 500) == problem

"""Each broken rule has its own words, found by its rule set and code (issue 20, defect 13)."""

from __future__ import annotations

from collections import Counter

import pytest
from flask import Flask

from jobnet.domain.absences import AbsenceProblem, AbsenceReason, check_other_absence
from jobnet.domain.jobseeker import RegistrationProblem
from jobnet.domain.problems import RULE_SETS, rule_set_name
from jobnet.web import create_app
from jobnet.web.journeys.messages import GENERIC_REJECTION, PROBLEMS, problem_message
from jobnet.web.journeys.receipts.summaries import rejection_messages

# The field rule set is worded by the forms' own field messages (jobnet.web.journeys.changes).
WORDED_ELSEWHERE = {"field"}


@pytest.fixture(scope="module")
def app() -> Flask:
    # In-memory stores: each test worker its own, no files shared.
    return create_app("test", DATABASE_URL="sqlite://", DFDG_DATABASE_URL="sqlite://")


def test_every_code_of_every_rule_set_has_a_message(app: Flask) -> None:
    declared = set(PROBLEMS.keys())
    missing = [
        (name, code.value)
        for name, rule_set in RULE_SETS.items()
        if name not in WORDED_ELSEWHERE
        for code in rule_set
        if (name, code.value) not in declared
    ]
    assert not missing


def test_no_two_rules_share_their_words(app: Flask) -> None:
    with app.test_request_context():
        texts = Counter(str(PROBLEMS.message_for(code, rules)) for rules, code in PROBLEMS.keys())  # noqa: SIM118
    assert [text for text, count in texts.items() if count > 1] == []


def test_a_deregistration_before_the_registration_is_worded_as_a_deregistration(app: Flask) -> None:
    rejection = {
        "code": "before_registration",
        "errors": [{"field": "date", "code": "before_registration", "rules": "registration"}],
    }
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert rejection_messages(rejection) == [
            "The date cannot be before you were registered as a jobseeker."
        ]
        assert problem_message("before_registration", "absence").startswith(
            "The first day of sickness"
        )


def test_a_bare_code_two_sets_share_gets_the_general_sentence_not_a_wrong_one(app: Flask) -> None:
    with app.test_request_context():
        assert problem_message("before_registration") == str(GENERIC_REJECTION)


def test_a_too_long_short_maternity_leave_is_not_called_a_holiday(app: Flask) -> None:
    from datetime import date

    problem = check_other_absence(
        AbsenceReason.MATERNITY_SHORT,
        date(2026, 1, 1),
        date(2026, 2, 1),
        contact_group=1,
        match_group=None,
        other_absences=[],
    )
    assert problem == AbsenceProblem.MATERNITY_TOO_LONG
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert "holiday" not in problem_message(problem).lower()


def test_a_rule_set_is_declared_once_and_only_with_its_own_codes() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        PROBLEMS.declare(RegistrationProblem, {})
    with pytest.raises(ValueError, match="not a code of"):
        PROBLEMS.declare(AbsenceProblem, {RegistrationProblem.NOT_REGISTERED: "x"}, rules="x")


def test_dfdg_names_the_rule_set_of_a_domain_code_and_its_own_for_a_plain_string() -> None:
    assert rule_set_name(RegistrationProblem.BEFORE_REGISTRATION) == "registration"
    assert rule_set_name(AbsenceProblem.BEFORE_REGISTRATION) == "absence"
    assert rule_set_name("caseworker_only") == "dfdg"

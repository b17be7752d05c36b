"""Broken rules as problem details, and refusals that are audited although the work is not.

A rule of `jobnet.domain` that a request breaks is answered 422 (403 for a reason only a
caseworker may register) with the rule's stable `code` (the domain's problem value, e.g.
`already_registered` or `overlaps`) at the top and on the field it concerns, so the web app can
tell the citizen why. DFDG's own codes, for what the domain does not decide, are listed in
`DFDG_CODES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

from flask import Response, json
from sqlalchemy.orm import Session

from jobnet.dfdg.audit import DENIED, NOT_FOUND, record_access
from jobnet.dfdg.problems import PROBLEM_CONTENT_TYPE, TITLES, ProblemError, problem_type
from jobnet.dfdg.schemas.base import FieldError, Problem
from jobnet.domain.absences import MAX_SHORT_MATERNITY_DAYS, AbsenceProblem
from jobnet.domain.jobseeker import (
    DEREGISTRATION_MAX_DAYS_AHEAD,
    MAX_JOB_TITLE_LENGTH,
    MAX_JOB_TITLES,
    MAX_OTHER_REASON_LENGTH,
    MAX_WEEKLY_HOURS,
    REGISTRATION_START_MAX_DAYS_AHEAD,
    RegistrationProblem,
)
from jobnet.domain.problems import rule_set_name

REJECTED = "rejected"
RULE_VIOLATION = "rule-violation"
RULE_VIOLATION_TITLE = "The request breaks a rule of DFDG"

CASEWORKER_ONLY = "caseworker_only"
LAST_DAY_MISSING = "last_day_missing"
NO_LAST_DAY_FOR_SICKNESS = "no_last_day_for_sickness"
NOT_A_HOLIDAY = "not_a_holiday"
ALREADY_CANCELLED = "already_cancelled"
CONTACT_GROUP_CONFLICT = "contact_group_conflict"
OUTSIDE_ORGANISATION = "outside_organisation"

DFDG_CODES: dict[str, str] = {
    CASEWORKER_ONLY: "Only a caseworker may register an absence for this reason",
    LAST_DAY_MISSING: "A holiday needs its last day",
    NO_LAST_DAY_FOR_SICKNESS: "A sickness is reported open; a recovery ends it",
    NOT_A_HOLIDAY: "Only a holiday can be cancelled",
    ALREADY_CANCELLED: "The holiday is already cancelled",
    CONTACT_GROUP_CONFLICT: "The person has a contact-group period starting on or after this "
    "date; a job centre must correct it first",
    OUTSIDE_ORGANISATION: "This person's data is outside your organisation's remit",
}

MESSAGES: dict[str, str] = {
    RegistrationProblem.ALREADY_REGISTERED: "The person is already registered as a jobseeker",
    RegistrationProblem.START_IN_THE_PAST: "The start date must not be in the past",
    RegistrationProblem.START_TOO_FAR_AHEAD: "The start date may be at most "
    f"{REGISTRATION_START_MAX_DAYS_AHEAD} days ahead",
    RegistrationProblem.NO_JOB_TITLES: "Name at least one job title",
    RegistrationProblem.TOO_MANY_JOB_TITLES: f"Name at most {MAX_JOB_TITLES} job titles",
    RegistrationProblem.JOB_TITLE_TOO_LONG: "A job title has at most "
    f"{MAX_JOB_TITLE_LENGTH} characters",
    RegistrationProblem.HOURS_MISSING: "Part time needs the hours a week sought",
    RegistrationProblem.HOURS_OUT_OF_RANGE: f"Hours a week must be 1 to {MAX_WEEKLY_HOURS - 1}",
    RegistrationProblem.NOT_REGISTERED: "The person is not registered as a jobseeker",
    RegistrationProblem.DATE_IN_THE_PAST: "The deregistration date must not be in the past",
    RegistrationProblem.DATE_TOO_FAR_AHEAD: "The deregistration date may be at most "
    f"{DEREGISTRATION_MAX_DAYS_AHEAD} days ahead",
    RegistrationProblem.BEFORE_REGISTRATION: "The date is before the registration starts",
    RegistrationProblem.OTHER_REASON_MISSING: "Describe the other reason",
    RegistrationProblem.OTHER_REASON_TOO_LONG: "The other reason has at most "
    f"{MAX_OTHER_REASON_LENGTH} characters",
    AbsenceProblem.REASON_NOT_ALLOWED: "This reason does not apply to the person's contact group",
    AbsenceProblem.SICKNESS_BENEFIT_RECIPIENT: "A sickness-benefit recipient reports sickness "
    "to the municipality, not here",
    AbsenceProblem.IN_THE_FUTURE: "The day must not be in the future",
    AbsenceProblem.ALREADY_SICK: "The person is already reported sick",
    AbsenceProblem.NOT_SICK: "The person is not reported sick",
    AbsenceProblem.BEFORE_SICKNESS: "The fit day is before the first day of sickness",
    AbsenceProblem.HOLIDAY_STARTED: "The holiday has started or starts today",
    AbsenceProblem.END_BEFORE_START: "The last day is before the first day",
    AbsenceProblem.TOO_LONG: "A holiday is at most a year long",
    AbsenceProblem.MATERNITY_TOO_LONG: "A short maternity or paternity leave has a last day "
    f"and is at most {MAX_SHORT_MATERNITY_DAYS} days",
    AbsenceProblem.OVERLAPS: "The period overlaps another absence",
    **DFDG_CODES,
}


class RuleViolation(ProblemError):
    """A broken rule: `code` is the first (or only) broken rule; `errors` names each field."""

    def __init__(self, code: str, errors: Sequence[FieldError], *, status: int = 422) -> None:
        slug = RULE_VIOLATION if status == 422 else "forbidden"
        super().__init__(status, slug, MESSAGES.get(code, code), errors=errors)
        self.code = code

    def to_response(self) -> Response:
        title = RULE_VIOLATION_TITLE if self.slug == RULE_VIOLATION else TITLES[self.slug]
        problem = Problem(
            type=problem_type(self.slug),
            title=title,
            status=self.status,
            detail=self.detail,
            code=self.code,
            errors=self.errors,
        )
        body = problem.model_dump(mode="json", exclude_none=True)
        return Response(json.dumps(body), status=self.status, mimetype=PROBLEM_CONTENT_TYPE)


def broken(field: str, code: str) -> FieldError:
    """The field error of a broken rule, worded from MESSAGES, with the rule set it is of."""
    return FieldError(
        field=field, code=code, message=MESSAGES.get(code, code), rules=rule_set_name(code)
    )


def violation(errors: Sequence[FieldError], *, status: int = 422) -> RuleViolation:
    return RuleViolation(errors[0].code, errors, status=status)


def _audit_refusal(session: Session, action: str, person_id: str | None, outcome: str) -> None:
    """Undo the request's work (and its Idempotency-Key claim), keep only the audit entry."""
    session.rollback()
    record_access(session, action, person_id=person_id, outcome=outcome)
    session.commit()


def refuse(session: Session, action: str, person_id: str, error: RuleViolation) -> NoReturn:
    """Raise `error` after auditing the refused attempt (denied for 403, else rejected)."""
    _audit_refusal(session, action, person_id, DENIED if error.status == 403 else REJECTED)
    raise error


def refuse_not_found(session: Session, action: str, person_id: str | None, detail: str) -> NoReturn:
    """Raise an audited 404. `person_id` is None when the person itself is unknown."""
    _audit_refusal(session, action, person_id, NOT_FOUND)
    raise ProblemError(404, "not-found", detail)

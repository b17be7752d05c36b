"""Broken CV and job log rules (`jobnet.domain.fields.Issue`) as 422 problems naming each field."""

from __future__ import annotations

from collections.abc import Sequence

from jobnet.dfdg.rules import RuleViolation
from jobnet.dfdg.schemas.base import FieldError
from jobnet.domain.fields import FieldProblem, Issue
from jobnet.domain.problems import rule_set_name

MESSAGES: dict[str, str] = {
    FieldProblem.REQUIRED: "The field is required",
    FieldProblem.TOO_LONG: "The text is too long",
    FieldProblem.TOO_MANY: "There are too many items",
    FieldProblem.IN_THE_FUTURE: "The date must not be in the future",
    FieldProblem.END_BEFORE_START: "The end date is before the start date",
    FieldProblem.END_MISSING: "An end date is required unless it is ongoing",
    FieldProblem.END_AND_ONGOING: "Something ongoing has no end date",
    FieldProblem.INVALID_EMAIL: "Not an e-mail address",
    FieldProblem.INVALID_PHONE: "Not a Danish phone number of 8 digits",
    FieldProblem.INVALID_URL: "Not an http or https address",
    FieldProblem.INVALID_CHOICE: "Not one of the allowed values",
    FieldProblem.DUPLICATE: "The CV already has it",
}


def field_violation(found: Sequence[Issue]) -> RuleViolation:
    errors = [
        FieldError(
            field=issue.field,
            code=issue.code.value,
            message=MESSAGES[issue.code],
            rules=rule_set_name(issue.code),
        )
        for issue in found
    ]
    problem = RuleViolation(errors[0].code, errors)
    problem.detail = f"{errors[0].field}: {errors[0].message}"
    return problem

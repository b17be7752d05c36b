"""RFC 9457 problem details: the one shape every DFDG error answer has."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask import Response, json
from pydantic import ValidationError

from jobnet.dfdg.schemas.base import FieldError, Problem

PROBLEM_CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:jobnet:dfdg:problem:"

TITLES: dict[str, str] = {
    "malformed-json": "The request body is not valid JSON",
    "unauthorized": "The connected system is not authenticated",
    "forbidden": "The connected system may not do this",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "idempotency-request-in-progress": "A request with this Idempotency-Key is still in progress",
    "validation-error": "The request has invalid fields",
    "idempotency-key-reused": "The Idempotency-Key was used before with a different request",
    "internal-error": "Internal error",
    "service-unavailable": "The service is unavailable",
}


class ProblemError(Exception):
    """Raised anywhere in the API; answered as a problem+json response."""

    def __init__(
        self,
        status: int,
        slug: str,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail or TITLES.get(slug, slug))
        self.status = status
        self.slug = slug
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = dict(headers or {})

    def to_response(self) -> Response:
        return problem_response(
            self.status, self.slug, self.detail, errors=self.errors, headers=self.headers
        )


def problem_type(slug: str) -> str:
    return TYPE_PREFIX + slug


def problem_response(
    status: int,
    slug: str,
    detail: str | None = None,
    *,
    errors: Sequence[FieldError] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    problem = Problem(
        type=problem_type(slug),
        title=TITLES.get(slug, slug),
        status=status,
        detail=detail,
        errors=list(errors) if errors is not None else None,
    )
    body = problem.model_dump(mode="json", exclude_none=True)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_CONTENT_TYPE)
    response.headers.update(headers or {})
    return response


def field_error(field: str, code: str, message: str) -> FieldError:
    return FieldError(field=field, code=code, message=message)


def validation_problem(errors: Sequence[FieldError], detail: str | None = None) -> ProblemError:
    return ProblemError(422, "validation-error", detail, errors=errors)


def _field_name(location: Sequence[int | str]) -> str:
    return ".".join(str(part) for part in location) or "body"


def from_validation_error(exc: ValidationError) -> ProblemError:
    """A 422 problem naming each field pydantic rejected."""
    errors = [
        field_error(_field_name(error["loc"]), error["type"], error["msg"])
        for error in exc.errors(include_url=False, include_input=False)
    ]
    return validation_problem(errors)

"""What can go wrong talking to DFDG, and the problem document DFDG sent."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jobnet.clients.dfdg_client.transport import Answer


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    message: str
    rules: str | None = None  # the rule set the code is of (registration, absence, …)


class DfdgError(Exception):
    """Any failure talking to DFDG. `problem` is the RFC 9457 body when DFDG sent one."""

    def __init__(
        self, message: str, *, status: int | None = None, problem: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.problem: Mapping[str, Any] = problem or {}

    @property
    def problem_type(self) -> str | None:
        """The last part of the problem type, e.g. "idempotency-key-reused"."""
        kind = self.problem.get("type")
        return str(kind).rsplit(":", 1)[-1] if kind else None

    @property
    def code(self) -> str:
        """A stable reason: the broken rule's code (e.g. "overlaps"), else the problem type,
        else the error's class name (e.g. "DfdgUnavailable" when DFDG was not reached)."""
        return str(self.problem.get("code") or self.problem_type or type(self).__name__)

    @property
    def title(self) -> str:
        """DFDG's human words for the problem (its detail, else its title), else the message."""
        return str(self.problem.get("detail") or self.problem.get("title") or self)


class DfdgUnavailable(DfdgError):
    """DFDG could not be reached, timed out or failed (5xx): try again later (the outbox)."""


class DfdgUnauthorized(DfdgUnavailable):
    """DFDG does not accept our token (401): our configuration to mend, not the user's fault,
    so to the user it is the same as DFDG being away, and the outbox keeps trying."""


class DfdgBadAnswer(DfdgError):
    """DFDG answered, but not in the shape this client reads (a field missing or of the wrong
    type): a mismatch between the two services to mend, not the user's fault."""


class DfdgForbidden(DfdgError):
    """DFDG refuses this call for this system or actor (403)."""


class DfdgNotFound(DfdgError):
    """The person or thing asked for does not exist (404)."""


class DfdgRejected(DfdgError):
    """DFDG rejected the request (400/422); `errors` names each bad field."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        problem: Mapping[str, Any] | None = None,
        errors: tuple[FieldError, ...] = (),
    ) -> None:
        super().__init__(message, status=status, problem=problem)
        self.errors = errors


class DfdgConflict(DfdgError):
    """A request with the same idempotency key is still in progress (409)."""


_STATUS_ERRORS: dict[int, type[DfdgError]] = {
    400: DfdgRejected,
    401: DfdgUnauthorized,
    403: DfdgForbidden,
    404: DfdgNotFound,
    409: DfdgConflict,
    422: DfdgRejected,
}


def _problem_of(response: Answer) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _error_for(response: Answer) -> DfdgError:
    problem = _problem_of(response)
    status = response.status_code
    message = f"DFDG answered {status}: {problem.get('detail') or problem.get('title') or ''}"
    if status >= 500 or status in (408, 429):
        return DfdgUnavailable(message.strip(), status=status, problem=problem)
    error_class = _STATUS_ERRORS.get(status, DfdgError)
    if error_class is DfdgRejected:
        errors = tuple(
            FieldError(
                str(e.get("field", "")),
                str(e.get("code", "")),
                str(e.get("message", "")),
                str(e["rules"]) if e.get("rules") else None,
            )
            for e in problem.get("errors") or ()
            if isinstance(e, dict)
        )
        return DfdgRejected(message.strip(), status=status, problem=problem, errors=errors)
    return error_class(message.strip(), status=status, problem=problem)

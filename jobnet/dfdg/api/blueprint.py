"""The API blueprint, its route registry, bearer authentication and body parsing."""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping
from typing import TypeVar

from flask import Blueprint, g, request
from pydantic import BaseModel, ValidationError

from jobnet.dfdg.context import close_request_session, system_tokens
from jobnet.dfdg.limits import check_stored_ranges
from jobnet.dfdg.openapi import ApiRegistry
from jobnet.dfdg.problems import (
    ProblemError,
    field_error,
    from_validation_error,
    validation_problem,
)
from jobnet.dfdg.unit_of_work import request_json
from jobnet.environment import DEV_DFDG_TOKEN

URL_PREFIX = "/api/v1"

bp = Blueprint("dfdg_api", __name__)
api = ApiRegistry(bp, URL_PREFIX, title="DFDG API", version="1.0.0")

ModelT = TypeVar("ModelT", bound=BaseModel)


def system_for_token(presented: str, tokens: Mapping[str, tuple[str, ...]]) -> str | None:
    """The connected system owning `presented`, compared in constant time against every token
    (a system being rotated has two)."""
    found: str | None = None
    for system, owned in tokens.items():
        for token in owned:
            if hmac.compare_digest(presented.encode("utf-8"), token.encode("utf-8")):
                found = system
    return found


def _from_loopback() -> bool:
    try:
        return ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False


def _unauthorized(detail: str, error: str | None = None) -> ProblemError:
    challenge = 'Bearer realm="dfdg"'
    if error:
        challenge += f', error="{error}"'
    return ProblemError(401, "unauthorized", detail, headers={"WWW-Authenticate": challenge})


@bp.before_request
def authenticate() -> None:
    if request.endpoint in api.public_endpoints:
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("Send Authorization: Bearer <token> of a connected system")
    system = system_for_token(token.strip(), system_tokens())
    if system is None:
        raise _unauthorized("The bearer token is not valid", "invalid_token")
    if token.strip() == DEV_DFDG_TOKEN and not _from_loopback():
        # The development token is public (it is in the source): only this machine may use it.
        raise _unauthorized("The development token is accepted from loopback only", "invalid_token")
    g.dfdg_system = system


@bp.errorhandler(ProblemError)
def problem(exc: ProblemError):  # type: ignore[no-untyped-def]
    return exc.to_response()


bp.teardown_request(close_request_session)


def parse_body(model: type[ModelT]) -> ModelT:
    """The JSON body validated by `model`: 400 when not JSON, 422 naming each bad field."""
    data = request_json()
    try:
        body = model.model_validate(data)
    except ValidationError as exc:
        raise from_validation_error(exc) from None
    check_stored_ranges(body)
    return body


def parse_query(model: type[ModelT]) -> ModelT:
    """The query string validated by `model`: 422 naming each bad parameter."""
    with_nul = [name for name, value in request.args.items(multi=True) if "\x00" in value]
    if with_nul:
        raise validation_problem(
            [
                field_error(name, "nul_character", "Must not contain the NUL character")
                for name in with_nul
            ]
        )
    try:
        query = model.model_validate(request.args.to_dict())
    except ValidationError as exc:
        raise from_validation_error(exc) from None
    check_stored_ranges(query)
    return query

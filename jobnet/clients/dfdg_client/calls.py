"""What every call stands on: authorisation, the end-user assertion, idempotency keys, errors."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Self
from urllib.parse import urlencode

import httpx
from flask import Flask

from jobnet.clients.dfdg_client.assertion import AssertionSigner
from jobnet.clients.dfdg_client.errors import DfdgError, DfdgUnavailable, _error_for
from jobnet.clients.dfdg_client.transport import (
    HttpxTransport,
    PooledHttp,
    Transport,
    Unreachable,
    json_body,
)
from jobnet.clients.dfdg_client.values import Actor
from jobnet.domain.actor_assertion import HEADER as ASSERTION_HEADER

IN_PROCESS_BASE_URL = "http://dfdg.internal"


API_PREFIX = "/api/v1"


class Calls:
    """What each area's calls stand on. Build the client with `in_process` or `over_http`."""

    def __init__(
        self,
        base_url: str,
        token: str,
        timeout: float,
        *,
        transport: httpx.BaseTransport | None = None,
        signer: AssertionSigner | None = None,
    ) -> None:
        """Over pooled HTTP to `base_url`, or through `transport` (WSGI, a test's mock).

        `signer` makes the end-user assertions; the development key's when not given (which
        only a development or test DFDG trusts)."""
        self._signer = signer or AssertionSigner.development()
        # When DFDG last answered this client (time.monotonic()); a 5xx is no answer. The web
        # app stops treating DFDG as away as soon as any call of its process got through.
        self.last_answered = 0.0
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        self._transport: Transport = (
            PooledHttp(base_url, headers, timeout)
            if transport is None
            else HttpxTransport(base_url, headers, timeout, transport)
        )

    @classmethod
    def in_process(
        cls, app: Flask, token: str, timeout: float, signer: AssertionSigner | None = None
    ) -> Self:
        """Reach the DFDG Flask app in this process through WSGI (the embedded default)."""
        transport = httpx.WSGITransport(app=app)
        return cls(IN_PROCESS_BASE_URL, token, timeout, transport=transport, signer=signer)

    @classmethod
    def over_http(
        cls, base_url: str, token: str, timeout: float, signer: AssertionSigner | None = None
    ) -> Self:
        """Reach a DFDG service at `base_url` (e.g. https://dfdg.example)."""
        return cls(base_url, token, timeout, signer=signer)

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _request(
        self,
        method: str,
        path: str,
        *,
        actor: Actor | None = None,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        reads_only: bool = False,
        cpr: str | None = None,
        timeout: float | None = None,
    ) -> Any:
        """`reads_only`: a POST that changes nothing (a lookup with the CPR number in its body,
        not in the URL), so it may be repeated like a GET. `cpr`: a citizen logging in, whom
        DFDG does not know by id yet, proves the CPR number of the body in the assertion.
        `timeout`: a shorter limit than the client's for this one call (a send's budget)."""
        headers: dict[str, str] = {}
        if actor is not None:
            headers[ASSERTION_HEADER] = self._signer.assertion(actor, cpr=cpr)
        if idempotency_key is not None:
            headers["Idempotency-Key"] = idempotency_key
        body = None
        if json is not None:
            body = json_body(json)
            headers["Content-Type"] = "application/json"
        target = API_PREFIX + path + (f"?{urlencode(params)}" if params else "")
        try:
            repeatable = method == "GET" or reads_only or idempotency_key is not None
            response = self._transport.send(
                method, target, headers, body, repeatable=repeatable, timeout=timeout
            )
        except Unreachable as exc:
            raise DfdgUnavailable(f"DFDG {exc}") from exc.__cause__
        if response.status_code < 500:
            self.last_answered = time.monotonic()
        if not response.is_success:
            raise _error_for(response)
        try:
            return response.json()
        except ValueError as exc:
            raise DfdgError("DFDG answered with a body that is not JSON", status=200) from exc

    def send_command(
        self,
        method: str,
        path: str,
        body: dict[str, Any],
        *,
        actor: Actor,
        idempotency_key: str,
        timeout: float | None = None,
    ) -> dict[str, Any]:
        """Send a stored command (see `jobnet.clients.dfdg_commands`); DFDG's JSON answer.

        `path` is relative to /api/v1. Raises DfdgUnavailable (not reached, timed out, 5xx:
        try again with the same key), DfdgConflict (the same key is still in progress: try
        again), DfdgRejected (400/422, with `.code` and `.errors`), DfdgForbidden, DfdgNotFound.
        `timeout`: a shorter limit than the client's for this one call (a send's budget).
        """
        if not path.startswith("/"):
            raise ValueError("a command's path starts with / (relative to /api/v1)")
        answer = self._request(
            method.upper(),
            path,
            actor=actor,
            json=body,
            idempotency_key=idempotency_key,
            timeout=timeout,
        )
        if not isinstance(answer, dict):
            raise DfdgError("DFDG answered a command with something other than a JSON object")
        return answer

"""How the DFDG client's requests travel: over pooled HTTP connections, or through an httpx
transport (DFDG's WSGI app in this process, or a test's mock).

Both take the same request (method, target, headers, body) and give the same `Answer`, so the
typed calls in `dfdg.py` have one code path whichever way DFDG is reached. Over the network the
client is urllib3: the web app makes at least one DFDG call for nearly every page, and httpx's
request and response models cost about twice urllib3's CPU per call (0.5 ms more, measured).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
import urllib3
from urllib3.exceptions import HTTPError, NewConnectionError, ProtocolError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

# Enough for every thread of a web or outbox worker; more are opened when needed, not kept.
POOL_SIZE = 16


@dataclass(frozen=True)
class Answer:
    status_code: int
    content: bytes

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    def json(self) -> Any:
        """The body as JSON; ValueError when it is not."""
        return json.loads(self.content)


class Unreachable(Exception):
    """No answer came: the service is down, refused the connection or took too long."""

    def __init__(self, message: str, *, timed_out: bool) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def _unreachable(error: Exception, *, timed_out: bool) -> Unreachable:
    what = "timed out" if timed_out else "could not be reached"
    return Unreachable(f"{what}: {type(error).__name__}", timed_out=timed_out)


class Transport(Protocol):
    def send(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes | None,
        *,
        repeatable: bool,
        timeout: float | None = None,
    ) -> Answer:
        """`repeatable`: sending the request twice does no harm (a read, or a command with an
        idempotency key), so it may be sent again when a kept connection breaks under it.
        `timeout`: this request's own limit in seconds, shorter than the client's (a send's
        budget for delivering at once); None: the client's."""
        ...

    def close(self) -> None: ...


def json_body(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class PooledHttp:
    """Keep-alive connections to one service at `base_url` (its path is kept as a prefix)."""

    def __init__(self, base_url: str, headers: Mapping[str, str], timeout: float) -> None:
        self._prefix = urlsplit(base_url).path.rstrip("/")
        self._headers = dict(headers)
        self._pool = urllib3.connection_from_url(
            base_url,
            maxsize=POOL_SIZE,
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=False,
        )

    def send(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes | None,
        *,
        repeatable: bool,
        timeout: float | None = None,
    ) -> Answer:
        limit = None if timeout is None else urllib3.Timeout(connect=timeout, read=timeout)
        try:
            try:
                response = self._urlopen(method, target, headers, body, limit)
            except ProtocolError:
                # The service ended a kept connection (its keep-alive ran out) just as this
                # request went on it: no answer came, so a repeatable request goes once more,
                # on a new connection. A timeout is not repeated: that would double the wait.
                if not repeatable:
                    raise
                response = self._urlopen(method, target, headers, body, limit)
        except NewConnectionError as exc:  # a subclass of the timeout error, so first
            raise _unreachable(exc, timed_out=False) from exc
        except Urllib3Timeout as exc:
            raise _unreachable(exc, timed_out=True) from exc
        except HTTPError as exc:
            raise _unreachable(exc, timed_out=False) from exc
        return Answer(response.status, response.data)

    def _urlopen(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes | None,
        timeout: urllib3.Timeout | None,
    ) -> urllib3.BaseHTTPResponse:
        return self._pool.urlopen(
            method,
            self._prefix + target,
            body=body,
            headers={**self._headers, **headers},
            redirect=False,
            retries=False,
            timeout=timeout if timeout is not None else self._pool.timeout,
        )

    def close(self) -> None:
        self._pool.close()


class HttpxTransport:
    """Requests through an httpx transport: `httpx.WSGITransport` for DFDG in this process."""

    def __init__(
        self,
        base_url: str,
        headers: Mapping[str, str],
        timeout: float,
        transport: httpx.BaseTransport,
    ) -> None:
        self._http = httpx.Client(
            base_url=base_url.rstrip("/"),
            transport=transport,
            timeout=httpx.Timeout(timeout),
            headers=dict(headers),
            follow_redirects=False,
        )

    def send(
        self,
        method: str,
        target: str,
        headers: Mapping[str, str],
        body: bytes | None,
        *,
        repeatable: bool,
        timeout: float | None = None,
    ) -> Answer:
        # No kept connections to lose in this process or in a test's mock: nothing to repeat.
        limit = httpx.USE_CLIENT_DEFAULT if timeout is None else httpx.Timeout(timeout)
        try:
            response = self._http.request(
                method, target, content=body, headers=headers, timeout=limit
            )
        except httpx.TimeoutException as exc:
            raise _unreachable(exc, timed_out=True) from exc
        except httpx.HTTPError as exc:
            raise _unreachable(exc, timed_out=False) from exc
        return Answer(response.status_code, response.content)

    def close(self) -> None:
        self._http.close()

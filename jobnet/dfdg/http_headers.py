"""DFDG's HTTP headers in one place: the formats of the request headers the OpenAPI document
describes, and the headers every answer carries (set here, documented from the same table)."""

from __future__ import annotations

from typing import Any

from flask import Response

from jobnet.domain.codes import ActorType, Channel

_PERCENT_ENCODED = {
    "type": "string",
    "pattern": "^[ -~]*$",
    "description": "Percent-encoded UTF-8 (visible ASCII on the wire); at most {limit} "
    "characters once decoded",
}

# The schema of each request header (the reader in `jobnet.dfdg.actor` and the Idempotency-Key
# check in `jobnet.dfdg.unit_of_work` refuse what does not match). A header not listed here is
# described as a plain string.
REQUEST_HEADER_SCHEMAS: dict[str, dict[str, Any]] = {
    "X-Actor-Type": {"type": "string", "enum": [member.value for member in ActorType]},
    "X-Actor-Id": {"type": "string", "minLength": 1, "maxLength": 200},
    "X-Actor-Name": {**_PERCENT_ENCODED, "x-decoded-max-length": 200},
    "X-Actor-Organisation": {"type": "string", "pattern": "^[0-9]{8}$"},
    "X-On-Behalf-Of": {"type": "string", "minLength": 1, "maxLength": 200},
    "X-Purpose": {**_PERCENT_ENCODED, "x-decoded-max-length": 500},
    "X-Channel": {"type": "string", "enum": [member.value for member in Channel]},
    "X-Actor-Assertion": {
        "type": "string",
        "maxLength": 8192,
        "pattern": "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
        "description": "Who acts: a compact JWS (EdDSA or ES256) signed by a key registered for "
        "the calling system; see docs/security.md",
    },
    "Idempotency-Key": {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "pattern": "^[!-~]{1,200}$",
        "description": "1-200 visible ASCII characters (no spaces)",
    },
}


def request_header_schema(name: str) -> dict[str, Any]:
    schema = dict(REQUEST_HEADER_SCHEMAS.get(name, {"type": "string"}))
    limit = schema.pop("x-decoded-max-length", None)
    if limit is not None:
        schema["maxLength"] = limit * 12  # a character is at most four bytes, "%XX" each
        schema["description"] = schema["description"].format(limit=limit)
    return schema


# Every DFDG answer is about a person or a system's own call: no cache may keep it, and no
# browser may guess a type other than the declared JSON.
ANSWER_HEADERS: dict[str, tuple[str, str]] = {
    "Cache-Control": ("no-store", "No cache may keep the answer"),
    "X-Content-Type-Options": ("nosniff", "The content type is as declared"),
}


def answer_header_documents() -> dict[str, dict[str, Any]]:
    """The OpenAPI `headers` of every answer."""
    return {
        name: {
            "description": description,
            "required": True,
            "schema": {"type": "string", "const": value},
        }
        for name, (value, description) in ANSWER_HEADERS.items()
    }


def set_answer_headers(response: Response) -> Response:
    """`after_request` of the DFDG app: every answer, errors included."""
    for name, (value, _) in ANSWER_HEADERS.items():
        response.headers[name] = value
    return response

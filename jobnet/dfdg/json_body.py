"""A request body as JSON, or a problem saying why it is not one DFDG can take.

Each refusal here once was a 500 (issue 26): JSON nested 10,000 deep (RecursionError), an
integer of 100,000 digits (Python converts at most 4,300), and a lone UTF-16 surrogate
("\\ud800"), which is valid JSON but no UTF-8 text, so it could be neither stored nor answered.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jobnet.dfdg.problems import ProblemError, field_error, validation_problem

# No DFDG body nests more than a few levels; the limit keeps every later walk (pydantic, the
# idempotency fingerprint, logging) far from Python's recursion limit.
MAX_DEPTH = 32
_SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_MESSAGE = "Must not contain a lone surrogate (U+D800 to U+DFFF)"


def _malformed(detail: str) -> ProblemError:
    return ProblemError(400, "malformed-json", detail)


def parse_json(raw: bytes) -> Any:
    """`raw` as JSON: a 400 problem when it is not UTF-8, not JSON, nested more than MAX_DEPTH
    deep or holds a number of too many digits; a 422 naming each string with a lone surrogate."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _malformed(f"The body is not UTF-8: {exc.reason}") from None
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _malformed(f"Invalid JSON: {exc}") from None
    except RecursionError:
        raise _malformed(f"The JSON is nested too deep (at most {MAX_DEPTH} levels)") from None
    except ValueError:  # int() refuses more digits than sys.get_int_max_str_digits()
        raise _malformed("A number in the JSON has too many digits") from None
    surrogates = _check_shape(parsed)
    if surrogates:
        raise validation_problem(
            [field_error(path, "surrogate_character", SURROGATE_MESSAGE) for path in surrogates]
        )
    return parsed


def _check_shape(parsed: Any) -> list[str]:
    """The paths of strings (and keys) holding a lone surrogate, walked without recursion; a
    400 problem when the value nests more than MAX_DEPTH deep."""
    found: list[str] = []
    stack: list[tuple[Any, str, int]] = [(parsed, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found.append(path or "body")
            continue
        if not isinstance(value, list | dict):
            continue
        if depth >= MAX_DEPTH:
            raise _malformed(f"The JSON is nested too deep (at most {MAX_DEPTH} levels)")
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            inner = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and _SURROGATE.search(key):
                found.append(inner)
            stack.append((item, inner, depth + 1))
    return sorted(set(found))
